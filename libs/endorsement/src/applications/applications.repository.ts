import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Portfolio, RulesSnapshot } from '#framework';
import type { ApplicationState } from '#workflow';
import type { OwnApplication } from './own-application.js';

/** The columns of OwnApplication, from `applications a`. */
const OWN_APPLICATION_COLUMNS = `a.id, a.state, a.version, a.association_code, a.category_code, a.track_code, a.rules, a.portfolio,
  a.reinstatement, a.exam_approved_at, a.endorsement_number, a.endorsed_at, to_char(a.renewal_due_on, 'YYYY-MM-DD') AS renewal_due_on,
  a.submitted_at, a.state_changed_at, a.created_at, a.updated_at, (SELECT p.email FROM people p WHERE p.id = a.applicant_id) AS applicant_email`;

/** A new draft: its rules pinned, its portfolio as it starts. */
export interface NewDraft {
  associationCode: string;
  applicantId: string;
  categoryCode: string;
  trackCode: string | null;
  rules: RulesSnapshot;
  portfolio: Portfolio;
}

/** One portfolio section's new value, on the applicant's own application. */
export interface PortfolioSectionEdit {
  personId: string;
  applicationId: string;
  section: keyof Portfolio;
  value: Portfolio[keyof Portfolio];
  /** The version the applicant edited; absent: last write wins. */
  expectedVersion?: number;
}

export interface ApplicantTimelineEntry {
  event: string;
  from: string;
  to: string;
  /** Who acted, as the applicant may know it: themselves, the association's staff, or the system. */
  by: 'you' | 'staff' | 'system';
  at: Date;
  /** The reason given (what to amend, why on hold): the applicant's emails tell it too. */
  reason: string | null;
}

/** Applications as their applicants start, edit, submit and read them. */
@Injectable()
export class ApplicationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The person's application; undefined when it does not exist or belongs to someone else. */
  async findOwn(personId: string, applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<OwnApplication | undefined> {
    return this.selectOwn(personId, applicationId, '', manager);
  }

  /** The same, its row locked until the caller's transaction ends. */
  async findOwnForUpdate(personId: string, applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<OwnApplication | undefined> {
    return this.selectOwn(personId, applicationId, ' FOR UPDATE', manager);
  }

  private async selectOwn(personId: string, applicationId: string, lock: '' | ' FOR UPDATE', manager: EntityManager): Promise<OwnApplication | undefined> {
    const [app] = await manager.query<OwnApplication[]>(
      `SELECT ${OWN_APPLICATION_COLUMNS} FROM applications a WHERE a.id = $1 AND a.applicant_id = $2${lock}`,
      [applicationId, personId],
    );
    return app;
  }

  /** The person's applications, newest first. */
  async listOwn(personId: string): Promise<OwnApplication[]> {
    return this.dataSource.query<OwnApplication[]>(
      `SELECT ${OWN_APPLICATION_COLUMNS} FROM applications a WHERE a.applicant_id = $1 ORDER BY a.created_at DESC, a.id`,
      [personId],
    );
  }

  /**
   * The association the person registered with, their row locked until the caller's transaction ends:
   * the per-person lock that, with insertDraftIfNone, makes two concurrent starts yield one draft.
   */
  async lockApplicantAssociation(personId: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [person] = await manager.query<{ association_code: string }[]>(`SELECT association_code FROM people WHERE id = $1 FOR UPDATE`, [personId]);
    return person.association_code;
  }

  /** Inserts the draft unless the person has an open application for its category and track; undefined when they have. */
  async insertDraftIfNone(draft: NewDraft, now: Date, manager: EntityManager = this.dataSource.manager): Promise<{ id: string; version: number } | undefined> {
    const [created] = await manager.query<{ id: string; version: number }[]>(
      `INSERT INTO applications (association_code, applicant_id, category_code, track_code, framework_version, rules, portfolio, state_changed_at, created_at, updated_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $8, $8
          WHERE NOT EXISTS (SELECT 1 FROM applications WHERE applicant_id = $2 AND category_code = $3 AND track_code IS NOT DISTINCT FROM $4
                              AND state NOT IN ('withdrawn', 'denied'))
         RETURNING id, version`,
      [draft.associationCode, draft.applicantId, draft.categoryCode, draft.trackCode, draft.rules.version, draft.rules, draft.portfolio, now],
    );
    return created;
  }

  /**
   * Replaces one section of the portfolio when the application is in one of `editableStates` and at the
   * expected version, bumping the version; in `deferred`, records the amendment (amended_at). Returns the
   * application as edited, or undefined when nothing was written.
   */
  async updatePortfolioSection(edit: PortfolioSectionEdit, editableStates: readonly ApplicationState[], now: Date): Promise<OwnApplication | undefined> {
    const [updated] = await this.dataSource.query<[OwnApplication[], number]>(
      `UPDATE applications a
          SET portfolio = jsonb_set(a.portfolio, ARRAY[$3::text], $4::jsonb), version = a.version + 1, updated_at = $6,
              amended_at = CASE WHEN a.state = 'deferred' THEN $6 ELSE a.amended_at END
        WHERE a.id = $1 AND a.applicant_id = $2 AND a.state = ANY($5::text[]) AND ($7::int IS NULL OR a.version = $7)
        RETURNING ${OWN_APPLICATION_COLUMNS}`,
      [edit.applicationId, edit.personId, edit.section, JSON.stringify(edit.value), editableStates, now, edit.expectedVersion ?? null],
    );
    return updated[0];
  }

  async markSubmitted(applicationId: string, at: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE applications SET submitted_at = $2 WHERE id = $1`, [applicationId, at]);
  }

  /** Marks the application as a reinstatement, with new raters for its references when given (absent: the portfolio's are asked again). */
  async markReinstatement(
    applicationId: string,
    references: Portfolio['references'] | undefined,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE applications SET reinstatement = true, portfolio = CASE WHEN $2::jsonb IS NULL THEN portfolio ELSE jsonb_set(portfolio, '{references}', $2::jsonb) END
          WHERE id = $1`,
      [applicationId, references ? JSON.stringify(references) : null],
    );
  }

  /** The application's audit trail as its applicant sees it, but for `hiddenEvents`: no staff identities, no payloads. */
  async listApplicantTimeline(applicationId: string, hiddenEvents: readonly string[]): Promise<ApplicantTimelineEntry[]> {
    return this.dataSource.query<ApplicantTimelineEntry[]>(
      `SELECT event, from_state AS "from", to_state AS "to",
              CASE actor_role WHEN 'applicant' THEN 'you' WHEN 'system' THEN 'system' ELSE 'staff' END AS by,
              occurred_at AS at, reason
         FROM application_events WHERE application_id = $1 AND event <> ALL($2::text[]) ORDER BY version`,
      [applicationId, hiddenEvents],
    );
  }
}
