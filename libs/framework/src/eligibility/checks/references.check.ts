import type { EligibilityContext } from '../eligibility-context.js';
import type { EligibilityGap } from '../eligibility-gap.types.js';

/** One reference per role the rules name. */
export function checkReferences({ portfolio, rules, name }: EligibilityContext): EligibilityGap[] {
  return rules.references.roles
    .filter((role) => !portfolio.references.some((reference) => reference.role === role.code))
    .map((role) => ({
      code: 'reference_missing',
      message: `Add a reference in the role “${role.label}”: ${name} requires one.`,
      details: { role: role.code },
    }));
}
