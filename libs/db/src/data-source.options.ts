import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '#config';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

/** One definition of how every process reaches PostgreSQL; schema changes only through migrations. */
export function dataSourceOptions(config: AppConfig, applicationName = 'endorsement'): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    applicationName,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: config.database.poolSize,
    // pg-pool's connectionTimeoutMillis: also how long a query waits for a free pooled connection, which on
    // a busy machine takes longer than a start-up check may.
    connectTimeoutMS: config.database.connectTimeoutMs,
    // A dropped connection is reported and replaced by the pool; it must not crash the process.
    poolErrorHandler: () => undefined,
    logging: false,
  };
}
