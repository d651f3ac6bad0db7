import type { ApplicationState } from '#workflow';
import type { RenewalRequirements } from '../renewal/check-renewal-requirements.js';

/**
 * What the transition path reads in its transaction: the application and its guard facts, in one
 * query. Each fact is read only in the state whose events' guards use it (references in
 * reference_checks, exam results in exam, the portfolio in draft, hours in renewal_due), so the
 * common transition pays for none of them.
 */
export interface ApplicationRow {
  id: string;
  association_code: string;
  state: ApplicationState;
  version: number;
  held_from: ApplicationState | null;
  reinstatement: boolean;
  rules: Record<string, unknown>;
  /** Loaded only in draft and lapsed, whose events (submit, reinstate) judge the portfolio. */
  portfolio: Record<string, unknown> | null;
  /** The applicant's own address, loaded with the portfolio (no rater may have it). */
  applicant_email: string | null;
  amended_at: Date | null;
  exam_approved_at: Date | null;
  state_changed_at: Date;
  rated_roles: string[];
  /** The exam so far: attempts made, the latest attempt's scores (percent), whether one waits for its result. */
  exam: { attempts: number; part1: number | null; part2: number | null; pending: boolean } | null;
  /** Loaded only in renewal_due, the one state whose event (renew) judges the cycle's hours. */
  renewal?: RenewalFacts;
}

export interface RenewalFacts {
  /** The endorsee's approved entries of the cycle (the year up to the due day, and the late window). */
  entries: { kind: 'training' | 'rsc'; hours: number; dei: boolean; aboutRsc: boolean }[];
  /** The renewal requirements of every category the person holds: one renewal covers them all. */
  requirements: RenewalRequirements[];
  /** The cycle due the year after endorsement (see firstDueOn), which may need no hours. */
  firstCycle: boolean;
  providesRsc: boolean;
  yearsEndorsed: number;
}
