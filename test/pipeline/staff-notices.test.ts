import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import { ManualClock } from '#platform';
import { seedAccount } from '../api/auth-harness.js';
import { insertApplication } from '../support/application-fixture.js';
import { header } from '../support/mail-reading.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

// Staff notices about an application reach the person working on it; the team inbox only when that
// is nobody (or someone who never signed in).
const framework = loadFramework();
const INBOX = framework.association('MI-AIMH').coordinatorEmail;
const clock = new ManualClock(new Date('2026-11-22T12:00:00Z'));
const system = new TestSystem(clock);

beforeAll(() => system.start({ env: { REMINDER_SWEEP_EVERY_MS: 1000 } }));
afterAll(() => system.stop());

/** An application in reference checks with one reference unanswered for 21 days: its day-21 notice is due now. */
async function overdue(assigneeId: string | null): Promise<string> {
  const { ds } = system;
  const appId = await insertApplication(ds, framework, { state: 'reference_checks' });
  await ds.query(`UPDATE applications SET assignee_id = $2 WHERE id = $1`, [appId, assigneeId]);
  const [ref] = await ds.query<{ id: string }[]>(
    `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, requested_at, created_at)
     VALUES ($1, 'colleague_or_parent', 'Slow Rater', 'slow@rater.example', true, 'requested', $2, $2) RETURNING id`,
    [appId, new Date(clock.now().getTime() - 21 * 86_400_000)],
  );
  await ds.query(
    `INSERT INTO reminders (kind, subject_key, application_id, reference_id, offset_days, due_at, created_at) VALUES ('reference_overdue', $1::text, $2, $1::uuid, 21, $3, $3)`,
    [ref.id, appId, new Date(clock.now().getTime() - 1000)],
  );
  return appId;
}

const overdueNotices = (address: string) => system.smtp.to(address).filter((m) => header(m, 'X-Template') === 'reference_overdue_coordinator');

test('a day-21 notice goes to the assigned coordinator, or to the team inbox when nobody (who signed in) is assigned', async () => {
  const cora = await seedAccount(system.ds, {
    email: 'cora@staff.example.org',
    password: 'correct horse battery staple',
    roles: ['coordinator'],
    associationCode: 'MI-AIMH',
  });
  const invited = await seedAccount(system.ds, {
    email: 'new@staff.example.org',
    password: 'correct horse battery staple',
    roles: ['coordinator'],
    associationCode: 'MI-AIMH',
  });
  await system.ds.query(`UPDATE accounts SET password_hash = NULL WHERE id = $1`, [invited]); // invited, not yet signed in

  await overdue(cora);
  await overdue(null);
  await overdue(invited);
  await waitFor(
    'three coordinator notices',
    async () => overdueNotices('cora@staff.example.org').length + overdueNotices(INBOX).length,
    (n) => n === 3,
  );
  expect(overdueNotices('cora@staff.example.org')).toHaveLength(1);
  expect(overdueNotices(INBOX)).toHaveLength(2);
  expect(system.smtp.to('new@staff.example.org')).toEqual([]);
});
