import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Worker } from 'bullmq';
import { createHttpApp } from '#platform';
import { JobQueues, QUEUE_NAMES } from '#queue';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestRedisPrefix, TEST_REDIS_URL } from '../support/test-redis.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { testConfig } from '../support/test-config.js';

interface Reply {
  status: number;
  type: string;
  text: string;
}

/** node:http rather than fetch: the tests set Host and choose the address they connect to. */
function call(app: INestApplication, path: string, opts: { method?: string; address?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  const address = opts.address ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: address, port, path, method: opts.method ?? 'GET', headers: { host: `${address}:${port}`, ...opts.headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', text }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** An address of this machine that is not loopback, to make a request that is not local; none on some CI hosts. */
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.family === 'IPv4')?.address;

describe('queue dashboard', () => {
  let db: TestDatabase;
  const redis = createTestRedisPrefix();
  const smtp = new SmtpSink();
  let enabled: INestApplication;
  let disabled: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    await smtp.start();
    const env = { databaseUrl: db.url, redisPrefix: redis.prefix, smtpPort: smtp.port, DATABASE_POOL_SIZE: 2 };
    enabled = await createHttpApp(ApiModule.forRoot(testConfig({ ...env, QUEUE_DASHBOARD: 'true' })) as never, testConfig(env), 0);
    disabled = await createHttpApp(ApiModule.forRoot(testConfig({ ...env, QUEUE_DASHBOARD: 'false' })) as never, testConfig(env), 0);
  });

  afterAll(async () => {
    await enabled?.close();
    await disabled?.close();
    await smtp.stop();
    await redis.cleanup();
    await db.drop();
  });

  describe('enabled', () => {
    test('serves the dashboard page from loopback', async () => {
      for (const path of ['/admin/queues', '/admin/queues/', '/admin/queues/queue/mail']) {
        const res = await call(enabled, path);
        expect(res).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
        // The page loads its assets relative to the mount point.
        expect(res.text).toContain('<base href="/admin/queues/"');
      }
      const page = await call(enabled, '/admin/queues');
      const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)?.[1];
      expect(script).toBeDefined();
      expect(await call(enabled, `/admin/queues/${script}`)).toMatchObject({ status: 200, type: expect.stringContaining('javascript') });
    });

    test('its API lists every queue of the registry', async () => {
      const res = await call(enabled, '/admin/queues/api/queues');
      expect(res.status).toBe(200);
      const names = (JSON.parse(res.text) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
      expect(names).toEqual([...QUEUE_NAMES].sort());
    });

    test('an operator can retry a failed job (the dashboard is not read-only)', async () => {
      const queue = enabled.get(JobQueues).queue('mail');
      const job = await queue.add('send-email', { deliveryId: 'dashboard-test' }, { jobId: 'email-dashboard-test', attempts: 1 });
      const worker = new Worker(
        'mail',
        async () => {
          throw new Error('smtp refused');
        },
        { connection: { url: TEST_REDIS_URL }, prefix: redis.prefix },
      );
      try {
        await new Promise<void>((resolve) => worker.on('failed', () => resolve()));
      } finally {
        await worker.close();
      }
      expect(await job.getState()).toBe('failed');

      const res = await call(enabled, `/admin/queues/api/queues/mail/${job.id}/retry`, { method: 'PUT' });
      expect(res.status).toBe(204);
      expect(await queue.getJobState(job.id!)).toBe('waiting');
      await queue.remove(job.id!);
    });

    test('a request forwarded by a proxy on the same host is refused with problem+json', async () => {
      const res = await call(enabled, '/admin/queues/api/queues', { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(res).toMatchObject({ status: 403, type: expect.stringContaining('application/problem+json') });
      expect(JSON.parse(res.text)).toMatchObject({ status: 403, code: 'forbidden', instance: '/admin/queues/api/queues' });
    });

    test('a loopback request naming another host (DNS rebinding) is refused', async () => {
      const res = await call(enabled, '/admin/queues', { headers: { host: 'attacker.example:80' } });
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('<html');
    });

    (externalAddress ? test : test.skip)('a request from a non-loopback address is refused', async () => {
      for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/favicon-32x32.png']) {
        const res = await call(enabled, path, { address: externalAddress! });
        expect(res).toMatchObject({ status: 403, type: expect.stringContaining('application/problem+json') });
      }
      // The rest of the api still answers there.
      expect((await call(enabled, '/health/live', { address: externalAddress! })).status).toBe(200);
    });
  });

  describe('disabled (the default)', () => {
    test.each(['/admin/queues', '/admin/queues/api/queues'])('%s is 404 problem+json', async (path) => {
      const res = await call(disabled, path);
      expect(res).toMatchObject({ status: 404, type: expect.stringContaining('application/problem+json') });
      expect(JSON.parse(res.text)).toMatchObject({ status: 404, code: 'not_found' });
    });
  });
});
