import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '#config';
import { DbModule } from '#db';
import { MailModule } from '#mail';
import { AppConfigModule, HealthModule, loggerOptions } from '#platform';
import { QueueModule } from '#queue';

/** The HTTP process: applicants, raters and staff. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config, 'api')),
        DbModule,
        QueueModule,
        MailModule,
        HealthModule,
      ],
    };
  }
}
