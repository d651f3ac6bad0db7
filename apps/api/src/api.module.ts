import { Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { AppConfig } from '#config';
import { AccessGuard, AuthModule, checkRouteAccess, listRouteAccess } from '#auth';
import type { Framework } from '#framework';
import { processModules } from '#platform';
import { AuthHttpModule } from './auth/auth-http.module.js';
import { QueuesDashboardModule } from './queues-dashboard/queues-dashboard.module.js';
import { RaterFormModule } from './rater-form/rater-form.module.js';

/** The HTTP process: applicants, raters and staff. Every route is denied unless it says who may call it. */
@Module({})
export class ApiModule implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  static forRoot(config: AppConfig, framework?: Framework): DynamicModule {
    // Off by default: when not configured the dashboard's routes do not exist at all (404).
    const dashboard = config.queueDashboard ? [QueuesDashboardModule] : [];
    return {
      module: ApiModule,
      imports: [...processModules(config, 'api', framework), DiscoveryModule, AuthModule, AuthHttpModule, RaterFormModule, ...dashboard],
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
    };
  }

  /** Refuses to start while any route has neither @Public() nor @Roles(...), naming it. */
  onModuleInit(): void {
    checkRouteAccess(listRouteAccess(this.discovery, this.scanner, this.reflector));
  }
}
