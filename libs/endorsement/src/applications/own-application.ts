import type { Portfolio, RulesSnapshot } from '#framework';
import type { ApplicationState } from '#workflow';

/** An application as its applicant may see it. */
export interface OwnApplication {
  id: string;
  state: ApplicationState;
  version: number;
  association_code: string;
  category_code: string;
  track_code: string | null;
  rules: RulesSnapshot;
  portfolio: Portfolio;
  /** The applicant's own address, which no rater may have. */
  applicant_email: string;
  reinstatement: boolean;
  exam_approved_at: Date | null;
  endorsement_number: string | null;
  endorsed_at: Date | null;
  /** A calendar date (YYYY-MM-DD). */
  renewal_due_on: string | null;
  submitted_at: Date | null;
  state_changed_at: Date;
  created_at: Date;
  updated_at: Date;
}
