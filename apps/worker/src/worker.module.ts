import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '#config';
import { DbModule } from '#db';
import { MailModule } from '#mail';
import { AppConfigModule, HealthModule, loggerOptions } from '#platform';
import { QueueModule } from '#queue';

/** The background process: BullMQ processors, the outbox relay and the sweeps. Serves health only. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config, 'worker')),
        DbModule,
        QueueModule,
        MailModule,
        HealthModule,
      ],
    };
  }
}
