import type { DataSource, Migration } from 'typeorm';

// Any fixed 64-bit key; all processes of this system agree on it.
const MIGRATION_LOCK_KEY = 7_310_442_001n;

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so when the api and the
 * worker (or several replicas) start together exactly one applies them and the others wait.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
    }
  } finally {
    await runner.release();
  }
}
