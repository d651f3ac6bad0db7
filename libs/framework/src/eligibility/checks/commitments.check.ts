import { parseDay } from '../calendar.js';
import type { EligibilityContext } from '../eligibility-context.js';
import type { EligibilityGap } from '../eligibility-gap.types.js';

/** The signed Code of Ethics and Endorsement Agreement, and a current association membership. */
export function checkCommitments({ portfolio, rules, today, name }: EligibilityContext): EligibilityGap[] {
  const gaps: EligibilityGap[] = [];
  if (rules.agreements.codeOfEthics && !portfolio.agreements.codeOfEthicsSignedAt) {
    gaps.push({ code: 'code_of_ethics_unsigned', message: `Sign the Code of Ethics: ${name} requires it.` });
  }
  if (rules.agreements.endorsementAgreement && !portfolio.agreements.endorsementAgreementSignedAt) {
    gaps.push({ code: 'agreement_unsigned', message: `Sign the Endorsement Agreement: ${name} requires it.` });
  }
  const { membership } = portfolio;
  if (rules.membership.required && !membership) {
    gaps.push({
      code: 'membership_missing',
      message: `Add your membership of an infant mental health association: ${name} requires it.`,
      details: { reason: 'none' },
    });
  } else if (rules.membership.required && membership?.validUntil && parseDay(membership.validUntil) < today) {
    gaps.push({
      code: 'membership_missing',
      message: `Your membership of ${membership.association} ended on ${membership.validUntil}: ` + `${name} requires a current membership.`,
      details: { reason: 'expired', validUntil: membership.validUntil },
    });
  }
  return gaps;
}
