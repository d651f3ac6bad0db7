import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { SubmitRenewal } from '#endorsement';
import { loadFramework } from '#framework';
import { ManualClock } from '#platform';
import { applicationState, insertApplication } from '../support/application-fixture.js';
import { header, readableBody } from '../support/mail-reading.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

// Michigan: due 31 December, renewal opens 60 days before, late window to 31 January (America/Detroit).
const clock = new ManualClock(new Date('2026-10-31T12:00:00Z'));
const system = new TestSystem(clock);
const SETTLE_MS = 2_500; // more than two sweeps at 1 s

let lapsing: string;
let renewing: string;
const emailOf = new Map<string, string>();

async function setClock(iso: string): Promise<void> {
  clock.set(new Date(iso));
  await new Promise((r) => setTimeout(r, SETTLE_MS));
}

const templates = (appId: string) => system.smtp.to(emailOf.get(appId)!).map((m) => header(m, 'X-Template'));

beforeAll(async () => {
  await system.start({ env: { REMINDER_SWEEP_EVERY_MS: 1000, RENEWAL_SWEEP_EVERY_MS: 1000 } });
  const framework = loadFramework();
  for (const name of ['lapsing', 'renewing']) {
    const id = await insertApplication(system.ds, framework, { state: 'endorsed' });
    // Endorsed in 2024: the cycle due 31 December 2026 is not the first, so hours are due.
    await system.ds.query(
      `UPDATE applications SET endorsement_number = $2, endorsed_at = '2024-06-01', renewal_due_on = '2026-12-31', registry_listed = true WHERE id = $1`,
      [id, `MI-${name}`],
    );
    const [{ email }] = await system.ds.query(`SELECT p.email FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1`, [id]);
    emailOf.set(id, email);
    if (name === 'lapsing') lapsing = id;
    else renewing = id;
  }
});
afterAll(() => system.stop());

describe('one renewal cycle, day by day on the association calendar', () => {
  test('nothing opens before local midnight 60 days ahead of the due day', async () => {
    await setClock('2026-11-01T03:59:00Z'); // 31 October 23:59 in Detroit
    expect(await applicationState(system.ds, lapsing)).toBe('endorsed');
    expect(system.smtp.messages).toHaveLength(0);
  });

  test('renewal opens on 1 November (the day clocks fall back), and the first reminder goes out at 09:00', async () => {
    await setClock('2026-11-01T04:00:30Z');
    await waitFor(
      'renewal open',
      () => applicationState(system.ds, lapsing),
      (s) => s === 'renewal_due',
    );
    await waitFor(
      'renewal-open emails',
      () => templates(lapsing).concat(templates(renewing)),
      (t) => t.length === 2,
    );
    expect(templates(lapsing)).toEqual(['renewal_open']);

    await setClock('2026-11-01T14:00:30Z');
    await waitFor(
      'the 60-day reminders',
      () => templates(renewing),
      (t) => t.length === 2,
    );
    expect(templates(lapsing)).toEqual(['renewal_open', 'renewal_reminder']);
  });

  test("renewing needs the cycle's approved hours: missing ones are named, then it renews to next year", async () => {
    const [{ applicant_id: person }] = await system.ds.query(`SELECT applicant_id FROM applications WHERE id = $1`, [renewing]);
    const log = (hours: number, status: string, dei = false) =>
      system.ds.query(
        `INSERT INTO ce_entries (person_id, kind, title, provider, completed_on, hours, dei, status, created_at)
         VALUES ($1, 'training', 'Relationship-based practice', 'MI-AIMH', '2026-09-15', $2, $3, $4, now())`,
        [person, hours, dei, status],
      );
    await log(10, 'approved');
    await log(5, 'pending', true); // not approved yet: does not count
    const refused = await system.worker.get(SubmitRenewal).execute(person);
    expect(refused.renewals).toEqual([]);
    expect(refused.gaps.map((g) => g.message)).toEqual([
      'You have 10 of the 15 hours of relationship-based training this renewal requires.',
      'You have 0 of the 1 hour of training on diversity, equity and inclusion this renewal requires.',
    ]);
    expect(await applicationState(system.ds, renewing)).toBe('renewal_due');

    await system.ds.query(`UPDATE ce_entries SET status = 'approved' WHERE person_id = $1`, [person]);
    const done = await system.worker.get(SubmitRenewal).execute(person);
    expect(done).toEqual({
      renewals: [
        {
          associationCode: 'MI-AIMH',
          dueOn: '2026-12-31',
          nextDueOn: '2027-12-31',
          fee: { amount: 30, currency: 'USD', late: false },
          applicationIds: [renewing],
        },
      ],
      gaps: [],
    });
    expect(await applicationState(system.ds, renewing)).toBe('endorsed');
    await waitFor(
      'the renewed email',
      () => templates(renewing),
      (t) => t.includes('renewed'),
    );
    const renewedMail = system.smtp.to(emailOf.get(renewing)!).find((m) => header(m, 'X-Template') === 'renewed')!;
    expect(readableBody(renewedMail)).toContain('31 December 2027');
  });

  test('a renewed endorsee gets no more reminders; the other gets each one once, then weekly late notices', async () => {
    for (const at of ['2026-12-01', '2026-12-17', '2026-12-24', '2026-12-30', '2027-01-01', '2027-01-08', '2027-01-15', '2027-01-22', '2027-01-29']) {
      const before = templates(lapsing).length;
      await setClock(`${at}T14:00:30Z`);
      await waitFor(
        `the reminder of ${at}`,
        () => templates(lapsing),
        (t) => t.length === before + 1,
      );
    }
    expect(templates(lapsing)).toEqual(['renewal_open', ...Array(5).fill('renewal_reminder'), ...Array(5).fill('renewal_late_notice')]);
    expect(templates(renewing)).toEqual(['renewal_open', 'renewal_reminder', 'renewed']);
  });

  test('the endorsement lapses at local midnight after the late window, leaves the registry and is told so', async () => {
    await setClock('2027-02-01T04:59:00Z'); // 31 January 23:59 EST
    expect(await applicationState(system.ds, lapsing)).toBe('renewal_due');
    await setClock('2027-02-01T05:00:30Z');
    await waitFor(
      'the lapse',
      () => applicationState(system.ds, lapsing),
      (s) => s === 'lapsed',
    );
    await waitFor(
      'the lapse email',
      () => templates(lapsing),
      (t) => t.at(-1) === 'lapsed',
    );
    const [{ registry_listed }] = await system.ds.query(`SELECT registry_listed FROM applications WHERE id = $1`, [lapsing]);
    expect(registry_listed).toBe(false);
    const [{ pending }] = await system.ds.query(`SELECT count(*)::int AS pending FROM reminders WHERE application_id = $1 AND status = 'pending'`, [lapsing]);
    expect(pending).toBe(0);
    // Sweeps keep running: nothing more for either.
    await setClock('2027-03-15T12:00:00Z');
    expect(templates(lapsing).filter((t) => t === 'lapsed')).toHaveLength(1);
    expect(templates(renewing)).toEqual(['renewal_open', 'renewal_reminder', 'renewed']);
    expect(await applicationState(system.ds, renewing)).toBe('endorsed');
  });
});
