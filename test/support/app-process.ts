import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './ports.js';
import { ROOT } from './run-node.js';
import { waitFor } from './worker-harness.js';
import { WORKER_NODE_ARGS } from '../../apps/worker/src/worker-node-args.js';

const ENTRY = {
  api: { args: ['dist/apps/api/src/main.js'], portVariable: 'PORT', metricsPortVariable: 'METRICS_PORT' },
  worker: { args: [...WORKER_NODE_ARGS, 'dist/apps/worker/src/main.js'], portVariable: 'WORKER_PORT', metricsPortVariable: 'WORKER_METRICS_PORT' },
} as const;

/** The built api or worker as a real child process, which a test can signal or SIGKILL. */
export class AppProcess {
  private child?: ChildProcess;
  private exit?: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  port = 0;
  /** Where its Prometheus metrics are served (on 127.0.0.1, apart from `port`). */
  metricsPort = 0;
  /** stdout (the JSON log lines) and stderr, interleaved as they came. */
  output = '';

  constructor(
    private readonly kind: keyof typeof ENTRY,
    private readonly env: Record<string, string>,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  metricsUrl(): string {
    return `http://127.0.0.1:${this.metricsPort}/metrics`;
  }

  async start(): Promise<this> {
    this.port = await freePort();
    this.metricsPort = await freePort();
    const { args, portVariable, metricsPortVariable } = ENTRY[this.kind];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        MAIL_CATCHER: 'off',
        [portVariable]: String(this.port),
        [metricsPortVariable]: String(this.metricsPort),
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.stdout.on('data', (d) => (this.output += d));
    child.stderr.on('data', (d) => (this.output += d));
    const state = () =>
      child.exitCode !== null
        ? 'exited'
        : fetch(this.url('/health/live')).then(
            (r) => (r.ok ? 'up' : 'down'),
            () => 'down',
          );
    try {
      // Start-up on a busy machine (migrations, framework data) can take a while: wait for it, not for a guess.
      if ((await waitFor(`the ${this.kind} to listen`, state, (s) => s !== 'down', 60_000)) === 'up') return this;
    } catch {
      // Timed out: said below, with what the process printed.
    }
    throw new Error(`${this.kind} did not start:\n${this.output.slice(-2000)}`);
  }

  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exit ?? Promise.resolve({ code: null, signal: null });
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    child.kill(signal);
    return this.exited().then(() => undefined);
  }
}
