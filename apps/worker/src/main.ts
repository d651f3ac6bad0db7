import 'reflect-metadata';
import { ensureDatabase } from '#db';
import { createHttpApp, MetricsEndpoint, runMain } from '#platform';
import { WorkerModule } from './worker.module.js';

await runMain('worker', async (config, framework) => {
  await ensureDatabase(config.database.url, config.startupCheckTimeoutMs);
  const app = await createHttpApp(WorkerModule.forRoot(config, framework) as never, config, config.http.workerPort);
  await app.get(MetricsEndpoint).listen(config.metrics.host, config.metrics.workerPort);
});
