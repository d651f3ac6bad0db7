import { ConfigError, loadConfig, type AppConfig } from '#config';
import { FrameworkDataError, loadFramework, type Framework } from '#framework';
import { checkServices } from './check-services.js';

/**
 * Entry-point wrapper: loads configuration and the framework data and checks services first, so a newcomer sees one line
 * per problem (which variable, which service and how to start it) instead of a stack trace.
 */
export async function runMain(name: string, main: (config: AppConfig, framework: Framework) => Promise<void>): Promise<void> {
  let config: AppConfig;
  let framework: Framework;
  try {
    config = loadConfig();
    // The rules are data: a bad data file stops the process before it serves anything.
    framework = loadFramework();
  } catch (e) {
    if (e instanceof ConfigError || e instanceof FrameworkDataError) return fail(e.message);
    throw e;
  }
  const problems = await checkServices(config);
  if (problems.length > 0) return fail(problems.map((p) => `${name}: ${p.line}`).join('\n'));
  try {
    await main(config, framework);
  } catch (e) {
    console.error(`${name} failed to start: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  }
}

function fail(message: string): void {
  console.error(message);
  process.exit(1);
}
