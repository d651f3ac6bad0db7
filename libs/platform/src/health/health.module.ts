import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-checks.js';
import { ShutdownState } from './shutdown-state.js';

// The api only writes outbox rows: an SMTP outage must not take every api instance out of its load
// balancer. Sending is the worker's work, so SMTP is part of the worker's readiness.
const CHECKS_OF: Record<'api' | 'worker', readonly ReadinessCheck[]> = {
  api: ['database', 'redis'],
  worker: ['database', 'redis', 'smtp'],
};

@Module({})
export class HealthModule {
  static forProcess(app: 'api' | 'worker'): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [{ provide: READINESS_CHECKS, useValue: CHECKS_OF[app] }, ShutdownState],
      exports: [ShutdownState],
    };
  }
}
