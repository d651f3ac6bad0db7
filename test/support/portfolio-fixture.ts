// Shared with bench:load, whose build cannot reach test/.
export { day, eligiblePortfolio, type RaterEntry } from '../../bench/support/eligible-portfolio.js';
