import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { emptyPortfolio, loadFramework } from '#framework';
import { FaultEnv } from '../support/fault-env.js';
import { WorkerProcess } from '../support/worker-process.js';
import { deliveriesSeen, duplicates } from '../support/pipeline-fixture.js';
import { waitFor, waitForCount } from '../support/worker-harness.js';

const ENDORSEES = 3_000;
const env = new FaultEnv();

beforeAll(() => env.setUp());
afterAll(() => env.tearDown());

test('a renewal sweep killed half-way resumes: each endorsement opens once, emails at most twice for those in flight', async () => {
  const snapshot = loadFramework().rulesSnapshot('MI-AIMH', 'IFA');
  // Endorsements due in 30 days: their renewal is open now (Michigan opens 60 days ahead).
  await env.ds.query(
    `WITH p AS (
       INSERT INTO people (association_code, email, full_name)
       SELECT 'MI-AIMH', 'endorsee-' || g || '@example.org', 'Endorsee ' || g FROM generate_series(1, $1) g RETURNING id)
     INSERT INTO applications (association_code, applicant_id, category_code, state, framework_version, rules, portfolio,
                               endorsement_number, endorsed_at, renewal_due_on, state_changed_at, created_at, updated_at)
     SELECT 'MI-AIMH', p.id, 'IFA', 'endorsed', $2, $3, $4, 'MI-' || p.id, now() - interval '2 years', current_date + 30, now(), now(), now() FROM p`,
    [ENDORSEES, snapshot.version, snapshot, emptyPortfolio()],
  );
  const opened = async () => (await env.ds.query(`SELECT count(*)::int AS n FROM applications WHERE state = 'renewal_due'`))[0].n as number;

  const first = await new WorkerProcess(env.workerEnv({ RENEWAL_SWEEP_EVERY_MS: '1000' })).start();
  await waitFor('a part of the renewals opened', opened, (n) => n >= 200, 60_000);
  await first.kill('SIGKILL');
  const atKill = await opened();
  expect(atKill).toBeLessThan(ENDORSEES); // really half-way

  const second = await new WorkerProcess(env.workerEnv({ RENEWAL_SWEEP_EVERY_MS: '1000' })).start();
  try {
    // Steps that were running in the killed worker come back only once their lock has expired (30 s)
    // and the new worker's stalled-job check has run (every 30 s): the count may rest that long.
    const STALLED_RECOVERY_MS = 2 * 30_000 + 30_000;
    await waitForCount('every renewal opened', opened, ENDORSEES, STALLED_RECOVERY_MS);
    await waitForCount('every renewal-open email sent', () => env.sentCount(), ENDORSEES, STALLED_RECOVERY_MS);
    await new Promise((r) => setTimeout(r, 3_000)); // more sweeps: nothing new
  } finally {
    await second.kill('SIGTERM');
  }
  console.log(`renewal sweep: ${atKill} opened before the kill, ${ENDORSEES} after restart, ${duplicates(env.smtp)} duplicate email(s)`);
  const [{ events }] = await env.ds.query(`SELECT count(*)::int AS events FROM application_events WHERE event = 'open_renewal'`);
  expect(events).toBe(ENDORSEES);
  const [{ perApp }] = await env.ds.query(
    `SELECT max(n)::int AS "perApp" FROM (SELECT count(*) AS n FROM application_events WHERE event = 'open_renewal' GROUP BY application_id) x`,
  );
  expect(perApp).toBe(1);
  const opens = [...deliveriesSeen(env.smtp).values()].filter((m) => /X-Template: renewal_open/i.test(m[0].raw));
  expect(opens).toHaveLength(ENDORSEES);
  // At most the emails in flight at the kill may have gone twice.
  expect(duplicates(env.smtp)).toBeLessThanOrEqual(10);
}, 900_000);
