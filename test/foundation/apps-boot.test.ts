import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { createHttpApp, ShutdownState } from '#platform';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestRedisPrefix } from '../support/test-redis.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { testConfig } from '../support/test-config.js';
import { TcpProxy } from '../support/tcp-proxy.js';

async function get(app: INestApplication, path: string) {
  const { port } = app.getHttpServer().address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    requestId: res.headers.get('x-request-id'),
    body: (await res.json()) as Record<string, unknown>,
  };
}

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('api and worker boot on real PostgreSQL, Redis and SMTP', () => {
  let db: TestDatabase;
  const redis = createTestRedisPrefix();
  const smtp = new SmtpSink();
  let pgProxy: TcpProxy;
  let api: INestApplication;
  let worker: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    await smtp.start();
    // The api reaches PostgreSQL through a proxy the test can cut.
    const target = new URL(db.url);
    pgProxy = await new TcpProxy(Number(target.port || 5432)).start();
    const proxied = new URL(db.url);
    proxied.port = String(pgProxy.port);
    const env = { redisPrefix: redis.prefix, smtpPort: smtp.port, DATABASE_POOL_SIZE: 2 };
    api = await createApiApp(testConfig({ ...env, databaseUrl: proxied.toString() }), 0);
    worker = await createHttpApp(WorkerModule.forRoot(testConfig({ ...env, databaseUrl: db.url })) as never, testConfig({ ...env, databaseUrl: db.url }), 0);
  });

  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await pgProxy?.cut();
    await smtp.stop();
    await redis.cleanup();
    await db.drop();
  });

  test('liveness answers on both', async () => {
    for (const app of [api, worker]) expect(await get(app, '/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  test('readiness: the api checks PostgreSQL and Redis, the worker those and SMTP', async () => {
    expect(await get(api, '/health/ready')).toMatchObject({ status: 200, body: { details: { database: { status: 'up' }, redis: { status: 'up' } } } });
    expect(Object.keys((await get(api, '/health/ready')).body.details as object)).toEqual(['database', 'redis']);
    expect(await get(worker, '/health/ready')).toMatchObject({
      status: 200,
      body: { details: { database: { status: 'up' }, redis: { status: 'up' }, smtp: { status: 'up' } } },
    });
  });

  test('every response carries a request id, and an incoming one is kept', async () => {
    const { port } = api.getHttpServer().address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/health/live`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect((await get(api, '/health/live')).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('unknown routes answer problem+json with a stable code', async () => {
    const res = await get(api, '/api/v1/no/such/thing');
    expect(res.status).toBe(404);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'not_found' });
  });

  test('database lost while running: readiness 503 problem+json, then recovers by itself', async () => {
    await pgProxy.cut();
    const down = await eventually(
      () => get(api, '/health/ready'),
      (r) => r.status === 503,
    );
    expect(down.status).toBe(503);
    expect(down.type).toContain('application/problem+json');
    expect(down.body).toMatchObject({ code: 'not_ready', checks: { database: { status: 'down' } } });
    expect(down.body.detail).toContain('database');

    await pgProxy.start();
    const up = await eventually(
      () => get(api, '/health/ready'),
      (r) => r.status === 200,
    );
    expect(up.status).toBe(200);
  });

  test('SMTP down: the worker is not ready and names it; the api, which only writes outbox rows, stays ready', async () => {
    const port = smtp.port;
    await smtp.stop();
    // The SMTP probe result is cached for 5 s.
    const down = await eventually(
      () => get(worker, '/health/ready'),
      (r) => r.status === 503,
    );
    expect(down.body).toMatchObject({ code: 'not_ready', detail: 'Unavailable: smtp', checks: { smtp: { status: 'down' } } });
    expect(await get(api, '/health/ready')).toMatchObject({ status: 200, body: { status: 'ok' } });
    await smtp.start(port);
  });

  test('while shutting down, readiness answers 503 so a load balancer stops sending', async () => {
    const state = api.get(ShutdownState);
    state.draining = true;
    try {
      expect(await get(api, '/health/ready')).toMatchObject({ status: 503, body: { code: 'not_ready', detail: 'Shutting down' } });
    } finally {
      state.draining = false;
    }
  });
});
