/** A job that must not be retried: retrying cannot succeed (the runner stops BullMQ's retries). */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}
