/**
 * Time travel: years of renewals, month by month, on a fresh database with the real sweeps and
 * worker under a simulated clock, then checks that every reminder went out exactly once, that
 * renewed endorsees stopped getting them, that late renewals paid the late fee and that lapses came
 * on the right day.
 *
 *   npm run simulate -- --years 3 --endorsees 10000 [--association MI-AIMH] [--seed 7] [--days-ahead 30] [--start 2026-06-01]
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { AssociationOutlook } from '#endorsement';
import { loadFramework } from '#framework';
import { createBenchDatabase } from '../bench/support/bench-database.js';
import { BENCH_REDIS_URL, benchRedisPrefix, deleteRedisPrefixes } from '../bench/support/bench-redis.js';
import { RenewalSimulation, type MonthReport } from './simulation/renewal-simulation.js';

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '3' },
    endorsees: { type: 'string', default: '10000' },
    association: { type: 'string', multiple: true },
    seed: { type: 'string', default: '1' },
    start: { type: 'string' },
    'days-ahead': { type: 'string' },
  },
});
const years = wholeNumber('years', values.years, 0, 50);
const endorsees = wholeNumber('endorsees', values.endorsees, 1, 10_000_000);
const seed = wholeNumber('seed', values.seed, 0, 2 ** 31);
const daysAhead = values['days-ahead'] === undefined ? undefined : wholeNumber('days-ahead', values['days-ahead'], 1, 366);
const start = values.start ? new Date(`${values.start}T12:00:00Z`) : new Date();
if (Number.isNaN(start.getTime())) fail(`--start must be a date (YYYY-MM-DD), not ${values.start}`);
const known = loadFramework().associations;
for (const code of values.association ?? []) if (!known.has(code)) fail(`--association must be one of ${[...known.keys()].join(', ')}, not ${code}`);

const db = await createBenchDatabase();
const prefix = benchRedisPrefix();
const sim = new RenewalSimulation({
  databaseUrl: db.url,
  redisUrl: BENCH_REDIS_URL,
  redisPrefix: prefix,
  years,
  endorsees,
  associations: values.association,
  seed,
  start,
});
let failed = false;
try {
  const began = Date.now();
  await sim.startWorker();
  const seeded = await sim.seed();
  console.log(
    `seeded ${seeded.people} endorsees holding ${seeded.endorsements} endorsements in ${sim.associations.map((a) => a.code).join(', ')} ` +
      `(seed ${seed}) in ${secs(Date.now() - began)}; simulating ${years} year(s) from ${start.toISOString().slice(0, 10)}, ` +
      `each sweep run by two workers at once, months in ${sim.displayZone}`,
  );
  if (daysAhead) printOutlook(await sim.outlook(daysAhead), daysAhead);

  if (years) failed = !(await simulate());
} finally {
  await sim.stop();
  await deleteRedisPrefixes([prefix]);
  await db.drop();
}
process.exit(failed ? 1 : 0);

/** Runs the years month by month, then the checks; true when every check holds. */
async function simulate(): Promise<boolean> {
  const ran = Date.now();
  const totals = new Map<string, number>();
  await sim.run((m) => {
    printMonth(m);
    for (const [k, v] of Object.entries(m.transitions)) totals.set(k, (totals.get(k) ?? 0) + v);
    for (const [k, v] of m.emails) totals.set(`email ${k}`, (totals.get(`email ${k}`) ?? 0) + v);
  });
  const ms = Date.now() - ran;
  console.log(`\ntotals: ${[...totals].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(
    `ran ${years} simulated year(s) in ${secs(ms)}: ${sim.sink.received} emails (${(sim.sink.received / (ms / 1000)).toFixed(0)}/s), node ${process.version}`,
  );
  if (daysAhead) printOutlook(await sim.outlook(daysAhead), daysAhead);

  console.log('\nchecks:');
  let ok = true;
  for (const c of await sim.check()) {
    ok &&= c.ok;
    console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  }
  return ok;
}

function printMonth(m: MonthReport): void {
  const t = m.transitions;
  const emails = [...m.emails]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(
    `${m.month}  open_renewal ${pad(t.open_renewal)}  renew ${pad(t.renew)} (late ${pad(m.lateRenewals)})  lapse ${pad(t.lapse)}  | emails: ${emails || 'none'}`,
  );
}

function printOutlook(outlooks: AssociationOutlook[], days: number): void {
  console.log(`\nwhat goes out in the next ${days} day(s):`);
  for (const o of outlooks) {
    const totals = Object.entries(o.totals)
      .filter(([, n]) => n)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    console.log(`  ${o.association} (${o.timeZone}) until ${o.until}: ${totals || 'nothing'}`);
    for (const d of o.days)
      console.log(
        `    ${d.date}  ${Object.entries(d.counts)
          .filter(([, n]) => n)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
      );
  }
  console.log('');
}

function pad(n: number): string {
  return String(n).padStart(6);
}

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} must be a whole number from ${min} to ${max}, not ${raw}`);
  return n;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
