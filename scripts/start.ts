/**
 * `npm start`: the whole system on one machine: api, worker and, in development when nothing
 * listens at the SMTP address, an embedded mail catcher whose web page shows every email sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '#config';
import { runMain } from '#platform';
import { WORKER_NODE_ARGS } from '../apps/worker/src/worker-node-args.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const children: ChildProcess[] = [];
let stopping = false;

function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1000 });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} exited (${signal ?? code}); stopping the system`);
    void stop(code || 1);
  });
  return child;
}

async function stop(code: number): Promise<void> {
  stopping = true;
  const exits = children.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => new Promise((r) => c.once('exit', r)));
  for (const c of children) c.kill('SIGTERM');
  await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 15_000))]);
  process.exit(code);
}

async function startMailCatcher(config: AppConfig): Promise<void> {
  const { host, port } = config.smtp;
  if (await listening(host, port)) {
    console.log(`Using the SMTP server at ${host}:${port}`);
    return;
  }
  if (config.env === 'production' || config.mailCatcher.mode === 'off') {
    console.log(`Nothing listens at SMTP ${host}:${port} yet; emails will wait in the queue until it does`);
    return;
  }
  const web = config.mailCatcher.webPort;
  run('mail catcher', process.execPath, [
    join(root, 'node_modules/maildev/bin/maildev'),
    '--smtp',
    String(port),
    '--web',
    String(web),
    '--ip',
    '127.0.0.1',
    '--silent',
  ]);
  for (let i = 0; i < 50 && !(await listening('127.0.0.1', port)); i++) await new Promise((r) => setTimeout(r, 200));
  console.log(`Mail catcher: every email the system sends appears at http://localhost:${web} (SMTP 127.0.0.1:${port})`);
}

// The same configuration, framework data and service checks as each process, once, before any starts.
await runMain('start', async (config) => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(0));
  await startMailCatcher(config);
  // The worker serves its health next to the api's unless told otherwise.
  const workerPort = process.env.WORKER_PORT || String(config.http.port + 1);
  run('api', process.execPath, [join(root, 'dist/apps/api/src/main.js')]);
  run('worker', process.execPath, [...WORKER_NODE_ARGS, join(root, 'dist/apps/worker/src/main.js')], { WORKER_PORT: workerPort });
  console.log(
    `Web app: http://localhost:${config.http.port} (JSON API under /api/v1, health: /health/ready); worker health: http://localhost:${workerPort}/health/ready`,
  );
  const { host, apiPort, workerPort: workerMetricsPort } = config.metrics;
  console.log(`Prometheus metrics (not on the public port): http://${host}:${apiPort}/metrics (api), http://${host}:${workerMetricsPort}/metrics (worker)`);
});
