import type { Env } from './env.schema.js';

/** The typed configuration every process reads; built once from the environment. */
export interface AppConfig {
  env: Env['NODE_ENV'];
  /** drainTimeoutMs: how long requests in flight may take to finish after SIGTERM. */
  http: { port: number; workerPort: number; publicBaseUrl: string; drainTimeoutMs: number };
  logLevel: Env['LOG_LEVEL'];
  /** connectTimeoutMs: how long a query may wait for a pooled connection, or for a new one to open. */
  database: { url: string; poolSize: number; connectTimeoutMs: number };
  redis: { url: string; prefix: string };
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string; from: string };
  /** docs/deliverability.md: DKIM signing, VERP bounces and their receiver, provider webhooks. */
  deliverability: {
    /** Signs every message; domain undefined: MAIL_FROM's domain. */
    dkim: { domain?: string; selector: string; privateKey: string } | null;
    /** Envelope sender `bounces+<ledger row>@bounceDomain`; null: MAIL_FROM's address, as before. */
    bounceDomain: string | null;
    /** The worker's inbound SMTP port for bounces and abuse reports; null: no receiver. */
    bounceSmtpPort: number | null;
    /** Amazon SES events are accepted only from these SNS topics (none: the SES webhook is off). */
    sesTopicArns: string[];
    /** SNS signing certificates are fetched only from URLs matching this. */
    snsCertUrlPattern: string;
    /** SendGrid's Event Webhook verification key (base64 DER or PEM); null: the SendGrid webhook is off. */
    sendgridPublicKey: string | null;
  };
  mailCatcher: { mode: Env['MAIL_CATCHER']; webPort: number };
  /** Signs rater links; only hashes of the links are stored. */
  linkSecret: string;
  /** Signs access tokens (HS256). */
  auth: { jwtSecret: string };
  /**
   * Requests allowed per window (then 429): `auth` per client address on each sign-in route, `public`
   * per client address on each open page (rater form, registry), `writes` per account across its changes.
   */
  throttle: Record<'auth' | 'public' | 'writes', { limit: number; ttlMs: number }>;
  /** Browser origins allowed to call the api (CORS); empty: none. */
  corsOrigins: string[];
  /**
   * Each association's Ed25519 private key (JWK) for the verifiable credentials and status lists it
   * issues. An association without one signs with a key made at boot in development and tests only.
   */
  credentials: { signingKeys: Readonly<Record<string, Ed25519PrivateJwk>> };
  /** Reverse proxies in front of the api whose X-Forwarded-For is believed (the client address throttling counts by). */
  trustProxyHops: number;
  /** Abuse limits: new rater addresses an applicant may give per reference, and in all, in any 24 hours. */
  raterChanges: { perReference: number; perApplicant: number };
  pipeline: {
    outboxPollMs: number;
    republishAfterMs: number;
    outboxRetentionDays: number;
    reminderSweepEveryMs: number;
    renewalSweepEveryMs: number;
    mailConcurrency: number;
  };
  queueDashboard: boolean;
  /**
   * Where Prometheus scrapes `/metrics`: a listener apart from the public port, on `host` (loopback by
   * default), `apiPort` for the api and `workerPort` for the worker (0: any free port, logged).
   */
  metrics: { host: string; apiPort: number; workerPort: number };
  startupCheckTimeoutMs: number;
  shutdownTimeoutMs: number;
}

export interface Ed25519PrivateJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  d: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
