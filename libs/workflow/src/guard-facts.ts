import type { ApplicationState } from './application-state.js';

/** What the transition path loads from the database before asking for a decision. */
export interface GuardFacts {
  /** Unmet requirements right now (0 = eligible). */
  readonly eligibilityGapCount: number;
  /** From the rules pinned on the application. */
  readonly examRequired: boolean;
  /** Every required reference role has a valid rating. */
  readonly referencesComplete: boolean;
  /** The labels of the required reference roles the portfolio names no rater for (read by reinstate). */
  readonly referenceRolesWithoutRater: readonly string[];
  readonly exam: {
    readonly part1Passed: boolean;
    readonly part2Passed: boolean;
    readonly retakesRemaining: number;
    readonly approvalExpired: boolean;
    /** A sitting is booked whose result is not decided yet. */
    readonly attemptPending: boolean;
  };
  /** The applicant changed the portfolio after the deferral. */
  readonly amendedSinceDeferral: boolean;
  /** The state the application was in when put on hold. */
  readonly heldFrom: ApplicationState | null;
  /** This run is a reinstatement after a lapse, so the exam is not retaken. */
  readonly reinstatement: boolean;
  /** The caller said why (what to amend, why on hold, why denied): the applicant's email tells them. */
  readonly reasonGiven: boolean;
  /** CE/RSC hours of the cycle satisfied (or exempt). */
  readonly renewalRequirementsMet: boolean;
}
