export { QueueModule } from './queue.module.js';
export { RedisClient } from './redis.client.js';
export { JobQueues } from './job-queues.js';
export { JOBS, QUEUE_NAMES, type JobKey, type PayloadOf, type QueueName } from './job-registry.js';
export { PermanentJobError } from './permanent-job.error.js';
export { redactAddresses } from './redact-addresses.js';
export { JOB_HANDLERS, type JobHandler } from './job-handler.js';
export { checkJobHandlers } from './check-job-handlers.js';
export { JobRunner } from './job-runner.js';
