import type { Portfolio } from './portfolio.schema.js';

/** What a new draft holds before the applicant fills anything in. */
export function emptyPortfolio(): Portfolio {
  return { education: [], work: [], trainings: [], rsc: [], references: [], agreements: {}, membership: null };
}
