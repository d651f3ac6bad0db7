import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

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
    await manager.query(`UPDATE application_references SET revoked_at = $2, token_hash = NULL WHERE application_id = $1 AND revoked_at IS NULL`, [applicationId, now]);
  }
}
