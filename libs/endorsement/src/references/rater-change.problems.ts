import { ProblemException } from '#platform';

/** How long, in words a person reads, until a moment `seconds` away. */
function inAbout(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `in about ${hours} hour${hours === 1 ? '' : 's'}`;
}

const times = (n: number) => `${n} time${n === 1 ? '' : 's'}`;

/** Why a rater address was refused: the rater would not be independent, or too many changes. */
export const RaterChangeProblems = {
  notIndependent: (detail: string, extra: Record<string, unknown> = {}) =>
    new ProblemException(422, 'rater_not_independent', 'A rater must be someone other than you and your other raters', detail, extra),

  /** `retryAt`: when the oldest change that counts leaves the 24 hours. */
  tooManyChanges: (scope: 'reference' | 'applicant', limit: number, retryAt: Date, now: Date, byStaff = false) => {
    const retryAfter = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
    const detail =
      scope === 'reference'
        ? `This rater's address has been changed ${times(limit)} in the last 24 hours, which is the most we allow. You can change it again ${inAbout(retryAfter)}.`
        : `${byStaff ? "This applicant's raters' addresses have been changed" : "You have changed your raters' addresses"} ${times(limit)} in the last 24 hours, which is the most we allow. You can make another change ${inAbout(retryAfter)}.`;
    return new ProblemException(429, 'too_many_rater_changes', 'Too many changes to rater addresses', detail, {
      scope,
      limit,
      retryAfter,
      retryAt: retryAt.toISOString(),
    });
  },
};
