import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '#config';
import { RedisClient } from '#queue';
import { AuthProblems } from '../auth.problems.js';

/**
 * Limits the routes that guess or spend (sign-in, registration, refresh, reset, invitations) to
 * AUTH_THROTTLE_LIMIT requests per client address per route in each AUTH_THROTTLE_TTL_MS window.
 * Counted in Redis so every api process shares one count; when Redis is away it lets requests
 * through (the account lockout still stands) rather than locking everyone out.
 */
@Injectable()
export class AuthThrottleGuard implements CanActivate {
  private readonly logger = new Logger('AuthThrottle');

  constructor(
    private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const { throttleLimit, throttleTtlMs } = this.config.auth;
    // The socket's address unless the app trusts a proxy; never a header a client can set.
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const key = `${this.config.redis.prefix}:throttle:${context.getClass().name}.${context.getHandler().name}:${client}`;
    let count: number;
    let ttlMs: number;
    try {
      const replies = await this.redis.multi().incr(key).pexpire(key, throttleTtlMs, 'NX').pttl(key).exec();
      count = Number(replies?.[0]?.[1]);
      ttlMs = Number(replies?.[2]?.[1]);
    } catch {
      this.logger.warn('throttle count unavailable (Redis); request let through');
      return true;
    }
    if (count <= throttleLimit) return true;
    const retryAfter = Math.max(1, Math.ceil(ttlMs / 1000));
    http.getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw AuthProblems.tooManyRequests(retryAfter);
  }
}
