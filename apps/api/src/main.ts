import 'reflect-metadata';
import { ensureDatabase } from '#db';
import { runMain } from '#platform';
import { createApiApp } from './create-api-app.js';

await runMain('api', async (config, framework) => {
  await ensureDatabase(config.database.url, config.startupCheckTimeoutMs);
  await createApiApp(config, config.http.port, framework);
});
