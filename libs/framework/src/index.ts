// The Competency Guidelines® as data: categories, tracks, competencies, exam and association rules
// loaded from config/, and the eligibility check that judges a portfolio against pinned rules.
export { loadFramework } from './framework.loader.js';
export { findConfigDir } from './load/find-config-dir.js';
export { FrameworkDataError, FrameworkLookupError } from './framework-data.error.js';
export type {
  Association,
  CategoryDefinition,
  CategoryRules,
  CompetencyDomain,
  DeepReadonly,
  EducationLevel,
  ExamRules,
  Framework,
  RatingForm,
  RulesSnapshot,
  TrackDefinition,
} from './framework.types.js';
export { portfolioSchema, raterNameSchema, type Portfolio } from './portfolio/portfolio.schema.js';
export { checkEligibility } from './eligibility/check-eligibility.js';
export { describeRequirements, type RequirementsSummary } from './eligibility/describe-requirements.js';
export { offersTrack } from './load/offers-track.js';
export { raterIndependenceGaps } from './eligibility/checks/references.check.js';
export { mailboxKey } from './portfolio/mailbox-key.js';
export { GAP_CODES, type EligibilityGap, type GapCode } from './eligibility/eligibility-gap.types.js';
export { emptyPortfolio } from './portfolio/empty-portfolio.js';
