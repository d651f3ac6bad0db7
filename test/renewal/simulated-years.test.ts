import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { RenewalSimulation, type MonthReport } from '../../scripts/simulation/renewal-simulation.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestRedisPrefix, TEST_REDIS_URL } from '../support/test-redis.js';

// The engine of `npm run simulate`, over two years and two calendars: Michigan (America/Detroit,
// daylight saving, late window to 31 January) and Western Australia (Australia/Perth, no daylight
// saving, late window to 31 March, across 29 February 2028), with year ends in between.
const redis = createTestRedisPrefix();
let db: TestDatabase;
let sim: RenewalSimulation;
const months: MonthReport[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  sim = new RenewalSimulation({
    databaseUrl: db.url,
    redisUrl: TEST_REDIS_URL,
    redisPrefix: redis.prefix,
    years: 2,
    endorsees: 120,
    associations: ['MI-AIMH', 'WA-AIMH'],
    seed: 7,
    start: new Date('2027-10-20T12:00:00Z'),
    concurrency: 8,
  });
  await sim.startWorker();
  await sim.seed();
  await sim.run((m) => months.push(m));
}, 900_000);

afterAll(async () => {
  await sim?.stop();
  await redis.cleanup();
  await db?.drop();
});

describe('two simulated years of renewals through the real sweeps and worker', () => {
  test('every check holds: each reminder once while due, none after renewal, late fees, lapses on the day, no email twice', async () => {
    const checks = await sim.check();
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    // And the run was not empty: renewals on time and late, lapses, in both years.
    const total = (pick: (m: MonthReport) => number) => months.reduce((n, m) => n + pick(m), 0);
    expect(total((m) => m.transitions.open_renewal)).toBeGreaterThan(150);
    expect(total((m) => m.lateRenewals)).toBeGreaterThan(5);
    expect(total((m) => m.transitions.lapse)).toBeGreaterThan(5);
  });

  test('lapses come at local midnight after the late window: 1 February in Detroit, 1 April in Perth', async () => {
    const rows = await sim.ds.query<{ association: string; at: string }[]>(
      `SELECT DISTINCT a.association_code AS association, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS at
         FROM application_events e JOIN applications a ON a.id = e.application_id WHERE e.event = 'lapse' ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { association: 'MI-AIMH', at: '2028-02-01T05:00:30' },
      { association: 'MI-AIMH', at: '2029-02-01T05:00:30' },
      { association: 'WA-AIMH', at: '2028-03-31T16:00:30' }, // 1 April 00:00 AWST, leap year
      { association: 'WA-AIMH', at: '2029-03-31T16:00:30' },
    ]);
  });

  test('reminders keep 09:00 local across the end of daylight saving; Perth has none', async () => {
    const rows = await sim.ds.query<{ association: string; offset: number; at: string }[]>(
      `SELECT DISTINCT a.association_code AS association, r.offset_days AS offset, to_char(r.fired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS at
         FROM reminders r JOIN applications a ON a.id = r.application_id
        WHERE r.status = 'done' AND r.subject_key LIKE '%-2027-12-31' AND r.offset_days IN (60, 30, -9) ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { association: 'MI-AIMH', offset: 30, at: '2027-12-01T14:00' }, // EST
      { association: 'MI-AIMH', offset: 60, at: '2027-11-01T13:00' }, // EDT, six days before the change
      { association: 'WA-AIMH', offset: -9, at: '2028-02-26T01:00' }, // the ninth weekly late notice, then 4 March across 29 February
      { association: 'WA-AIMH', offset: 30, at: '2027-12-01T01:00' },
      { association: 'WA-AIMH', offset: 60, at: '2027-11-01T01:00' },
    ]);
  });
});
