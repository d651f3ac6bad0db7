import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RulesSnapshot } from '#framework';
import type { RaterLinkFacts } from './link-problem.js';

/** A rater's reference with what its form and its effects need, found by the link's hash. */
export interface ReferenceByToken extends RaterLinkFacts {
  id: string;
  application_id: string;
  role: string;
  rater_name: string;
  waived_access: boolean;
  association_code: string;
  reinstatement: boolean;
  rules: RulesSnapshot;
  applicant_name: string;
  applicant_email: string;
}

/** A reference to open: its row gets status `requested`. */
export interface NewReference {
  id: string;
  applicationId: string;
  role: string;
  raterName: string;
  raterEmail: string;
  waivedAccess: boolean;
  /** Only the hash of the link is stored. */
  tokenHash: string;
  tokenExpiresAt: Date;
}

/** What a replaced reference hands on to the one that replaces it. */
export interface ReplacedReference {
  role: string;
  rater_name: string;
  waived_access: boolean;
}

/** The applicant whose rater changes are counted, with the application's association. */
export interface RaterChangeApplicant {
  association_code: string;
  applicant_id: string;
  email: string;
}

/** A recorded vetting call. */
export interface NewVettingCall {
  referenceId: string;
  staffAccountId: string;
  calledAt: Date;
  outcome: string;
  notes: string;
}

const SELECT_BY_TOKEN_HASH = `
  SELECT r.id, r.application_id, r.role, r.rater_name, r.waived_access, r.status, r.revoked_at, r.token_expires_at,
         a.state, a.held_from, a.association_code, a.reinstatement, a.rules, p.full_name AS applicant_name, p.email AS applicant_email
    FROM application_references r
    JOIN applications a ON a.id = r.application_id
    JOIN people p ON p.id = a.applicant_id
   WHERE r.token_hash = $1`;

// The times of the most recent changes that count, newest first: those of the reference's chain of
// replacements, and those of all the applicant's references. Replaced rows are never changed again,
// so they are the record.
const CHAIN_CHANGES = `
  WITH RECURSIVE chain AS (
    SELECT id, status, revoked_at FROM application_references WHERE id = $1
    UNION ALL
    SELECT r.id, r.status, r.revoked_at FROM application_references r JOIN chain c ON r.replaced_by = c.id WHERE r.revoked_at > $2
  )
  SELECT revoked_at AS at FROM chain WHERE status = 'replaced' AND revoked_at > $2 ORDER BY revoked_at DESC LIMIT $3`;
const APPLICANT_CHANGES = `
  SELECT r.revoked_at AS at FROM application_references r JOIN applications a ON a.id = r.application_id
   WHERE a.applicant_id = $1 AND r.status = 'replaced' AND r.revoked_at > $2 ORDER BY r.revoked_at DESC LIMIT $3`;

/** A reference as the applicant sees it. */
export interface ApplicantReferenceView {
  id: string;
  role: string;
  raterName: string;
  raterEmail: string;
  waivedAccess: boolean;
  status: string;
  requestedAt: Date | null;
  ratedAt: Date | null;
  /** The rater's answers; never present when the applicant waived access to this form. */
  rating?: unknown;
}

/** A reference whose rating is still awaited, with when its rater is reminded next and when it counts as overdue. */
export interface AwaitedReference {
  id: string;
  role: string;
  rater_name: string;
  status: 'requested' | 'bounced';
  requested_at: Date | null;
  next_reminder_at: Date | null;
  overdue_at: Date | null;
}

