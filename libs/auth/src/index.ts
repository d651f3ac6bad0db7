export { raterLinkToken, hashRaterLinkToken, verifyRaterLinkToken } from './rater-link-token.js';
