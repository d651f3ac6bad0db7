import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { dataSourceOptions, runMigrations } from '#db';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { createTestRedisPrefix, TEST_REDIS_URL } from './test-redis.js';
import { SmtpSink } from './smtp-sink.js';

/** A database, Redis prefix and SMTP sink of their own, for tests that run the worker as a process. */
export class FaultEnv {
  db!: TestDatabase;
  ds!: DataSource;
  readonly redis = createTestRedisPrefix();
  readonly smtp = new SmtpSink();
  redisUrl = TEST_REDIS_URL;

  async setUp(): Promise<this> {
    this.db = await createTestDatabase();
    this.ds = await new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: this.db.url }))).initialize();
    await runMigrations(this.ds);
    await this.smtp.start();
    return this;
  }

  workerEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.db.url,
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: this.redis.prefix,
      SMTP_PORT: String(this.smtp.port),
      OUTBOX_POLL_MS: '100',
      REPUBLISH_AFTER_MS: '3000',
      REMINDER_SWEEP_EVERY_MS: '1000',
      ...extra,
    };
  }

  async sentCount(): Promise<number> {
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM email_deliveries WHERE status = 'sent'`);
    return n;
  }

  async tearDown(): Promise<void> {
    await this.ds?.destroy();
    await this.smtp.stop();
    await this.redis.cleanup();
    await this.db?.drop();
  }
}
