import 'reflect-metadata';
import { ensureDatabase } from '#db';
import { createHttpApp, runMain } from '#platform';
import { ApiModule } from './api.module.js';

await runMain('api', async (config, framework) => {
  await ensureDatabase(config.database.url, config.startupCheckTimeoutMs);
  await createHttpApp(ApiModule.forRoot(config, framework) as never, config, config.http.port);
});
