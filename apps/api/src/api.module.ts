import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '#config';
import type { Framework } from '#framework';
import { processModules } from '#platform';
import { QueuesDashboardModule } from './queues-dashboard/queues-dashboard.module.js';
import { RaterFormModule } from './rater-form/rater-form.module.js';

/** The HTTP process: applicants, raters and staff. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, framework?: Framework): DynamicModule {
    // Off by default: when not configured the dashboard's routes do not exist at all (404).
    const dashboard = config.queueDashboard ? [QueuesDashboardModule] : [];
    return { module: ApiModule, imports: [...processModules(config, 'api', framework), RaterFormModule, ...dashboard] };
  }
}
