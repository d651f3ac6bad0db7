export { QueueModule } from './queue.module.js';
export { RedisClient } from './redis.client.js';
