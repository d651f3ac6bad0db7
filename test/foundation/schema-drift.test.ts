import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '#db';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testConfig } from '../support/test-config.js';

/**
 * The entities describe the schema the migrations build, exactly: what `npm run migration:generate`
 * would write against a freshly migrated database is empty. A migration without its entity change (or
 * an entity change without its migration) fails here, listing the statements TypeORM would run.
 */
describe('schema drift between migrations and entities', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions(testConfig({ databaseUrl: db.url, redisPrefix: 'unused', smtpPort: 1 }))).initialize();
    await runMigrations(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  test('migration:generate finds nothing to change', async () => {
    const { upQueries } = await ds.driver.createSchemaBuilder().log();
    expect(upQueries.map((q) => q.query)).toEqual([]);
  });
});
