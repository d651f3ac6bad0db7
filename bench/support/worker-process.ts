import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKER_NODE_ARGS } from '../../apps/worker/src/worker-node-args.js';

/** The built worker (`dist/apps/worker/src/main.js`), started as in production; resolves once it is live. */
export async function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const port = String(20_000 + Math.floor(Math.random() * 20_000));
  const child = spawn(
    process.execPath,
    [...WORKER_NODE_ARGS, ...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(root, 'dist/apps/worker/src/main.js')],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env, WORKER_PORT: port, WORKER_METRICS_PORT: '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(`http://127.0.0.1:${port}/health/live`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('the worker did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return child;
}

export async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGCONT'); // a worker paused by a failed round must run to hear SIGTERM
    child.kill('SIGTERM');
  });
}
