import type { RulesSnapshot } from '../framework.types.js';
import { levelRank } from './education-level.js';
import { joinOr } from './quantities.js';
import { RSC } from './rsc-term.js';

/** What a category (or track) asks of an applicant: the figures the eligibility check applies, and the same in plain words. */
export interface RequirementsSummary {
  education: { minimumLevel: string; alternativeMonths: number | null };
  workMonths: number;
  trainingHours: number;
  rscHours: number;
  references: number;
  examRequired: boolean;
  /** One sentence per requirement, in the order an applicant gathers them. */
  asks: string[];
}

/** Read from the same resolved rules the eligibility check judges a portfolio by, so they cannot disagree. */
export function describeRequirements({ rules, educationLevels, credentialNames }: RulesSnapshot): RequirementsSummary {
  const { education, workExperience: work, training, rsc, references } = rules;
  const minimum = educationLevels[levelRank(educationLevels, education.minimumLevel)];
  const asks: string[] = [];
  if (levelRank(educationLevels, education.minimumLevel) > 0 || education.alternative) {
    const alternative = education.alternative ? `, or ${education.alternative.months} months of ${education.alternative.description}` : '';
    asks.push(`Education: ${minimum.label} or higher${alternative}.`);
  }
  if (work.months > 0) {
    const families = work.families ? `, with at least ${work.families.minimum} ${work.families.description}` : '';
    asks.push(`Work experience: ${work.months} months of ${work.description}${families}.`);
  }
  if (work.leadershipMonths > 0) asks.push(`Leadership experience: ${work.leadershipMonths} months.`);
  if (work.rscProvidingMonths > 0) asks.push(`Providing ${RSC}: ${work.rscProvidingMonths} months.`);
  const parts = [
    ...(training.deiHours > 0 ? [`${training.deiHours} on diversity, equity and inclusion`] : []),
    ...(training.rscHours > 0 ? [`${training.rscHours} on ${RSC}`] : []),
  ];
  asks.push(`Training: ${training.totalHours} hours${parts.length ? `, of which ${parts.join(' and ')}` : ''}.`);
  if (rsc) {
    const window = rsc.window ? ` over at least ${rsc.window.minMonths} months, ending within the last ${rsc.window.maxMonths} months` : '';
    const providers = rsc.allowedProviderCredentials
      ? `, from a provider endorsed as ${joinOr(rsc.allowedProviderCredentials.map((c) => credentialNames[c] ?? c))}`
      : '';
    const aboutGiven = rsc.aboutRscGivenHours > 0 ? `; ${rsc.aboutRscGivenHours} of them about the supervision you provide` : '';
    asks.push(`${RSC[0].toUpperCase()}${RSC.slice(1)} received: ${rsc.hours} hours${window}${providers}${aboutGiven}.`);
  }
  asks.push(`References: ${references.roles.length}, one from each of: ${references.roles.map((role) => role.label).join('; ')}.`);
  if (rules.examRequired) asks.push('Passing the exam.');
  if (rules.agreements.codeOfEthics || rules.agreements.endorsementAgreement) {
    asks.push(
      `Signed: ${[...(rules.agreements.codeOfEthics ? ['the Code of Ethics'] : []), ...(rules.agreements.endorsementAgreement ? ['the Endorsement Agreement'] : [])].join(' and ')}.`,
    );
  }
  if (rules.membership.required) asks.push('Membership of an infant mental health association.');
  return {
    education: { minimumLevel: minimum.code, alternativeMonths: education.alternative?.months ?? null },
    workMonths: work.months,
    trainingHours: training.totalHours,
    rscHours: rsc?.hours ?? 0,
    references: references.roles.length,
    examRequired: rules.examRequired,
    asks,
  };
}
