import 'reflect-metadata';
import { ensureDatabase } from '#db';
import { createHttpApp, runMain } from '#platform';
import { ApiModule } from './api.module.js';

await runMain('api', async (config) => {
  await ensureDatabase(config.database.url, config.startupCheckTimeoutMs);
  await createHttpApp(ApiModule.forRoot(config) as never, config, config.http.port);
});
