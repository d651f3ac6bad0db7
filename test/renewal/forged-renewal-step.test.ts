import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import { ManualClock } from '#platform';
import { JobQueues, type PayloadOf } from '#queue';
import { insertApplication } from '../support/application-fixture.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

// Michigan: due 31 December, renewal opens 60 days before, late window to 31 January (America/Detroit).
// Mid-November 2026: the cycle due 31 December 2026 is open, the one due 2027 is a year away.
const clock = new ManualClock(new Date('2026-11-15T17:00:00Z'));
const system = new TestSystem(clock);

let notDue: string; // endorsed, due 31 December 2027: its renewal opens 1 November 2027
let inLateWindow: string; // renewal due 31 December 2026: it lapses 1 February 2027

/** Everything a renewal step would change or start: the row, its events, effects and emails. */
async function footprint(applicationId: string) {
  const [row] = await system.ds.query(`SELECT state, version, renewal_due_on::text AS due, registry_listed FROM applications WHERE id = $1`, [applicationId]);
  const [counts] = await system.ds.query(
    `SELECT (SELECT count(*)::int FROM application_events WHERE application_id = $1) AS events,
            (SELECT count(*)::int FROM outbox WHERE application_id = $1) AS effects,
            (SELECT count(*)::int FROM email_deliveries WHERE application_id = $1) AS emails`,
    [applicationId],
  );
  return { ...row, ...counts };
}

/** A renewal-step job as anyone with access to Redis could write it (any job id), run to the end by the worker. */
let forged = 0;
async function runForged(payload: PayloadOf<'renewalStep'>): Promise<void> {
  const job = await system.worker
    .get(JobQueues)
    .queue('renewals')
    .add('renewal-step', payload, { jobId: `forged-${++forged}` });
  await waitFor(
    `forged job ${job.id}`,
    () => job.getState(),
    (s) => s === 'completed' || s === 'failed',
  );
  expect(await job.getState()).toBe('completed');
}

beforeAll(async () => {
  await system.start();
  const framework = loadFramework();
  const endorsement = async (state: 'endorsed' | 'renewal_due', dueOn: string, n: string) => {
    const id = await insertApplication(system.ds, framework, { state });
    await system.ds.query(
      `UPDATE applications SET endorsement_number = $2, endorsed_at = '2024-06-01', renewal_due_on = $3, registry_listed = true WHERE id = $1`,
      [id, `MI-forged-${n}`, dueOn],
    );
    return id;
  };
  notDue = await endorsement('endorsed', '2027-12-31', '1');
  inLateWindow = await endorsement('renewal_due', '2026-12-31', '2');
});
afterAll(() => system.stop());

describe('a renewal-step job the sweep did not write', () => {
  test.each([
    ['opens a renewal a year early', () => ({ applicationId: notDue, dueOn: '2027-12-31', step: 'open' as const })],
    ['names another cycle than the endorsement is in', () => ({ applicationId: notDue, dueOn: '2026-12-31', step: 'open' as const })],
    ['lapses an endorsement still in its late window', () => ({ applicationId: inLateWindow, dueOn: '2026-12-31', step: 'lapse' as const })],
    ['lapses an endorsement that is not due at all', () => ({ applicationId: notDue, dueOn: '2027-12-31', step: 'lapse' as const })],
    ['repeats a step already taken', () => ({ applicationId: inLateWindow, dueOn: '2026-12-31', step: 'open' as const })],
  ])('that %s changes nothing: no transition, no event, no email', async (_, payload) => {
    const { applicationId } = payload();
    const before = await footprint(applicationId);
    await runForged(payload());
    expect(await footprint(applicationId)).toEqual(before);
    expect(system.smtp.messages).toHaveLength(0);
  });

  test('the same step once its time has come is taken: the endorsement lapses and leaves the registry', async () => {
    clock.set(new Date('2027-02-01T05:00:30Z')); // 1 February 00:00:30 in Detroit
    await runForged({ applicationId: inLateWindow, dueOn: '2026-12-31', step: 'lapse' });
    // Leaving the registry is the lapse's effect, applied after the transition.
    const after = await waitFor(
      'the lapse and its effects',
      () => footprint(inLateWindow),
      (f) => f.registry_listed === false,
    );
    expect(after).toMatchObject({ state: 'lapsed', events: 1 });
  });
});
