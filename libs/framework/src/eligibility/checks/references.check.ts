import { mailboxKey } from '../../portfolio/mailbox-key.js';
import type { Portfolio } from '../../portfolio/portfolio.schema.js';
import type { EligibilityContext } from '../eligibility-context.js';
import type { EligibilityGap } from '../eligibility-gap.types.js';

/** One reference per role the rules name, each from someone other than the applicant. */
export function checkReferences({ portfolio, rules, name, applicantEmail }: EligibilityContext): EligibilityGap[] {
  const missing: EligibilityGap[] = rules.references.roles
    .filter((role) => !portfolio.references.some((reference) => reference.role === role.code))
    .map((role) => ({
      code: 'reference_missing',
      message: `Add a reference in the role “${role.label}”: ${name} requires one.`,
      details: { role: role.code },
    }));
  return [...missing, ...raterIndependenceGaps(portfolio.references, applicantEmail)];
}

/**
 * A rater vouches for the applicant, so their address may be neither the applicant's own nor another
 * rater's (one person rating several times). Raters are numbered as the applicant listed them.
 */
export function raterIndependenceGaps(
  references: Pick<Portfolio['references'][number], 'raterName' | 'raterEmail'>[],
  applicantEmail: string,
): EligibilityGap[] {
  const own = mailboxKey(applicantEmail);
  const firstWith = new Map<string, number>();
  return references.flatMap(({ raterName, raterEmail }, index): EligibilityGap[] => {
    const rater = index + 1;
    const key = mailboxKey(raterEmail);
    if (key === own) {
      return [
        {
          code: 'reference_own_address',
          message: `Rater ${rater}, ${raterName}, has your own email address: ask someone else who knows your work.`,
          details: { rater },
        },
      ];
    }
    const earlier = firstWith.get(key);
    if (earlier === undefined) {
      firstWith.set(key, rater);
      return [];
    }
    return [
      {
        code: 'reference_duplicate_address',
        message: `Rater ${rater}, ${raterName}, has the same email address as rater ${earlier}: each rater needs their own address, so correct it or ask someone else.`,
        details: { rater, sameAs: earlier },
      },
    ];
  });
}
