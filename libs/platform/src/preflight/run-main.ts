import { ConfigError, loadConfig, type AppConfig } from '#config';
import { checkServices } from './check-services.js';

/**
 * Entry-point wrapper: loads configuration and checks services first, so a newcomer sees one line
 * per problem (which variable, which service and how to start it) instead of a stack trace.
 */
export async function runMain(name: string, main: (config: AppConfig) => Promise<void>): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) return fail(e.message);
    throw e;
  }
  const problems = await checkServices(config);
  if (problems.length > 0) return fail(problems.map((p) => `${name}: ${p.line}`).join('\n'));
  try {
    await main(config);
  } catch (e) {
    console.error(`${name} failed to start: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  }
}

function fail(message: string): void {
  console.error(message);
  process.exit(1);
}
