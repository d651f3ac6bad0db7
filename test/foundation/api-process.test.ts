import http, { type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { AppProcess } from '../support/app-process.js';
import { FaultEnv } from '../support/fault-env.js';
import { waitFor } from '../support/worker-harness.js';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/**
 * A JSON request the server has in flight (it parsed the headers and answered 100 Continue) whose
 * body the test holds back until `release()`, which sends it and resolves with the answer.
 */
async function heldRequest(url: string, method: string, body: unknown): Promise<{ release(): Promise<Answer> }> {
  const payload = JSON.stringify(body);
  const req = http.request(url, {
    method,
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), expect: '100-continue' },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) as Record<string, unknown> }));
      res.once('error', reject);
    });
  });
  answer.catch(() => undefined); // awaited by release(); an early failure must not go unhandled meanwhile
  const continued = new Promise<void>((resolve, reject) => {
    req.once('continue', resolve);
    req.once('error', reject);
  });
  req.flushHeaders();
  await continued;
  return {
    release: () => {
      req.end(payload);
      return answer;
    },
  };
}

describe('the built api as a process', () => {
  const env = new FaultEnv();
  let api: AppProcess;
  const post = (path: string, body: unknown) =>
    fetch(api.url(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    await env.setUp();
    api = await new AppProcess('api', { ...env.workerEnv(), LOG_LEVEL: 'info', AUTH_THROTTLE_LIMIT: '1000' }).start();
  });
  afterAll(async () => {
    await api?.kill();
    await env.tearDown();
  });

  test('logs no searched name and no credentials: query values and the authorization header are redacted', async () => {
    const search = await fetch(api.url('/api/v1/registry?q=Philippa%20Searchname&association=MI-AIMH'), {
      headers: { authorization: 'Bearer not-a-real-token-Zq81' },
    });
    expect(search.status).toBe(200);
    // The request's log line is written when the response ends; it reaches the pipe a moment later.
    await waitFor(
      'the search in the log',
      () => api.output,
      (out) => out.includes('"url":"/api/v1/registry?q=[redacted]&association=[redacted]"'),
    );
    expect(api.output).not.toMatch(/Searchname|Philippa/);
    expect(api.output).not.toContain('Zq81');
  });

  test('SIGTERM: refuses new connections, answers readiness 503 and finishes the sign-in in flight, then exits 0', async () => {
    const account = { email: 'drain@family.example', password: 'a long applicant passphrase' };
    expect((await post('/api/v1/auth/register', { ...account, fullName: 'Dana Drain', associationCode: 'MI-AIMH' })).status).toBe(202);
    const login = await heldRequest(api.url('/api/v1/auth/login'), 'POST', account);
    const readiness = await heldRequest(api.url('/health/ready'), 'GET', {});

    process.kill(api.pid!, 'SIGTERM');
    await waitFor(
      'the api to start draining',
      () => api.output,
      (out) => out.includes('SIGTERM: finishing the requests in flight'),
    );
    await expect(fetch(api.url('/health/live'))).rejects.toThrow();

    const ready = await readiness.release();
    expect(ready).toMatchObject({ status: 503, headers: { connection: 'close' }, body: { code: 'not_ready', detail: 'Shutting down' } });
    const signedIn = await login.release();
    expect(signedIn).toMatchObject({ status: 200, headers: { connection: 'close' }, body: { accessToken: expect.any(String) } });
    expect(await api.exited()).toEqual({ code: 0, signal: null });
  });
});
