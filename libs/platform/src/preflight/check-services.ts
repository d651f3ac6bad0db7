import type { AppConfig } from '#config';
import { checkPostgres } from './check-postgres.js';
import { checkRedis } from './check-redis.js';
import type { ServiceProblem } from './service-problem.js';

/** Checks every service the processes need before anything else starts; both checks run at once. */
export async function checkServices(config: AppConfig): Promise<ServiceProblem[]> {
  const results = await Promise.all([checkPostgres(config), checkRedis(config)]);
  return results.filter((r): r is ServiceProblem => r !== null);
}
