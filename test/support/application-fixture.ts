import type { DataSource } from 'typeorm';
import { emptyPortfolio, type Framework } from '#framework';
import type { ApplicationState } from '#workflow';

let seq = 0;

/** Inserts an applicant and an application directly in a given state: test setup, not a transition. */
export async function insertApplication(
  ds: DataSource,
  framework: Framework,
  opts: { state?: ApplicationState; association?: string; category?: string; track?: string; portfolio?: Record<string, unknown>; personId?: string } = {},
): Promise<string> {
  const association = opts.association ?? 'MI-AIMH';
  const category = opts.category ?? 'IFA';
  // A new applicant, unless the application is another one of a given person's.
  const [person] = opts.personId
    ? [{ id: opts.personId }]
    : await ds.query(`INSERT INTO people (association_code, email, full_name) VALUES ($1, $2, 'Test Applicant') RETURNING id`, [
        association,
        `applicant-${process.pid}-${Date.now()}-${++seq}@example.org`,
      ]);
  const snapshot = framework.rulesSnapshot(association, category, opts.track);
  const [app] = await ds.query(
    `INSERT INTO applications (association_code, applicant_id, category_code, track_code, state, framework_version, rules, portfolio, state_changed_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), now(), now()) RETURNING id`,
    [association, person.id, category, opts.track ?? null, opts.state ?? 'draft', snapshot.version, snapshot, opts.portfolio ?? emptyPortfolio()],
  );
  return app.id as string;
}

/** An application's state as stored, read straight from the table. */
export async function applicationState(ds: DataSource, id: string): Promise<string> {
  const [row] = await ds.query<{ state: string }[]>(`SELECT state FROM applications WHERE id = $1`, [id]);
  return row.state;
}
