import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  test('defaults point at local PostgreSQL, Redis and SMTP', () => {
    const c = loadConfig({});
    expect(c.database.url).toBe('postgres://postgres@127.0.0.1:5432/endorsement');
    expect(c.redis.url).toBe('redis://127.0.0.1:6379');
    expect(c.smtp).toMatchObject({ host: '127.0.0.1', port: 1025, secure: false });
    expect(c.http.port).toBe(3000);
  });

  test('a bad value names the variable and what is wrong, without echoing the value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'seventy', DATABASE_URL: 'mysql://secret@host/db' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const lines = (error as Error).message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes('PORT'))).toMatch(/^Invalid configuration: PORT /);
    expect(lines.find((l) => l.includes('DATABASE_URL'))).toMatch(/must be a URL starting with postgres:\/\//);
    expect((error as Error).message).not.toContain('secret');
  });

  test('empty variables fall back to defaults and trailing slashes are trimmed', () => {
    const c = loadConfig({ PORT: '', PUBLIC_BASE_URL: 'https://endorse.example.org/' });
    expect(c.http.port).toBe(3000);
    expect(c.http.publicBaseUrl).toBe('https://endorse.example.org');
  });

  test('PUBLIC_BASE_URL follows PORT unless set, so emailed links point at the port the api listens on', () => {
    expect(loadConfig({}).http.publicBaseUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).http.publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '8080', PUBLIC_BASE_URL: 'https://endorse.example.org' }).http.publicBaseUrl).toBe('https://endorse.example.org');
  });

  test('database and drain timeouts come from configuration; the drain must end before the shutdown deadline', () => {
    expect(loadConfig({}).database.connectTimeoutMs).toBe(20_000);
    expect(loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '45000' }).database.connectTimeoutMs).toBe(45_000);
    expect(loadConfig({ HTTP_DRAIN_TIMEOUT_MS: '2000', SHUTDOWN_TIMEOUT_MS: '4000' }).http.drainTimeoutMs).toBe(2_000);
    expect(() => loadConfig({ HTTP_DRAIN_TIMEOUT_MS: '10000' })).toThrow('HTTP_DRAIN_TIMEOUT_MS must be less than SHUTDOWN_TIMEOUT_MS');
  });

  test('production refuses the development secrets: LINK_SECRET and AUTH_JWT_SECRET', () => {
    const strong = { LINK_SECRET: 'l'.repeat(40), AUTH_JWT_SECRET: 'j'.repeat(40) };
    expect(() => loadConfig({ NODE_ENV: 'production', ...strong })).not.toThrow();
    expect(() => loadConfig({ NODE_ENV: 'production', LINK_SECRET: strong.LINK_SECRET })).toThrow('AUTH_JWT_SECRET must be set in production');
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'too short' })).toThrow(/AUTH_JWT_SECRET must be at least 32 characters/);
    expect(loadConfig({}).auth).toEqual({ jwtSecret: expect.any(String) });
  });

  test('CREDENTIAL_SIGNING_KEYS: a JSON object of association code to Ed25519 private JWK; a bad one is named, never echoed', () => {
    expect(loadConfig({}).credentials.signingKeys).toEqual({});
    const key = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
    expect(loadConfig({ CREDENTIAL_SIGNING_KEYS: JSON.stringify({ 'MI-AIMH': key }) }).credentials.signingKeys).toEqual({ 'MI-AIMH': key });
    const secretish = 'not-json-but-secret-0123456789';
    const bad = [
      secretish,
      JSON.stringify({ 'MI-AIMH': { ...key, crv: 'P-256' } }),
      JSON.stringify({ 'MI-AIMH': { kty: 'OKP', crv: 'Ed25519', x: key.x } }),
      JSON.stringify([key]),
    ];
    for (const value of bad) {
      const error = (() => {
        try {
          loadConfig({ CREDENTIAL_SIGNING_KEYS: value });
        } catch (e) {
          return e as Error;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect(error?.message).toMatch(/^Invalid configuration: CREDENTIAL_SIGNING_KEYS must/);
      expect(error?.message).not.toContain(secretish);
      expect(error?.message).not.toContain(key.d!);
    }
  });

  test("throttles: sign-in routes, open pages and each account's changes, with defaults", () => {
    expect(loadConfig({}).throttle).toEqual({
      auth: { limit: 10, ttlMs: 60_000 },
      public: { limit: 60, ttlMs: 60_000 },
      writes: { limit: 120, ttlMs: 60_000 },
    });
    expect(loadConfig({ PUBLIC_THROTTLE_LIMIT: '5', WRITE_THROTTLE_TTL_MS: '1000' }).throttle).toMatchObject({
      public: { limit: 5 },
      writes: { ttlMs: 1_000 },
    });
    expect(() => loadConfig({ WRITE_THROTTLE_LIMIT: '0' })).toThrow(/WRITE_THROTTLE_LIMIT/);
  });

  test('rater address changes: 3 per reference and 5 per applicant a day unless configured', () => {
    expect(loadConfig({}).raterChanges).toEqual({ perReference: 3, perApplicant: 5 });
    expect(loadConfig({ RATER_CHANGES_PER_REFERENCE: '1', RATER_CHANGES_PER_APPLICANT: '2' }).raterChanges).toEqual({ perReference: 1, perApplicant: 2 });
    expect(() => loadConfig({ RATER_CHANGES_PER_REFERENCE: '0' })).toThrow(/RATER_CHANGES_PER_REFERENCE/);
  });

  test('CORS_ORIGINS: none by default, a comma-separated list of origins, anything else refused', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://portal.example.org, http://localhost:5173/' }).corsOrigins).toEqual([
      'https://portal.example.org',
      'http://localhost:5173',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://portal.example.org/path' })).toThrow(/CORS_ORIGINS must be a comma-separated list of origins/);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });

  test('deliverability: off by default; a DKIM key must be a private key; a bounce receiver needs its domain', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    expect(loadConfig({}).deliverability).toEqual({
      dkim: null,
      bounceDomain: null,
      bounceSmtpPort: null,
      sesTopicArns: [],
      snsCertUrlPattern: expect.stringMatching(/^\^https/),
      sendgridPublicKey: null,
    });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(loadConfig({ DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY: pem.replace(/\n/g, '\\n') }).deliverability.dkim).toEqual({
      domain: undefined,
      selector: 's1',
      privateKey: pem,
    });
    expect(() => loadConfig({ DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY: 'not a key' })).toThrow('DKIM_PRIVATE_KEY must hold a PEM private key');
    expect(() => loadConfig({ DKIM_PRIVATE_KEY: pem })).toThrow('DKIM_SELECTOR must be set');
    expect(() => loadConfig({ BOUNCE_SMTP_PORT: '2525' })).toThrow('BOUNCE_SMTP_PORT needs BOUNCE_DOMAIN');
    expect(loadConfig({ BOUNCE_SMTP_PORT: '2525', BOUNCE_DOMAIN: 'Bounces.Example.org' }).deliverability).toMatchObject({
      bounceDomain: 'bounces.example.org',
      bounceSmtpPort: 2525,
    });
    expect(() => loadConfig({ SES_SNS_TOPIC_ARNS: 'my-topic' })).toThrow(/SES_SNS_TOPIC_ARNS/);
    expect(() => loadConfig({ SENDGRID_WEBHOOK_PUBLIC_KEY: 'bm90IGEga2V5' })).toThrow('SENDGRID_WEBHOOK_PUBLIC_KEY must be');
  });

  test('metrics: loopback by default, never on the public port', () => {
    expect(loadConfig({}).metrics).toEqual({ host: '127.0.0.1', apiPort: 9464, workerPort: 9465 });
    expect(loadConfig({ METRICS_HOST: '10.0.0.5', METRICS_PORT: '0', WORKER_METRICS_PORT: '0' }).metrics).toEqual({
      host: '10.0.0.5',
      apiPort: 0,
      workerPort: 0,
    });
    expect(() => loadConfig({ PORT: '8080', METRICS_PORT: '8080' })).toThrow('METRICS_PORT must differ from PORT');
    expect(() => loadConfig({ WORKER_PORT: '9000', WORKER_METRICS_PORT: '9000' })).toThrow('WORKER_METRICS_PORT must differ');
    expect(() => loadConfig({ METRICS_PORT: '9500', WORKER_METRICS_PORT: '9500' })).toThrow('WORKER_METRICS_PORT must differ');
    expect(() => loadConfig({ METRICS_HOST: 'http://x/' })).toThrow(/METRICS_HOST/);
  });
});
