import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import type pg from 'pg';
import { emptyPortfolio } from '#framework';
import { APPLICATION_STATES } from '#workflow';

export const ASSOCIATIONS = ['MI-AIMH', 'MassAIMH', 'TAIMH', 'WA-AIMH'];
export const PASSWORD = 'bench password, long enough';

/**
 * 100,000 applicants and applications across four associations, three categories and every state,
 * waiting up to two years; a coordinator per association holding a quarter of its applications; one
 * application in a hundred with a failed email. Set-based (generate_series), then VACUUM ANALYZE.
 * The bulk rows carry a stub for the pinned rules: the listing never reads them, and a real snapshot
 * is TOASTed out of the heap anyway.
 */
export async function seedQueue(db: pg.Client, coordinators: string[], APPLICATIONS: number): Promise<void> {
  await db.query(
    `INSERT INTO people (id, association_code, email, full_name, created_at)
     SELECT md5('p' || g)::uuid, ($2::text[])[1 + g % 4], 'bench-' || g || '@example.org', 'Applicant ' || g, now() FROM generate_series(1, $1) g`,
    [APPLICATIONS, ASSOCIATIONS],
  );
  await db.query(
    `INSERT INTO applications (id, association_code, applicant_id, category_code, state, version, framework_version, rules, portfolio,
                               state_changed_at, assignee_id, claimed_at, created_at, updated_at)
     SELECT md5('a' || g)::uuid, ($2::text[])[1 + g % 4], md5('p' || g)::uuid, (ARRAY['IFA', 'IFS', 'IMHS'])[1 + (g / 4) % 3],
            ($3::text[])[1 + (g / 12) % cardinality($3::text[])], 3, 'bench', '{"bench": true}', $4,
            now() - random() * interval '730 days', CASE WHEN g % 4 = 0 AND g % 3 = 0 THEN ($5::uuid[])[1 + g % 4] END, now(), now(), now()
       FROM generate_series(1, $1) g`,
    [APPLICATIONS, ASSOCIATIONS, APPLICATION_STATES, emptyPortfolio(), coordinators],
  );
  await db.query(
    `INSERT INTO email_deliveries (business_key, application_id, template, recipient_kind, recipient_email, recipient_name, status, attempts, smtp_response, created_at, updated_at)
     SELECT 'bench-failed-' || g, md5('a' || g)::uuid, 'reference_request', 'rater', 'rater-' || g || '@blocked.example', 'Rater', 'failed', 1,
            '550 5.7.1 Message rejected by policy', now(), now()
       FROM generate_series(1, $1) g WHERE g % 101 = 7`,
    [APPLICATIONS],
  );
  await db.query(`VACUUM ANALYZE`);
}

/** A coordinator account per association (argon2id password, as sign-in expects); returns their ids. */
export async function seedCoordinators(db: pg.Client): Promise<string[]> {
  const passwordHash = await hash(PASSWORD);
  const ids: string[] = [];
  for (const code of ASSOCIATIONS) {
    const { rows } = await db.query(
      `WITH p AS (INSERT INTO people (association_code, email, full_name) VALUES ($1, $2, 'Bench Coordinator') RETURNING id)
       INSERT INTO accounts (person_id, email, password_hash, roles, association_code, created_at, updated_at)
       SELECT p.id, $2, $3, ARRAY['coordinator'], $1, now(), now() FROM p RETURNING id`,
      [code, `coordinator-${code.toLowerCase()}@bench.example`, passwordHash],
    );
    ids.push(rows[0].id as string);
  }
  return ids;
}

/** The built api (`apps/api/src/main.js` beside this file's build), started as in production; resolves once it is live. */
export async function startApi(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
  const port = String(20_000 + Math.floor(Math.random() * 20_000));
  const child = spawn(process.execPath, [...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(root, 'apps/api/src/main.js')], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: port, METRICS_PORT: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${base}/health/live`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('the api did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base };
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

export async function logIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
