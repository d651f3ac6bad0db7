import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS, runMigrations } from '#db';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testConfig } from '../support/test-config.js';
import { runNode } from '../support/run-node.js';

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  await client.end();
  return rows.map((r) => r.tablename as string);
}

describe('migrations', () => {
  let db: TestDatabase;
  beforeEach(async () => (db = await createTestDatabase()));
  afterEach(async () => db.drop());

  test('apply to an empty database and revert cleanly', async () => {
    const ds = await new DataSource(dataSourceOptions(testConfig({ databaseUrl: db.url, redisPrefix: 'unused', smtpPort: 1 }))).initialize();
    try {
      const applied = await runMigrations(ds);
      expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
      expect(await tables(db.url)).toEqual(expect.arrayContaining(['applications', 'application_events', 'outbox', 'people', 'typeorm_migrations']));
      expect(await runMigrations(ds)).toEqual([]); // idempotent

      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables(db.url)).toEqual(['typeorm_migrations']);
      const { length } = await runMigrations(ds); // and forward again
      expect(length).toBe(MIGRATIONS.length);
    } finally {
      await ds.destroy();
    }
  });

  test('two processes migrating at once: one applies, the other waits, both succeed', async () => {
    // Real processes, started together against the same empty database.
    const script = `
      import { DataSource } from 'typeorm';
      import { dataSourceOptions, runMigrations } from '#db';
      import { loadConfig } from '#config';
      const ds = await new DataSource(dataSourceOptions(loadConfig())).initialize();
      const applied = await runMigrations(ds);
      console.log(JSON.stringify(applied.map((m) => m.name)));
      await ds.destroy();`;
    const env = { DATABASE_URL: db.url };
    const runs = await Promise.all([0, 1].map(() => runNode(['--input-type=module', '-e', script], env)));
    for (const run of runs) expect(run).toMatchObject({ code: 0, stderr: '' });
    const applied = runs.map((r) => JSON.parse(r.stdout) as string[]);
    expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => new m().name).sort());
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('SELECT name FROM typeorm_migrations');
    await client.end();
    expect(rows).toHaveLength(MIGRATIONS.length);
  });

  test('the audit trail refuses updates and deletes', async () => {
    const ds = await new DataSource(dataSourceOptions(testConfig({ databaseUrl: db.url, redisPrefix: 'unused', smtpPort: 1 }))).initialize();
    try {
      await runMigrations(ds);
      const [person] = await ds.query(`INSERT INTO people (association_code, email, full_name) VALUES ('MI-AIMH', 'a@example.org', 'A') RETURNING id`);
      const [app] = await ds.query(
        `INSERT INTO applications (association_code, applicant_id, category_code, framework_version, rules, portfolio, state_changed_at, created_at, updated_at)
         VALUES ('MI-AIMH', $1, 'IFA', 'v', '{}', '{}', now(), now(), now()) RETURNING id`,
        [person.id],
      );
      await ds.query(
        `INSERT INTO application_events (application_id, version, event, from_state, to_state, actor_role, occurred_at) VALUES ($1, 1, 'submit', 'draft', 'submitted', 'applicant', now())`,
        [app.id],
      );
      await expect(ds.query(`UPDATE application_events SET reason = 'x'`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`DELETE FROM application_events`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`TRUNCATE application_events CASCADE`)).rejects.toThrow(/append-only/);
    } finally {
      await ds.destroy();
    }
  });
});
