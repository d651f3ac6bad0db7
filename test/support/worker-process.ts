import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './ports.js';
import { ROOT } from './run-node.js';
import { WORKER_NODE_ARGS } from '../../apps/worker/src/worker-node-args.js';

/** The built worker as a real child process, which a test can SIGKILL. */
export class WorkerProcess {
  private child?: ChildProcess;
  port = 0;
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<this> {
    this.port = await freePort();
    this.child = spawn(process.execPath, [...WORKER_NODE_ARGS, 'dist/apps/worker/src/main.js'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', MAIL_CATCHER: 'off', WORKER_PORT: String(this.port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d) => (this.output += d));
    this.child.stderr!.on('data', (d) => (this.output += d));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${this.port}/health/live`).then((r) => r.ok, () => false);
      if (ok) return this;
      if (this.child.exitCode !== null || Date.now() > deadline) throw new Error(`worker did not start:\n${this.output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
