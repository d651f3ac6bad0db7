import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApplicationState } from '#workflow';
import type { DueGroup } from '../outlook/renewal-outlook.js';

/** An issued endorsement as its certificate and credential describe it. */
export interface HeldEndorsement {
  applicationId: string;
  number: string;
  state: ApplicationState;
  associationCode: string;
  categoryCode: string;
  trackCode: string | null;
  holderName: string;
  endorsedAt: Date;
  /** A calendar date (YYYY-MM-DD) in the association's time zone. */
  renewalDueOn: string;
}

/** An endorsement found by its number, for the public check. */
export interface EndorsementByNumber {
  endorsement_number: string;
  association_code: string;
  category_code: string;
  track_code: string | null;
  state: ApplicationState;
  full_name: string;
}

/** An endorsement as its holder sees it in their list. */
export interface EndorsementView {
  applicationId: string;
  categoryCode: string;
  trackCode: string | null;
  displayName: string;
  number: string;
  status: string;
  endorsedAt: Date | null;
  /** A calendar date (YYYY-MM-DD). */
  renewalDueOn: string | null;
  /** Whether the endorsee chose to appear in the public registry. */
  registryListed: boolean;
}

export interface RegistryFilter {
  association?: string;
  category?: string;
  /** Part of a name, or an endorsement number. */
  q?: string;
  /** The (name, id) key of the previous page's last entry. */
  after?: { name: string; id: string };
}

export interface RegistryRow {
  id: string;
  full_name: string;
  association_code: string;
  category_code: string;
  track_code: string | null;
  state: 'endorsed' | 'renewal_due';
  endorsement_number: string;
}

/** One renewal cycle of a person: their endorsements in one association due the same day, ids in order. */
export interface DueCycle {
  association_code: string;
  /** A calendar date (YYYY-MM-DD). */
  due_on: string;
  ids: string[];
}

/** An endorsement of a cycle taking a renewal step, locked. */
export interface CycleMember {
  id: string;
  version: number;
  association_code: string;
}

/** The first endorsement of one cycle found by the renewal sweep. */
export interface SweptCycle {
  id: string;
  applicant_id: string;
  /** A calendar date (YYYY-MM-DD). */
  due_on: string;
}

/**
 * Endorsements and their renewals (the endorsement columns of applications), endorsement numbers,
 * the credentials' status list entries, and the reads of the public registry and the outlook.
 */
