import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitForPort } from './ports.js';

/** A Redis server of the test's own, so FLUSHALL wipes nothing else. */
export class RedisServer {
  private child?: ChildProcess;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.port = await freePort();
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
      { stdio: 'ignore' },
    );
    await waitForPort(this.port);
    return this;
  }

  stop(): void {
    this.child?.kill('SIGKILL');
  }
}
