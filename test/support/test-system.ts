import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#config';
import { ManualClock } from '#platform';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { SmtpSink } from './smtp-sink.js';
import { testConfig } from './test-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { createTestRedisPrefix } from './test-redis.js';
import { startWorker } from './worker-harness.js';

/**
 * The system in-process for one test file: its own database, Redis prefix and SMTP sink, the worker
 * (time under the test's ManualClock) and, when asked, the api. `stop()` leaves nothing behind.
 */
export class TestSystem {
  db!: TestDatabase;
  readonly redis = createTestRedisPrefix();
  readonly smtp = new SmtpSink();
  config!: AppConfig;
  worker!: INestApplication;
  api?: INestApplication;
  ds!: DataSource;

  constructor(readonly clock = new ManualClock(new Date())) {}

  async start(options: { api?: boolean; env?: Record<string, string | number> } = {}): Promise<this> {
    this.db = await createTestDatabase();
    await this.smtp.start();
    this.config = testConfig({
      databaseUrl: this.db.url,
      redisPrefix: this.redis.prefix,
      smtpPort: this.smtp.port,
      OUTBOX_POLL_MS: 200,
      DATABASE_POOL_SIZE: 4,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...options.env,
    });
    this.worker = await startWorker(this.config, this.clock);
    if (options.api) this.api = await createApiApp(this.config, 0);
    this.ds = this.worker.get(DataSource);
    return this;
  }

  /** The api's address on this machine, for a path. */
  url(path: string): string {
    const { port } = this.api!.getHttpServer().address() as AddressInfo;
    return `http://127.0.0.1:${port}${path}`;
  }

  async stop(): Promise<void> {
    await this.api?.close();
    await this.worker?.close();
    await this.smtp.stop();
    await this.redis.cleanup();
    await this.db?.drop();
  }
}
