import 'reflect-metadata';
import { ensureDatabase } from '#db';
import { MetricsEndpoint, runMain } from '#platform';
import { createApiApp } from './create-api-app.js';

await runMain('api', async (config, framework) => {
  await ensureDatabase(config.database.url, config.startupCheckTimeoutMs);
  const app = await createApiApp(config, config.http.port, framework);
  await app.get(MetricsEndpoint).listen(config.metrics.host, config.metrics.apiPort);
});
