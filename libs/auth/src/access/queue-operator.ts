import type { AuthenticatedAccount } from '../accounts/authenticated-account.js';

/**
 * May operate the job queues (the queue dashboard): an Alliance-wide administrator. Every queue
 * carries every association's work, and a job's data names its endorsement, delivery or outbox row,
 * so an association's administrator may neither see nor change them.
 */
export function isQueueOperator(account: Pick<AuthenticatedAccount, 'roles' | 'associationCode'>): boolean {
  return account.roles.includes('administrator') && account.associationCode === null;
}
