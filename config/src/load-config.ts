import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEVELOPMENT_JWT_SECRET, DEVELOPMENT_LINK_SECRET, envSchema, type Env } from './env.schema.js';
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
  if (e.BOUNCE_SMTP_PORT !== undefined && !e.BOUNCE_DOMAIN) {
    throw new ConfigError('Invalid configuration: BOUNCE_SMTP_PORT needs BOUNCE_DOMAIN (the domain whose MX points at the receiver)');
  }
  if (e.METRICS_PORT !== 0 && e.METRICS_PORT === e.PORT) {
    throw new ConfigError('Invalid configuration: METRICS_PORT must differ from PORT (metrics are kept off the public port)');
  }
  if (e.WORKER_METRICS_PORT !== 0 && (e.WORKER_METRICS_PORT === e.WORKER_PORT || e.WORKER_METRICS_PORT === e.METRICS_PORT)) {
    throw new ConfigError('Invalid configuration: WORKER_METRICS_PORT must differ from WORKER_PORT and METRICS_PORT');
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
    deliverability: {
      dkim: dkimConfig(e),
      bounceDomain: e.BOUNCE_DOMAIN?.toLowerCase() ?? null,
      bounceSmtpPort: e.BOUNCE_SMTP_PORT ?? null,
      sesTopicArns: e.SES_SNS_TOPIC_ARNS,
      snsCertUrlPattern: e.SNS_CERT_URL_PATTERN,
      sendgridPublicKey: e.SENDGRID_WEBHOOK_PUBLIC_KEY ? sendgridKey(e.SENDGRID_WEBHOOK_PUBLIC_KEY) : null,
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
    metrics: { host: e.METRICS_HOST, apiPort: e.METRICS_PORT, workerPort: e.WORKER_METRICS_PORT },
    startupCheckTimeoutMs: e.STARTUP_CHECK_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}

/** The DKIM key from the environment or a file (a mounted secret), checked to be a private key; null when DKIM is off. */
function dkimConfig(e: Env): AppConfig['deliverability']['dkim'] {
  const { DKIM_SELECTOR: selector, DKIM_PRIVATE_KEY: inline, DKIM_PRIVATE_KEY_FILE: file } = e;
  if (!selector && !inline && !file) return null;
  if (!selector) throw new ConfigError('Invalid configuration: DKIM_SELECTOR must be set with a DKIM key');
  if (!inline === !file) throw new ConfigError('Invalid configuration: DKIM needs exactly one of DKIM_PRIVATE_KEY and DKIM_PRIVATE_KEY_FILE');
  let privateKey: string;
  try {
    privateKey = inline ? inline.replace(/\\n/g, '\n') : readFileSync(file!, 'utf8');
    createPrivateKey(privateKey);
  } catch {
    throw new ConfigError(
      `Invalid configuration: ${inline ? 'DKIM_PRIVATE_KEY' : 'DKIM_PRIVATE_KEY_FILE'} must hold a PEM private key${file ? ' in a readable file' : ''}`,
    );
  }
  return { domain: e.DKIM_DOMAIN?.toLowerCase(), selector, privateKey };
}

/** SendGrid shows the key as base64 DER; a PEM is taken too. */
function sendgridKey(value: string): string {
  const pem = value.includes('BEGIN PUBLIC KEY') ? value.replace(/\\n/g, '\n') : `-----BEGIN PUBLIC KEY-----\n${value.trim()}\n-----END PUBLIC KEY-----\n`;
  try {
    createPublicKey(pem);
  } catch {
    throw new ConfigError('Invalid configuration: SENDGRID_WEBHOOK_PUBLIC_KEY must be the verification key SendGrid shows (base64) or a PEM public key');
  }
  return pem;
}
