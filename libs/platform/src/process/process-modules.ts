import type { DynamicModule, Type } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '#config';
import type { Framework } from '#framework';
import { DbModule } from '#db';
import { MailModule } from '#mail';
import { QueueModule } from '#queue';
import { AppConfigModule } from '../config/app-config.module.js';
import { HealthModule } from '../health/health.module.js';
import { loggerOptions } from '../logging/logger-options.js';
import { MetricsModule } from '../metrics/metrics.module.js';

/** What every process of the system runs on: configuration, logs, PostgreSQL, Redis, SMTP, health, metrics. */
export function processModules(config: AppConfig, app: 'api' | 'worker', framework?: Framework): (Type<unknown> | DynamicModule)[] {
  return [
    AppConfigModule.forRoot(config, framework),
    LoggerModule.forRoot(loggerOptions(config, app)),
    DbModule,
    QueueModule,
    MailModule,
    HealthModule.forProcess(app),
    MetricsModule,
  ];
}
