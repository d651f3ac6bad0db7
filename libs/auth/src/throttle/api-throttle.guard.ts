import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '#config';
import { RedisClient } from '#queue';
import { ACCOUNT_ON_REQUEST, type RequestWithAccount } from '../access/current-account.decorator.js';
import { AuthProblems } from '../auth.problems.js';
import { THROTTLED_AS, type AddressThrottle } from './throttled-as.decorator.js';
import { WRITE_METHODS } from './write-methods.js';

type Throttle = AddressThrottle | 'writes';

/**
 * The api's three throttles (APP_GUARD, after the AccessGuard so it sees the verified caller):
 * `auth` and `public` count per client address and per route on the routes marked @ThrottledAs;
 * `writes` counts every change a signed-in account makes, whichever route. Health is never marked,
 * and docs and the queue dashboard are not Nest routes, so none of them is throttled.
 *
 * Counted atomically in Redis (rate-limiter-flexible, one Lua call) under the deployment's prefix,
 * so every api process shares one count. When Redis is away it lets requests through (the account
 * lockout still stands) rather than locking everyone out, without waiting for Redis to come back.
 */
@Injectable()
export class ApiThrottleGuard implements CanActivate {
  private readonly logger = new Logger('Throttle');
  private readonly limiters: Record<Throttle, RateLimiterRedis>;

  constructor(
    redis: RedisClient,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly reflector: Reflector,
  ) {
    const limiter = (name: Throttle) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.redis.prefix}:throttle:${name}`,
        points: config.throttle[name].limit,
        duration: config.throttle[name].ttlMs / 1000,
        rejectIfRedisNotReady: true,
      });
    this.limiters = { auth: limiter('auth'), public: limiter('public'), writes: limiter('writes') };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<RequestWithAccount>();
    const byAddress = this.reflector.getAllAndOverride<AddressThrottle | undefined>(THROTTLED_AS, [context.getHandler(), context.getClass()]);
    if (byAddress) {
      // The socket's address unless the app trusts a proxy; never a header a client can set.
      const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
      await this.count(context, byAddress, `${context.getClass().name}.${context.getHandler().name}:${client}`);
    }
    const account = req[ACCOUNT_ON_REQUEST];
    if (account && WRITE_METHODS.has(req.method)) await this.count(context, 'writes', account.id);
    return true;
  }

  private async count(context: ExecutionContext, throttle: Throttle, key: string): Promise<void> {
    try {
      await this.limiters[throttle].consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) {
        this.logger.warn(`${throttle} throttle count unavailable (Redis); request let through`);
        return;
      }
      const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
      throw AuthProblems.tooManyRequests(retryAfter);
    }
  }
}
