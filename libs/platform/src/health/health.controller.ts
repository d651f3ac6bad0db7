import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthIndicatorFunction } from '@nestjs/terminus';
import { ApiExcludeController } from '@nestjs/swagger';
import { MAIL_TRANSPORT, type MailTransport } from '#mail';
import { RedisClient } from '#queue';
import { ProblemException } from '../http/problem.exception.js';
import { Public } from '../http/public.decorator.js';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness-checks.js';
import { ShutdownState } from './shutdown-state.js';

const CHECK_TIMEOUT_MS = 1_500;

/**
 * Liveness says the process runs; readiness says it can do its work: the services its HealthModule
 * names (the api: PostgreSQL and Redis; the worker: those and SMTP), and not shutting down.
 */
// Orchestrators and load balancers probe without credentials.
// Probes for orchestrators, described in the README's operations section, not part of the client API.
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisClient,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    @Inject(READINESS_CHECKS) private readonly checks: readonly ReadinessCheck[],
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  async ready() {
    if (this.shutdown.draining) throw new ProblemException(503, 'not_ready', 'Not ready', 'Shutting down', { checks: {} });
    try {
      return await this.check();
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      const result = e.getResponse() as { details?: Record<string, { status: string }> };
      const down = Object.entries(result.details ?? {})
        .filter(([, v]) => v.status !== 'up')
        .map(([k]) => k);
      throw new ProblemException(503, 'not_ready', 'Not ready', `Unavailable: ${down.join(', ')}`, { checks: result.details });
    }
  }

  private check() {
    const indicators: Record<ReadinessCheck, HealthIndicatorFunction> = {
      database: () => this.db.pingCheck('database').withTimeout(CHECK_TIMEOUT_MS),
      redis: () =>
        this.indicators
          .check('redis')
          .attempt(async () => void (await this.redis.ping()))
          .withTimeout(CHECK_TIMEOUT_MS),
      // An SMTP handshake per probe is wasteful: probes come every few seconds, answers keep for five.
      smtp: () =>
        this.indicators
          .check('smtp')
          .attempt(async () => void (await this.mail.verify()))
          .withTimeout(CHECK_TIMEOUT_MS * 2)
          .cacheFor(5_000),
    };
    return this.health.check(this.checks.map((name) => indicators[name]));
  }
}
