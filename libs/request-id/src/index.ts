export { acceptedRequestId, currentRequestId, withRequestId } from './request-id.js';
