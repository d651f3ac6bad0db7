import { DEVELOPMENT_JWT_SECRET, DEVELOPMENT_LINK_SECRET, envSchema } from './env.schema.js';
import type { AppConfig } from './app-config.js';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses the environment into an AppConfig. Throws a ConfigError whose message is one line per bad
 * variable, naming it and saying what is wrong, never echoing its value (it may be a secret).
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "unset", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `Invalid configuration: ${i.path.join('.')} ${i.message}`);
    throw new ConfigError(lines.join('\n'));
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.LINK_SECRET === DEVELOPMENT_LINK_SECRET) {
    throw new ConfigError('Invalid configuration: LINK_SECRET must be set in production (at least 32 random characters)');
  }
  if (e.NODE_ENV === 'production' && e.AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    throw new ConfigError('Invalid configuration: AUTH_JWT_SECRET must be set in production (at least 32 random characters)');
  }
  if (e.HTTP_DRAIN_TIMEOUT_MS >= e.SHUTDOWN_TIMEOUT_MS) {
    throw new ConfigError('Invalid configuration: HTTP_DRAIN_TIMEOUT_MS must be less than SHUTDOWN_TIMEOUT_MS (draining is part of shutting down)');
  }
  const publicBaseUrl = e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`;
  return {
    env: e.NODE_ENV,
    http: { port: e.PORT, workerPort: e.WORKER_PORT, publicBaseUrl: publicBaseUrl.replace(/\/$/, ''), drainTimeoutMs: e.HTTP_DRAIN_TIMEOUT_MS },
    logLevel: e.LOG_LEVEL,
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE, connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS },
    redis: { url: e.REDIS_URL, prefix: e.QUEUE_PREFIX },
    smtp: {
      host: e.SMTP_HOST,
      port: e.SMTP_PORT,
      secure: e.SMTP_SECURE,
      user: e.SMTP_USER,
      password: e.SMTP_PASSWORD,
      from: e.MAIL_FROM,
    },
    mailCatcher: { mode: e.MAIL_CATCHER, webPort: e.MAIL_CATCHER_WEB_PORT },
    linkSecret: e.LINK_SECRET,
    auth: { jwtSecret: e.AUTH_JWT_SECRET },
    throttle: {
      auth: { limit: e.AUTH_THROTTLE_LIMIT, ttlMs: e.AUTH_THROTTLE_TTL_MS },
      public: { limit: e.PUBLIC_THROTTLE_LIMIT, ttlMs: e.PUBLIC_THROTTLE_TTL_MS },
      writes: { limit: e.WRITE_THROTTLE_LIMIT, ttlMs: e.WRITE_THROTTLE_TTL_MS },
    },
    credentials: { signingKeys: e.CREDENTIAL_SIGNING_KEYS ?? {} },
    corsOrigins: e.CORS_ORIGINS.map((o) => o.replace(/\/$/, '')),
    trustProxyHops: e.TRUST_PROXY_HOPS,
    raterChanges: { perReference: e.RATER_CHANGES_PER_REFERENCE, perApplicant: e.RATER_CHANGES_PER_APPLICANT },
    pipeline: {
      outboxPollMs: e.OUTBOX_POLL_MS,
      republishAfterMs: e.REPUBLISH_AFTER_MS,
      outboxRetentionDays: e.OUTBOX_RETENTION_DAYS,
      reminderSweepEveryMs: e.REMINDER_SWEEP_EVERY_MS,
      renewalSweepEveryMs: e.RENEWAL_SWEEP_EVERY_MS,
      mailConcurrency: e.MAIL_CONCURRENCY,
    },
    queueDashboard: e.QUEUE_DASHBOARD,
    startupCheckTimeoutMs: e.STARTUP_CHECK_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