/** Raters' references (application_references) and the vetting calls about them (reference_vetting_calls). */
@Injectable()
export class ReferencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The reference a link's hash names, whatever its state. With `lock`, the reference and its
   * application are locked until the caller's transaction ends: ratings of one application then run
   * one after another, so the last one sees all the others. NO KEY UPDATE, not UPDATE: inserts that
   * merely reference these rows (ledger, reminders) do not wait on it.
   */
  async findByTokenHash(tokenHash: string, lock: boolean, manager: EntityManager = this.dataSource.manager): Promise<ReferenceByToken | undefined> {
    const [row] = await manager.query<ReferenceByToken[]>(lock ? `${SELECT_BY_TOKEN_HASH} FOR NO KEY UPDATE OF r, a` : SELECT_BY_TOKEN_HASH, [tokenHash]);
    return row;
  }

  /** Stores the rater's form on a reference still waiting for it (`rated`, or `invalid` when it cannot count). */
  async markRated(id: string, status: 'rated' | 'invalid', rating: object, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE application_references SET status = $2, rating = $3, rated_at = $4 WHERE id = $1 AND status = 'requested'`, [
      id,
      status,
      JSON.stringify(rating),
      now,
    ]);
  }

  /** Opens a reference: its link expires at `tokenExpiresAt`. */
  async insertRequested(reference: NewReference, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO application_references (id, application_id, role, rater_name, rater_email, waived_access, status, token_hash, token_expires_at, requested_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'requested', $7, $8, $9, $9)`,
      [
        reference.id,
        reference.applicationId,
        reference.role,
        reference.raterName,
        reference.raterEmail,
        reference.waivedAccess,
        reference.tokenHash,
        reference.tokenExpiresAt,
        now,
      ],
    );
  }

  /** The applicant's row is locked so that their concurrent changes are counted one after another. */
  async lockApplicantForRaterChange(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<RaterChangeApplicant | undefined> {
    const [applicant] = await manager.query<RaterChangeApplicant[]>(
      `SELECT a.association_code, a.applicant_id, p.email FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1 FOR NO KEY UPDATE OF p`,
      [applicationId],
    );
    return applicant;
  }

  /**
   * Closes a reference of the application that is still waiting for its rater, bounced or could not
   * count: its link stops working. Undefined when there is no such reference.
   */
  async markReplaced(id: string, applicationId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<ReplacedReference | undefined> {
    const [old] = await manager.query<[ReplacedReference[], number]>(
      `UPDATE application_references SET status = 'replaced', revoked_at = $3, token_hash = NULL
        WHERE id = $1 AND application_id = $2 AND revoked_at IS NULL AND status IN ('requested', 'bounced', 'invalid')
        RETURNING role, rater_name, waived_access`,
      [id, applicationId, now],
    );
    return old[0];
  }

  /** Whether the application has a reference with this id. */
  async belongsTo(id: string, applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const [known] = await manager.query<unknown[]>(`SELECT 1 FROM application_references WHERE id = $1 AND application_id = $2`, [id, applicationId]);
    return known !== undefined;
  }

  /** Links a replaced reference to the one that replaces it (the chain the change limits count). */
  async linkReplacement(id: string, replacedBy: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE application_references SET replaced_by = $2 WHERE id = $1`, [id, replacedBy]);
  }

  /** The raters' addresses of the application's open references, as given. */
  async openRaterEmails(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const open = await manager.query<{ rater_email: string }[]>(
      `SELECT rater_email FROM application_references WHERE application_id = $1 AND revoked_at IS NULL`,
      [applicationId],
    );
    return open.map((ref) => ref.rater_email);
  }

  /** The times of the latest `limit` replacements in the reference's chain after `since`, newest first. */
  async chainReplacementsSince(id: string, since: Date, limit: number, manager: EntityManager = this.dataSource.manager): Promise<Date[]> {
    const changes = await manager.query<{ at: Date }[]>(CHAIN_CHANGES, [id, since, limit]);
    return changes.map((c) => c.at);
  }

  /** The times of the latest `limit` replacements of any of the applicant's references after `since`, newest first. */
  async applicantReplacementsSince(applicantId: string, since: Date, limit: number, manager: EntityManager = this.dataSource.manager): Promise<Date[]> {
    const changes = await manager.query<{ at: Date }[]>(APPLICANT_CHANGES, [applicantId, since, limit]);
    return changes.map((c) => c.at);
  }

  /** Marks a reference still waiting for its rater as bounced: the request did not arrive. */
  async markBounced(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE application_references SET status = 'bounced' WHERE id = $1 AND status = 'requested'`, [id]);
  }

  /** Locks the application's reference with this id (FOR UPDATE); undefined when it has none. */
  async lockOfApplication(id: string, applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<{ id: string } | undefined> {
    const [reference] = await manager.query<{ id: string }[]>(`SELECT id FROM application_references WHERE id = $1 AND application_id = $2 FOR UPDATE`, [
      id,
      applicationId,
    ]);
    return reference;
  }

  /** Keeps a vetting call; returns its id. */
  async insertVettingCall(call: NewVettingCall, now: Date, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO reference_vetting_calls (reference_id, staff_account_id, called_at, outcome, notes, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [call.referenceId, call.staffAccountId, call.calledAt, call.outcome, call.notes, now],
    );
    return row.id;
  }

  /**
   * Sets the reference's vetted_at/vetted_by from the latest call that reached the rater (cleared by
   * one that could not vet them), unchanged when none did; returns vetted_at as it now stands.
   */
  async applyVettingVerdict(id: string, manager: EntityManager = this.dataSource.manager): Promise<Date | null> {
    // The verdict is the latest call that reached one, whatever order calls are recorded in.
    const [verdict] = await manager.query<{ vetted_at: Date | null }[]>(
      `WITH latest AS (
         SELECT CASE WHEN outcome = 'vetted' THEN called_at END AS verdict_at, CASE WHEN outcome = 'vetted' THEN staff_account_id END AS verdict_by
           FROM reference_vetting_calls WHERE reference_id = $1 AND outcome <> 'unreachable' ORDER BY called_at DESC, created_at DESC LIMIT 1),
       u AS (UPDATE application_references r SET vetted_at = latest.verdict_at, vetted_by = latest.verdict_by FROM latest WHERE r.id = $1 RETURNING r.vetted_at)
       SELECT CASE WHEN EXISTS (SELECT 1 FROM u) THEN (SELECT vetted_at FROM u) ELSE (SELECT vetted_at FROM application_references WHERE id = $1) END AS vetted_at`,
      [id],
    );
    return verdict.vetted_at;
  }

  /** The application's current references as its applicant sees them: the rating leaves the database only when the applicant kept the right to see it. */
  async listShownToApplicant(applicationId: string): Promise<ApplicantReferenceView[]> {
    return this.dataSource.query<ApplicantReferenceView[]>(
      `SELECT id, role, rater_name AS "raterName", rater_email AS "raterEmail", waived_access AS "waivedAccess", status,
              requested_at AS "requestedAt", rated_at AS "ratedAt", CASE WHEN NOT waived_access THEN rating END AS rating
         FROM application_references WHERE application_id = $1 AND revoked_at IS NULL ORDER BY created_at, id`,
      [applicationId],
    );
  }

  /** The application's current references still awaiting a rating (requested, or their request bounced), in the order they were asked. */
  async listAwaited(applicationId: string): Promise<AwaitedReference[]> {
    return this.dataSource.query<AwaitedReference[]>(
      `SELECT r.id, r.role, r.rater_name, r.status, r.requested_at,
            (SELECT min(m.due_at) FROM reminders m WHERE m.reference_id = r.id AND m.kind = 'reference_reminder' AND m.status = 'pending') AS next_reminder_at,
            (SELECT min(m.due_at) FROM reminders m WHERE m.reference_id = r.id AND m.kind = 'reference_overdue' AND m.status <> 'cancelled') AS overdue_at
       FROM application_references r
      WHERE r.application_id = $1 AND r.revoked_at IS NULL AND r.status IN ('requested', 'bounced')
      ORDER BY r.created_at, r.id`,
      [applicationId],
    );
  }

  /** Revokes every current reference of the application: they stop counting and their links stop working. */
  async revokeAllOf(applicationId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE application_references SET revoked_at = $2, token_hash = NULL WHERE application_id = $1 AND revoked_at IS NULL`, [
      applicationId,
      now,
    ]);
  }

  /** The application's open (not revoked) references: role and lower-cased rater address. */
  async findOpenRaters(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<{ role: string; email: string }[]> {
    return manager.query<{ role: string; email: string }[]>(
      `SELECT role, lower(rater_email) AS email FROM application_references WHERE application_id = $1 AND revoked_at IS NULL`,
      [applicationId],
    );
  }
}
