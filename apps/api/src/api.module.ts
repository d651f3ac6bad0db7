import { Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { AppConfig } from '#config';
import { AccessGuard, ApiThrottleGuard, AuthModule, checkRouteAccess, listRouteAccess } from '#auth';
import type { Framework } from '#framework';
import { processModules } from '#platform';
import { AssociationsHttpModule } from './associations/associations-http.module.js';
import { ApplicationsHttpModule } from './applications/applications-http.module.js';
import { AuthHttpModule } from './auth/auth-http.module.js';
import { CredentialsHttpModule } from './credentials/credentials-http.module.js';
import { ContinuingEducationHttpModule } from './continuing-education/continuing-education-http.module.js';
import { ExamHttpModule } from './exam/exam-http.module.js';
import { OutlookHttpModule } from './outlook/outlook-http.module.js';
import { PanelHttpModule } from './panel/panel-http.module.js';
import { QueuesDashboardModule } from './queues-dashboard/queues-dashboard.module.js';
import { RaterFormModule } from './rater-form/rater-form.module.js';
import { RegistryModule } from './registry/registry.module.js';
import { StaffModule } from './staff/staff.module.js';
import { WebAppModule } from './web-app/web-app.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

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
      imports: [
        ...processModules(config, 'api', framework),
        DiscoveryModule,
        AuthModule,
        AuthHttpModule,
        RaterFormModule,
        OutlookHttpModule,
        StaffModule,
        RegistryModule,
        AssociationsHttpModule,
        ApplicationsHttpModule,
        ContinuingEducationHttpModule,
        ExamHttpModule,
        PanelHttpModule,
        CredentialsHttpModule,
        WebhooksModule,
        ...dashboard,
        WebAppModule,
      ],
      // In this order: the throttles count an account's writes by the caller the AccessGuard verified.
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: ApiThrottleGuard },
      ],
    };
  }

  /** Refuses to start while any route has neither @Public() nor @Roles(...), naming it. */
  onModuleInit(): void {
    checkRouteAccess(listRouteAccess(this.discovery, this.scanner, this.reflector));
  }
}