@Injectable()
export class EndorsementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The endorsement of an application if the person holds it or `staffOf` is its association's staff
   * (`'*'`: Alliance-wide); null `staffOf` for anyone else.
   */
  async findHeld(applicationId: string, personId: string, staffOf: string | null): Promise<HeldEndorsement | undefined> {
    const [row] = await this.dataSource.query<HeldEndorsement[]>(
      `SELECT a.id AS "applicationId", a.endorsement_number AS number, a.state, a.association_code AS "associationCode",
              a.category_code AS "categoryCode", a.track_code AS "trackCode", p.full_name AS "holderName",
              a.endorsed_at AS "endorsedAt", to_char(a.renewal_due_on, 'YYYY-MM-DD') AS "renewalDueOn"
         FROM applications a JOIN people p ON p.id = a.applicant_id
        WHERE a.id = $1 AND a.endorsement_number IS NOT NULL
          AND (a.applicant_id = $2 OR $3::text = '*' OR a.association_code = $3)`,
      [applicationId, personId, staffOf],
    );
    return row;
  }

  /** One indexed lookup, whether the number exists or not. */
  async findByNumber(endorsementNumber: string): Promise<EndorsementByNumber | undefined> {
    const [row] = await this.dataSource.query<EndorsementByNumber[]>(
      `SELECT a.endorsement_number, a.association_code, a.category_code, a.track_code, a.state, p.full_name
         FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.endorsement_number = $1`,
      [endorsementNumber],
    );
    return row;
  }

  /** The endorsements a person holds or held (renewal due, lapsed, under reinstatement), oldest first. */
  async listHeldBy(personId: string): Promise<EndorsementView[]> {
    return this.dataSource.query<EndorsementView[]>(
      `SELECT id AS "applicationId", category_code AS "categoryCode", track_code AS "trackCode", rules->>'displayName' AS "displayName",
              endorsement_number AS number, state AS status, endorsed_at AS "endorsedAt", to_char(renewal_due_on, 'YYYY-MM-DD') AS "renewalDueOn",
              registry_listed AS "registryListed"
         FROM applications WHERE applicant_id = $1 AND endorsement_number IS NOT NULL ORDER BY endorsed_at, id`,
      [personId],
    );
  }

  /** The person's current renewal cycle: one renewal covers every category held, on the earliest cycle's due day. */
  async findCurrentCycle(personId: string): Promise<{ id: string; due_on: string } | undefined> {
    const [current] = await this.dataSource.query<{ id: string; due_on: string }[]>(
      `SELECT id, to_char(renewal_due_on, 'YYYY-MM-DD') AS due_on FROM applications
        WHERE applicant_id = $1 AND state IN ('endorsed', 'renewal_due') AND renewal_due_on IS NOT NULL ORDER BY renewal_due_on, id LIMIT 1`,
      [personId],
    );
    return current;
  }

  /**
   * The person's endorsements whose renewal is due, locked (in id order) until the transaction ends,
   * grouped into cycles: one per association and due day, earliest first.
   */
  async lockDueCycles(personId: string, manager: EntityManager = this.dataSource.manager): Promise<DueCycle[]> {
    return manager.query<DueCycle[]>(
      `SELECT association_code, to_char(renewal_due_on, 'YYYY-MM-DD') AS due_on, array_agg(id ORDER BY id) AS ids FROM (
         SELECT id, association_code, renewal_due_on FROM applications WHERE applicant_id = $1 AND state = 'renewal_due' ORDER BY id FOR UPDATE) due
        GROUP BY association_code, renewal_due_on ORDER BY renewal_due_on, association_code`,
      [personId],
    );
  }

  /** The next cycle's due day of renewed endorsements. */
  async setRenewalDueOn(ids: string[], dueOn: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE applications SET renewal_due_on = $2::date WHERE id = ANY($1::uuid[])`, [ids, dueOn]);
  }

  /**
   * The cycle of the application (its holder's endorsements in the same association) in `state` with
   * the due day, locked in id order until the transaction ends; empty when there is none.
   */
  async lockCycle(applicationId: string, state: ApplicationState, dueOn: string, manager: EntityManager = this.dataSource.manager): Promise<CycleMember[]> {
    return manager.query<CycleMember[]>(
      `SELECT o.id, o.version, o.association_code FROM applications a
         JOIN applications o ON o.applicant_id = a.applicant_id AND o.association_code = a.association_code
        WHERE a.id = $1 AND o.state = $2 AND o.renewal_due_on = $3::date
        ORDER BY o.id FOR UPDATE OF o`,
      [applicationId, state, dueOn],
    );
  }

  /**
   * One keyset page of the association's cycles in `state` due before `dueBefore`, after the (due day,
   * person) key: an index range scan along the renewal index, one row (the first endorsement) per cycle.
   * `limit` is written into the statement (as bench:renewal measures it).
   */
  async findCyclesDue(
    associationCode: string,
    state: ApplicationState,
    dueBefore: string,
    after: { dueOn: string; personId: string },
    limit: number,
  ): Promise<SweptCycle[]> {
    return this.dataSource.query<SweptCycle[]>(
      `SELECT DISTINCT ON (renewal_due_on, applicant_id) id, applicant_id, to_char(renewal_due_on, 'YYYY-MM-DD') AS due_on FROM applications
        WHERE association_code = $1 AND state = $2 AND renewal_due_on < $3::date AND (renewal_due_on, applicant_id) > ($4::date, $5::uuid)
        ORDER BY renewal_due_on, applicant_id, id LIMIT ${limit}`,
      [associationCode, state, dueBefore, after.dueOn, after.personId],
    );
  }

  /**
   * The association's endorsements due on days whose opening or lapse can fall in the window (the
   * renewal index's range), counted in renewal cycles (people) per state and due day: a person's
   * endorsements due the same day move and are emailed as one.
   */
  async countDueGroups(associationCode: string, endorsedDueBefore: string, renewalDueBefore: string): Promise<DueGroup[]> {
    return this.dataSource.query<DueGroup[]>(
      `SELECT state, to_char(renewal_due_on, 'YYYY-MM-DD') AS "dueOn", count(DISTINCT applicant_id)::int AS count FROM applications
        WHERE association_code = $1 AND ((state = 'endorsed' AND renewal_due_on < $2::date) OR (state = 'renewal_due' AND renewal_due_on < $3::date))
        GROUP BY state, renewal_due_on`,
      [associationCode, endorsedDueBefore, renewalDueBefore],
    );
  }

  /** Up to `limit` entries of the public registry (listed endorsements in good standing), by holder name then id. */
  async searchRegistry(search: RegistryFilter, limit: number): Promise<RegistryRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [`a.registry_listed`, `a.state IN ('endorsed', 'renewal_due')`];
    if (search.association) where.push(`a.association_code = ${param(search.association)}`);
    if (search.category) where.push(`a.category_code = ${param(search.category)}`);
    if (search.q) {
      const like = param(`%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(p.full_name ILIKE ${like} OR a.endorsement_number = ${param(search.q)})`);
    }
    if (search.after) where.push(`(p.full_name, a.id) > (${param(search.after.name)}, ${param(search.after.id)}::uuid)`);
    return this.dataSource.query<RegistryRow[]>(
      `SELECT a.id, p.full_name, a.association_code, a.category_code, a.track_code, a.state, a.endorsement_number
         FROM applications a JOIN people p ON p.id = a.applicant_id
        WHERE ${where.join(' AND ')}
        ORDER BY p.full_name, a.id
        LIMIT ${param(limit)}`,
      params,
    );
  }

  /** Lists or unlists the person's endorsement in good standing; its id, or undefined when there is none such. */
  async setRegistryListed(applicationId: string, personId: string, listed: boolean): Promise<string | undefined> {
    const [[row]] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE applications SET registry_listed = $3 WHERE id = $1 AND applicant_id = $2 AND state IN ('endorsed', 'renewal_due') RETURNING id`,
      [applicationId, personId, listed],
    );
    return row?.id;
  }

  /** Whether the application exists and is the person's. */
  async isApplicants(applicationId: string, personId: string): Promise<boolean> {
    const [own] = await this.dataSource.query<unknown[]>(`SELECT 1 FROM applications WHERE id = $1 AND applicant_id = $2`, [applicationId, personId]);
    return own !== undefined;
  }

  /**
   * The endorsement's place in its association's status list: `candidate` if it had none and the place is
   * free, the place it already has otherwise; undefined when it has none and `candidate` is taken.
   */
  async claimStatusIndex(applicationId: string, associationCode: string, candidate: number, now: Date): Promise<number | undefined> {
    // Conflicts on either key do nothing: another request gave this endorsement its place, or the place is taken.
    await this.dataSource.query(
      `INSERT INTO credential_status_entries (application_id, association_code, status_index, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [applicationId, associationCode, candidate, now],
    );
    const [row] = await this.dataSource.query<{ status_index: number }[]>(`SELECT status_index FROM credential_status_entries WHERE application_id = $1`, [
      applicationId,
    ]);
    return row?.status_index;
  }

  /** The status list places of the association's endorsements not in `currentStates`: their bits are set. */
  async findSuspendedStatusIndexes(associationCode: string, currentStates: readonly ApplicationState[]): Promise<number[]> {
    const rows = await this.dataSource.query<{ status_index: number }[]>(
      `SELECT e.status_index FROM credential_status_entries e JOIN applications a ON a.id = e.application_id
        WHERE e.association_code = $1 AND a.state <> ALL($2::text[])`,
      [associationCode, currentStates],
    );
    return rows.map((r) => r.status_index);
  }

  /** The number the application was endorsed under before (kept on reinstatement), else null. */
  async findEndorsementNumber(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [current] = await manager.query<{ endorsement_number: string | null }[]>(`SELECT endorsement_number FROM applications WHERE id = $1`, [
      applicationId,
    ]);
    return current.endorsement_number;
  }

  /** The association's next endorsement sequence value (1 for its first). */
  async nextEndorsementSequence(associationCode: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [seq] = await manager.query<{ last_value: number }[]>(
      `INSERT INTO endorsement_sequences (association_code, last_value) VALUES ($1, 1)
       ON CONFLICT (association_code) DO UPDATE SET last_value = endorsement_sequences.last_value + 1 RETURNING last_value`,
      [associationCode],
    );
    return seq.last_value;
  }

  /** The earliest renewal due day (YYYY-MM-DD) of the applicant's other current endorsements, else null. */
  async findHeldCycleDueOn(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [held] = await manager.query<{ due_on: string | null }[]>(
      `SELECT to_char(min(o.renewal_due_on), 'YYYY-MM-DD') AS due_on FROM applications o JOIN applications a ON a.applicant_id = o.applicant_id
        WHERE a.id = $1 AND o.id <> a.id AND o.state IN ('endorsed', 'renewal_due')`,
      [applicationId],
    );
    return held.due_on;
  }

  /** Records the endorsement: its number, when, and its renewal due day (YYYY-MM-DD). */
  async recordEndorsement(
    applicationId: string,
    endorsementNumber: string,
    endorsedAt: Date,
    renewalDueOn: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(`UPDATE applications SET endorsement_number = $2, endorsed_at = $3, renewal_due_on = $4::date WHERE id = $1`, [
      applicationId,
      endorsementNumber,
      endorsedAt,
      renewalDueOn,
    ]);
  }

  /** Takes the endorsement out of the public registry. */
  async unlistFromRegistry(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE applications SET registry_listed = false WHERE id = $1`, [applicationId]);
  }

  /** The endorsement's renewal due day (YYYY-MM-DD). */
  async findRenewalDueOn(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [{ due_on: dueOn }] = await manager.query<{ due_on: string }[]>(
      `SELECT to_char(renewal_due_on, 'YYYY-MM-DD') AS due_on FROM applications WHERE id = $1`,
      [applicationId],
    );
    return dueOn;
  }
}
