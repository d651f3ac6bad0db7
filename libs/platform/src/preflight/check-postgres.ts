import pg from 'pg';
import type { AppConfig } from '#config';
import type { ServiceProblem } from './service-problem.js';

/** Reaches the PostgreSQL server through its maintenance database (ours may not exist yet). */
export async function checkPostgres(config: AppConfig): Promise<ServiceProblem | null> {
  const url = new URL(config.database.url);
  const address = `${url.hostname}:${url.port || 5432}`;
  const client = new pg.Client({
    connectionString: maintenanceUrl(config.database.url),
    connectionTimeoutMillis: config.startupCheckTimeoutMs,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0];
    return {
      service: 'PostgreSQL',
      line:
        `PostgreSQL is not reachable at ${address} (${reason}). Start it with ` +
        '`docker compose up -d postgres`, or locally `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, ' +
        'or point DATABASE_URL at a running server.',
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The same server, database `postgres`: used to create ours when missing. */
export function maintenanceUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}
