import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { emptyPortfolio, type Framework } from '#framework';

export interface SeedOptions {
  associations: string[];
  endorsees: number;
  /** Random but reproducible: PostgreSQL's setseed takes [-1, 1]. */
  seed: number;
  /** The first simulated instant; everyone was endorsed before it. */
  start: Date;
  /** Endorsement dates are spread over this many years before the start. */
  endorsedOverYears?: number;
  /** Share of endorsees holding a second category (on the same cycle). */
  secondCategoryShare?: number;
}

/**
 * Seeds endorsees in bulk (one INSERT … SELECT generate_series per association and category):
 * spread evenly over the associations and their categories, endorsed at random over the past years,
 * each due on the first due day of theirs on or after the start (earlier cycles renewed). Some hold
 * a second category, endorsed later, which joins the same cycle. Setup, not transitions.
 */
export async function seedEndorsees(ds: DataSource, framework: Framework, options: SeedOptions): Promise<{ people: number; endorsements: number }> {
  const years = options.endorsedOverYears ?? 6;
  const secondShare = options.secondCategoryShare ?? 0.15;
  let endorsements = 0;
  await ds.transaction(async (manager) => {
    await manager.query(`SELECT setseed($1)`, [((options.seed % 1000) / 1000) * 2 - 1]);
    let first = 1;
    for (const [ai, code] of options.associations.entries()) {
      const association = framework.association(code);
      const categories = Object.keys(association.categories);
      const people = share(options.endorsees, options.associations.length, ai);
      const [month, day] = association.renewal.dueMonthDay.split('-').map(Number) as [number, number];
      const startDay = DateTime.fromJSDate(options.start, { zone: association.timeZone }).startOf('day');
      const dueThisYear = startDay.set({ month, day });
      const earliestDueYear = dueThisYear >= startDay ? startDay.year : startDay.year + 1;
      for (const [ci, category] of categories.entries()) {
        const count = share(people, categories.length, ci);
        if (!count) continue;
        const second = categories[(ci + 1) % categories.length];
        const rows = await manager.query<{ n: number }[]>(
          `WITH p AS (
             INSERT INTO people (association_code, email, full_name)
             SELECT $1, 'endorsee-' || lower($1) || '-' || g || '@example.org', 'Endorsee ' || g FROM generate_series($2::int, $3::int) g
             RETURNING id),
           e AS (SELECT p.id, $4::timestamptz - random() * make_interval(days => $5) AS endorsed_at FROM p),
           a AS (
             INSERT INTO applications (association_code, applicant_id, category_code, track_code, state, framework_version, rules, portfolio,
                                       endorsement_number, endorsed_at, renewal_due_on, registry_listed, state_changed_at, created_at, updated_at)
             SELECT $1, e.id, $6, $7, 'endorsed', $8, $9, $10, $11 || '-' || substr(md5(e.id::text || $6), 1, 16), e.endorsed_at,
                    make_date(greatest(extract(year FROM e.endorsed_at AT TIME ZONE $12)::int + 1, $13), $14, $15), true, e.endorsed_at, e.endorsed_at, e.endorsed_at
               FROM e
             RETURNING applicant_id, endorsed_at, renewal_due_on)
           SELECT count(*)::int AS n FROM a`,
          [
            code,
            first,
            first + count - 1,
            options.start,
            Math.round(years * 365),
            category,
            trackOf(framework, category),
            ...snapshotParams(framework, code, category),
            association.endorsementNumberPrefix,
            association.timeZone,
            earliestDueYear,
            month,
            day,
          ],
        );
        endorsements += rows[0].n;
        if (second !== category)
          endorsements += await addSecondCategory(manager, framework, code, category, second, first, first + count - 1, secondShare, options.start);
        first += count;
      }
    }
  });
  return { people: options.endorsees, endorsements };
}

/** A share of a block's endorsees also hold `second`, endorsed later, on the cycle they already have. */
async function addSecondCategory(
  manager: { query(sql: string, params: unknown[]): Promise<unknown> },
  framework: Framework,
  code: string,
  category: string,
  second: string,
  from: number,
  to: number,
  probability: number,
  start: Date,
): Promise<number> {
  const association = framework.association(code);
  const rows = (await manager.query(
    `WITH a AS (
       INSERT INTO applications (association_code, applicant_id, category_code, track_code, state, framework_version, rules, portfolio,
                                 endorsement_number, endorsed_at, renewal_due_on, registry_listed, state_changed_at, created_at, updated_at)
       SELECT $1, f.applicant_id, $2, $3, 'endorsed', $4, $5, $6, $7 || '-' || substr(md5(f.applicant_id::text || $2), 1, 16), x.at, f.renewal_due_on, true, x.at, x.at, x.at
         FROM applications f JOIN people p ON p.id = f.applicant_id,
              LATERAL (SELECT least(f.endorsed_at + random() * interval '1 year', $8::timestamptz - interval '1 day') AS at) x
        WHERE f.association_code = $1 AND f.category_code = $9
          AND p.email IN (SELECT 'endorsee-' || lower($1) || '-' || g || '@example.org' FROM generate_series($10::int, $11::int) g)
          AND random() < $12
       RETURNING 1)
     SELECT count(*)::int AS n FROM a`,
    [
      code,
      second,
      trackOf(framework, second),
      ...snapshotParams(framework, code, second),
      association.endorsementNumberPrefix,
      start,
      category,
      from,
      to,
      probability,
    ],
  )) as { n: number }[];
  return rows[0].n;
}

function snapshotParams(framework: Framework, association: string, category: string): [string | number, unknown, unknown] {
  const snapshot = framework.rulesSnapshot(association, category, trackOf(framework, category) ?? undefined);
  return [snapshot.version, snapshot, emptyPortfolio()];
}

/** Categories held through a track are seeded in their first track. */
function trackOf(framework: Framework, category: string): string | null {
  return framework.categories.find((c) => c.code === category)?.tracks[0]?.code ?? null;
}

/** The i-th of n near-equal parts of total. */
function share(total: number, n: number, i: number): number {
  return Math.floor((total * (i + 1)) / n) - Math.floor((total * i) / n);
}
