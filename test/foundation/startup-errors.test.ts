import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { freePort as closedPort, waitForPort } from '../support/ports.js';
import { runNode, type NodeRun } from '../support/run-node.js';

const API = 'dist/apps/api/src/main.js';
const WORKER = 'dist/apps/worker/src/main.js';
// What a process may spend waiting on services it cannot reach before it gives up and says so.
const WAIT_BUDGET_MS = 8_000;

/**
 * Runs an entry point beside the same entry stopped by a bad configuration value, which loads the
 * same code and reaches no service. Both share the machine's load, so what the first takes beyond
 * the second is its own waiting on services, however busy the machine is.
 */
async function runBesideBaseline(args: string[], env: Record<string, string>): Promise<NodeRun & { waitedMs: number }> {
  const [run, baseline] = await Promise.all([runNode(args, env, 60_000), runNode(args, { ...env, PORT: 'seventy' }, 60_000)]);
  return { ...run, waitedMs: run.ms - baseline.ms };
}

describe('start-up with bad configuration or missing services', () => {
  test('a bad configuration value stops the process with one line naming the variable', async () => {
    const run = await runNode([API], { PORT: 'seventy', MAIL_CATCHER: 'off' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: PORT /)]);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test.each([API, WORKER])('%s: Redis unreachable -> one line of advice, non-zero exit without a long wait', async (entry) => {
    const port = await closedPort();
    const run = await runBesideBaseline([entry], { REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(run.code).toBe(1); // exited by itself (a process killed for hanging has none)
    expect(run.waitedMs).toBeLessThan(WAIT_BUDGET_MS);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Redis is not reachable at 127.0.0.1:${port}`);
    expect(lines[0]).toContain('docker compose up -d redis');
  });

  test('PostgreSQL and Redis both unreachable -> one line each', async () => {
    const [pgPort, redisPort] = [await closedPort(), await closedPort()];
    const run = await runBesideBaseline([API], {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${pgPort}/endorsement`,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    });
    expect(run.code).toBe(1); // exited by itself (a process killed for hanging has none)
    expect(run.waitedMs).toBeLessThan(WAIT_BUDGET_MS);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`PostgreSQL is not reachable at 127.0.0.1:${pgPort}`);
    expect(lines[1]).toContain(`Redis is not reachable at 127.0.0.1:${redisPort}`);
  });

  test('a non-routable database host still answers, after STARTUP_CHECK_TIMEOUT_MS', async () => {
    // 192.0.2.0/24 is TEST-NET-1: never routed, so the connect attempt hangs until our timeout.
    const run = await runBesideBaseline([API], { DATABASE_URL: 'postgres://postgres@192.0.2.1:5432/endorsement', STARTUP_CHECK_TIMEOUT_MS: '1500' });
    expect(run.code).toBe(1); // exited by itself (a process killed for hanging has none)
    expect(run.waitedMs).toBeLessThan(WAIT_BUDGET_MS);
    expect(run.stderr).toContain('PostgreSQL is not reachable at 192.0.2.1:5432');
  });

  describe('Redis with an eviction policy', () => {
    let redis: ReturnType<typeof spawn>;
    let port: number;
    beforeAll(async () => {
      port = await closedPort();
      redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru'], {
        stdio: 'ignore',
      });
      await waitForPort(port);
    });
    afterAll(() => void redis.kill('SIGKILL'));

    test('refuses to start and says why', async () => {
      const run = await runNode([API], { REDIS_URL: `redis://127.0.0.1:${port}` });
      expect(run.code).not.toBe(0);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('maxmemory-policy "allkeys-lru"');
      expect(run.stderr).toContain('noeviction');
    });
  });
});
