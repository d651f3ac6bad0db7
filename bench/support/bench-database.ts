import { randomBytes } from 'node:crypto';
import pg from 'pg';

const SERVER_URL = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throwaway database for one benchmark run, dropped at the end. */
export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `endorsement_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: SERVER_URL });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The closing line tools read (architecture.md, "Benchmarks"):
 * {"bench":"NAME","value":N,"unit":"…","baseline":N,"ratio":N,"target":N}, ratio = ours / baseline.
 */
export function printResult(r: { bench: string; value: number; unit: string; baseline: number; target: number }): void {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  console.log(
    JSON.stringify({ bench: r.bench, value: round(r.value), unit: r.unit, baseline: round(r.baseline), ratio: round(r.value / r.baseline), target: r.target }),
  );
}

/**
 * Inserts `count` applicants and their applications (MI-AIMH / IFA, pinned rules) directly in
 * `state`: setup, not transitions. Returns the application ids.
 */
export async function seedApplications(
  ds: { query(sql: string, params?: unknown[]): Promise<unknown> },
  rules: { version: string | number },
  portfolio: unknown,
  count: number,
  state = 'submitted',
): Promise<string[]> {
  const rows = (await ds.query(
    `WITH p AS (
       INSERT INTO people (association_code, email, full_name)
       SELECT 'MI-AIMH', 'bench-' || g || '-' || md5(random()::text) || '@example.org', 'Bench Applicant ' || g FROM generate_series(1, $1) g RETURNING id)
     INSERT INTO applications (association_code, applicant_id, category_code, state, framework_version, rules, portfolio, state_changed_at, created_at, updated_at)
     SELECT 'MI-AIMH', p.id, 'IFA', $5, $2, $3, $4, now(), now(), now() FROM p RETURNING id`,
    [count, rules.version, rules, portfolio, state],
  )) as { id: string }[];
  return rows.map((r) => r.id);
}
