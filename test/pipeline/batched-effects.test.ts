import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { OutboxNotifier } from '#db';
import { TransitionApplication } from '#endorsement';
import { loadFramework } from '#framework';
import { ManualClock } from '#platform';
import { JobQueues } from '#queue';
import { insertApplication } from '../support/application-fixture.js';
import { deliveriesSeen, duplicates } from '../support/pipeline-fixture.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

// The relay hands outbox rows over in runs (one apply-effects job, one transaction, one batch of
// emails each); these tests commit many transitions at once so that their rows share a run.
const system = new TestSystem(new ManualClock(new Date('2026-11-22T12:00:00Z')));
const smtp = system.smtp;

beforeAll(() => system.start());
afterAll(() => system.stop());

/** `count` applicants in `submitted`, with their addresses. */
async function applicants(count: number): Promise<{ ids: string[]; emails: string[] }> {
  const ids = [];
  for (let i = 0; i < count; i++) ids.push(await insertApplication(system.ds, loadFramework(), { state: 'submitted' }));
  const rows = await system.ds.query<{ email: string }[]>(
    `SELECT p.email FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = ANY($1::uuid[])`,
    [ids],
  );
  return { ids, emails: rows.map((r) => r.email) };
}

/** Puts every application on hold (one on_hold email each) in ONE transaction, with `extra` inside it too. */
async function holdTogether(ids: string[], extra?: (manager: EntityManager) => Promise<void>): Promise<void> {
  const { ds, worker } = system;
  await ds.transaction(async (manager) => {
    for (const applicationId of ids) {
      await worker
        .get(TransitionApplication)
        .executeIn(manager, { applicationId, event: 'hold', actor: { id: null, role: 'coordinator' }, reason: 'Waiting for your transcript.' });
    }
    await extra?.(manager);
  });
  worker.get(OutboxNotifier).poke();
}

const sentFor = async (ids: string[]) =>
  (
    await system.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM email_deliveries WHERE application_id = ANY($1::uuid[]) AND status = 'sent'`, [ids])
  )[0].n;

test('a run with one row whose effect throws: the other rows apply and send once; the bad row is split off and retried alone', async () => {
  const { ds, worker } = system;
  const { ids, emails } = await applicants(12);
  let badId = '';
  await holdTogether(ids, async (manager) => {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO outbox (application_id, effect_type, payload, created_at) VALUES ($1, 'no.such.effect', '{"type":"no.such.effect"}', now()) RETURNING id`,
      [ids[5]],
    );
    badId = String(row.id);
  });
  await waitFor(
    'the 12 on_hold emails sent',
    () => sentFor(ids),
    (n) => n === 12,
    30_000,
  );

  for (const email of emails) expect(smtp.to(email)).toHaveLength(1);
  expect(duplicates(smtp)).toBe(0);
  expect(deliveriesSeen(smtp).has('missing')).toBe(false);
  const rows = await ds.query<{ id: string; processed_at: Date | null }[]>(`SELECT id, processed_at FROM outbox WHERE application_id = ANY($1::uuid[])`, [ids]);
  expect(rows.filter((r) => r.processed_at === null).map((r) => String(r.id))).toEqual([badId]);
  const own = await worker.get(JobQueues).queue('effects').getJob(`outbox-${badId}`);
  expect(own?.name).toBe('apply-effect');
});

test('a recipient answered 451 in the middle of a batch: the others go out at once, that one is retried through the mail queue and sent once', async () => {
  const { ds } = system;
  const { ids, emails } = await applicants(6);
  const greylisted = emails[2];
  smtp.deferred.set(greylisted, 1);
  await holdTogether(ids);
  await waitFor(
    'the 5 other emails sent',
    () => sentFor(ids),
    (n) => n >= 5,
    30_000,
  );
  await waitFor(
    'the greylisted one sent on its retry',
    () => sentFor(ids),
    (n) => n === 6,
    30_000,
  );

  for (const email of emails) expect(smtp.to(email)).toHaveLength(1);
  expect(duplicates(smtp)).toBe(0);
  const ledger = await ds.query<
    {
      recipient_email: string;
      status: string;
      attempts: number;
      last_error: string | null;
    }[]
  >(`SELECT recipient_email, status, attempts, last_error FROM email_deliveries WHERE application_id = ANY($1::uuid[])`, [ids]);
  expect(ledger.find((d) => d.recipient_email === greylisted)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  expect(ledger.filter((d) => d.recipient_email !== greylisted).every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
});
