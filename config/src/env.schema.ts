import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const port = z.coerce.number().int().min(0).max(65535);
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

/** "https://portal.example.org" or "http://localhost:5173": what a browser sends as Origin. */
function isOrigin(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');
/** An Ed25519 private key as a JWK (RFC 8037): what `jose`'s exportJWK writes, and what most key tools export. */
const ed25519PrivateJwk = z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: base64url.length(43), d: base64url.length(43) });

/** `{"MI-AIMH": {<private JWK>}, …}`: each association's credential signing key. Parsed here so a bad one stops the boot. */
const signingKeys = z.string().transform((value, ctx) => {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    // Never echo the value: it is a secret.
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object of association code to Ed25519 private JWK' });
    return z.NEVER;
  }
  const parsed = z.record(z.string().min(1), ed25519PrivateJwk).safeParse(json);
  if (!parsed.success) {
    ctx.addIssue({
      code: 'custom',
      message: `must map association codes to Ed25519 private JWKs (kty OKP, crv Ed25519, x, d); wrong at ${parsed.error.issues[0]?.path.join('.')}`,
    });
    return z.NEVER;
  }
  return parsed.data;
});

/** Every environment variable the system reads, with its default. `.env.example` documents each. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  WORKER_PORT: port.default(3001),
  // Unset: http://localhost:<PORT> (see loadConfig), so emailed links follow the port the api listens on.
  PUBLIC_BASE_URL: url(['http:', 'https:']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/endorsement'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(20_000),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -')
    .default('endorsement'),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: port.default(1025),
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('Endorsement <no-reply@endorsement.local>'),
  // Deliverability (docs/deliverability.md). DKIM: the private key (PEM, `\n` escapes allowed) or a file holding it.
  DKIM_DOMAIN: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, 'must be a domain name')
    .optional(),
  DKIM_SELECTOR: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,63}$/, 'must be a DNS label such as mail2026')
    .optional(),
  DKIM_PRIVATE_KEY: z.string().optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().optional(),
  BOUNCE_DOMAIN: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, 'must be a domain name')
    .optional(),
  BOUNCE_SMTP_PORT: port.optional(),
  SES_SNS_TOPIC_ARNS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .refine((arns) => arns.every((a) => /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+$/.test(a)), {
      message: 'must be a comma-separated list of SNS topic ARNs',
    }),
  SNS_CERT_URL_PATTERN: z
    .string()
    .default('^https://sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/')
    .refine(
      (v) => {
        try {
          new RegExp(v);
          return v.startsWith('^');
        } catch {
          return false;
        }
      },
      { message: 'must be a regular expression anchored with ^' },
    ),
  SENDGRID_WEBHOOK_PUBLIC_KEY: z.string().optional(),
  MAIL_CATCHER: z.enum(['auto', 'off']).default('auto'),
  MAIL_CATCHER_WEB_PORT: port.default(1080),
  LINK_SECRET: z.string().min(32, 'must be at least 32 characters').default('development-only-link-secret-change-me-in-production'),
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default('development-only-jwt-secret-change-me-in-production'),
  AUTH_THROTTLE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  AUTH_THROTTLE_TTL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  PUBLIC_THROTTLE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(60),
  PUBLIC_THROTTLE_TTL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  WRITE_THROTTLE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(120),
  WRITE_THROTTLE_TTL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  CREDENTIAL_SIGNING_KEYS: signingKeys.optional(),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .refine((origins) => origins.every(isOrigin), {
      message: 'must be a comma-separated list of origins such as https://portal.example.org (scheme, host and optional port; no path)',
    }),
  RATER_CHANGES_PER_REFERENCE: z.coerce.number().int().min(1).max(100).default(3),
  RATER_CHANGES_PER_APPLICANT: z.coerce.number().int().min(1).max(1_000).default(5),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  REPUBLISH_AFTER_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(2).max(365).default(7),
  REMINDER_SWEEP_EVERY_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(60_000),
  RENEWAL_SWEEP_EVERY_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(7 * 86_400_000)
    .default(86_400_000),
  MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
  QUEUE_DASHBOARD: bool.default(false),
  STARTUP_CHECK_TIMEOUT_MS: z.coerce.number().int().min(200).max(8000).default(3000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  HTTP_DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(5_000),
  // Prometheus /metrics: a listener of its own, apart from the public port (see libs/platform/src/metrics).
  METRICS_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:-]+$/, 'must be an IP address or host name such as 127.0.0.1')
    .default('127.0.0.1'),
  METRICS_PORT: port.default(9464),
  WORKER_METRICS_PORT: port.default(9465),
});

export type Env = z.infer<typeof envSchema>;

export const DEVELOPMENT_LINK_SECRET = 'development-only-link-secret-change-me-in-production';
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-change-me-in-production';
