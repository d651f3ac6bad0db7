import { Redis } from 'ioredis';

/** The process's own Redis client (health checks, producers); BullMQ workers open their own. */
export class RedisClient extends Redis {}
