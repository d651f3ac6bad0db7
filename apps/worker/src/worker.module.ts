import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '#config';
import type { Framework } from '#framework';
import { processModules } from '#platform';

/** The background process: BullMQ processors, the outbox relay and the sweeps. Serves health only. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, framework?: Framework): DynamicModule {
    return { module: WorkerModule, imports: [...processModules(config, 'worker', framework)] };
  }
}
