import type { RulesSnapshot } from '../framework.types.js';
import type { Portfolio } from '../portfolio/portfolio.schema.js';

export interface EligibilityContext {
  portfolio: Portfolio;
  snapshot: RulesSnapshot;
  rules: RulesSnapshot['rules'];
  /** The applicant's today (see calendar.ts). */
  today: number;
  /** The category's name as the association displays it, for messages. */
  name: string;
  /** The applicant's own address: a rater's may not be it. */
  applicantEmail: string;
}
