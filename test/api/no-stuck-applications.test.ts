import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { SweepExamApprovals } from '#endorsement';
import { loadFramework } from '#framework';
import { ManualClock } from '#platform';
import { insertApplication } from '../support/application-fixture.js';
import { header, readableBody } from '../support/mail-reading.js';
import { eligiblePortfolio } from '../support/portfolio-fixture.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { caller, claimsOf, seedAccount } from './auth-harness.js';

// Issue 14, item 1: a reinstatement asks for a rater per reference the rules ask for, and an approval
// to sit the exam that runs out unused closes the application (reminders before, an email after).
const PASSWORD = 'correct horse battery staple';
const DAY = 24 * 3600 * 1000;
const framework = loadFramework();
const clock = new ManualClock(new Date());
const system = new TestSystem(clock);
const call = caller(() => system.api!);
let ds: DataSource;

interface Applicant {
  token: string;
  email: string;
  appId: string;
}

const versionOf = async (id: string) => (await ds.query<{ version: number }[]>(`SELECT version FROM applications WHERE id = $1`, [id]))[0].version;
const templatesTo = (address: string) => system.smtp.to(address).map((m) => header(m, 'X-Template'));

/** A registered applicant owning an application inserted in `state` (setup, not a transition). */
async function applicant(
  name: string,
  association: string,
  category: string,
  state: 'lapsed' | 'reference_checks',
  portfolio?: Record<string, unknown>,
): Promise<Applicant> {
  const email = `${name.toLowerCase()}@applicant.example.org`;
  expect(
    (await call('POST', '/api/v1/auth/register', { body: { email, password: PASSWORD, fullName: `${name} Quill`, associationCode: association } })).status,
  ).toBe(202);
  const token = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
  const appId = await insertApplication(ds, framework, { state, association, category, portfolio });
  await ds.query(`UPDATE applications SET applicant_id = $2 WHERE id = $1`, [appId, claimsOf(token).pid]);
  return { token, email, appId };
}

let coord: string;

/** A MassAIMH sitting in 30 days, offered by its coordinator: its id. */
async function newWindow(): Promise<string> {
  const res = await call('POST', '/api/v1/staff/exam-windows', {
    token: coord,
    body: {
      sitsOn: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
      registrationClosesAt: new Date(Date.now() + 20 * DAY).toISOString(),
      online: true,
      capacity: 5,
    },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  // The exam-approval sweep is run by the test (below); the reminder sweep runs every second.
  await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000, REMINDER_SWEEP_EVERY_MS: 1000, RENEWAL_SWEEP_EVERY_MS: 3_600_000 } });
  ds = system.ds;
  await seedAccount(ds, { email: 'coord@staff.example.org', password: PASSWORD, roles: ['coordinator'], associationCode: 'MassAIMH', fullName: 'Cora Staff' });
  coord = (await call('POST', '/api/v1/auth/login', { body: { email: 'coord@staff.example.org', password: PASSWORD } })).body.accessToken as string;
});
afterAll(() => system.stop());

describe('no stuck applications', () => {
  test('a reinstatement naming fewer raters than the rules ask for is refused with the gap, and one naming them all can complete', async () => {
    const snapshot = framework.rulesSnapshot('MI-AIMH', 'IFA');
    const raters = ['Rosa', 'Omar', 'Lena'].map((n) => ({ name: `${n} Rater`, email: `${n.toLowerCase()}@new.example`, waived: false }));
    const portfolio = eligiblePortfolio(snapshot, raters);
    const lapsed = await applicant('Lapsed', 'MI-AIMH', 'IFA', 'lapsed', { ...portfolio, references: [] });
    const version = await versionOf(lapsed.appId);

    const one = await call('POST', `/api/v1/applications/${lapsed.appId}/reinstate`, {
      token: lapsed.token,
      body: { references: portfolio.references.slice(0, 1) },
    });
    expect(one.status).toBe(422);
    const missing = snapshot.rules.references.roles.slice(1).map((r) => r.label);
    expect(one.body).toMatchObject({
      code: 'reinstatement_references_missing',
      detail: `To reinstate, name a rater for each reference the category asks for (still missing: ${missing.join(', ')}).`,
    });
    // Nothing stored: still lapsed, not marked, no references requested.
    expect(await ds.query(`SELECT state, version, reinstatement, portfolio->'references' AS refs FROM applications WHERE id = $1`, [lapsed.appId])).toEqual([
      { state: 'lapsed', version, reinstatement: false, refs: [] },
    ]);
    // Nor with the raters already in the portfolio (none here).
    expect((await call('POST', `/api/v1/applications/${lapsed.appId}/reinstate`, { token: lapsed.token })).body).toMatchObject({
      status: 422,
      code: 'reinstatement_references_missing',
    });

    const all = await call('POST', `/api/v1/applications/${lapsed.appId}/reinstate`, { token: lapsed.token, body: { references: portfolio.references } });
    expect(all.body).toMatchObject({ applicationId: lapsed.appId, state: 'reference_checks' });
    // One request per role: once each rater rates, the references complete (nothing is left unrequested).
    await waitFor(
      'a reference request to each rater',
      () => raters.map((r) => system.smtp.to(r.email).length),
      (n) => n.every((c) => c === 1),
    );
    const requested = await ds.query<{ role: string }[]>(
      `SELECT role FROM application_references WHERE application_id = $1 AND revoked_at IS NULL ORDER BY role`,
      [lapsed.appId],
    );
    expect(requested.map((r) => r.role)).toEqual(snapshot.rules.references.roles.map((r) => r.code).sort());
  });

  test('an approval to sit that runs out unused: reminders before it ends, booking says it ended, the sweep closes it once and says what to do next', async () => {
    const association = 'MassAIMH';
    const exam = framework.rules('IMHS', undefined, association).exam!;
    const timeZone = framework.association(association).timeZone;
    const cleo = await applicant('Cleo', association, 'IMHS', 'reference_checks');
    for (const role of framework.rules('IMHS', undefined, association).references.roles) {
      await ds.query(
        `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, rating, rated_at, created_at)
         VALUES ($1, $2, 'Rita Rater', 'rita@rater.example', false, 'rated', '{}', now(), now())`,
        [cleo.appId, role.code],
      );
    }
    const approved = await call('POST', `/api/v1/staff/applications/${cleo.appId}/exam-approval`, {
      token: coord,
      body: {},
      headers: { 'if-match': `"${await versionOf(cleo.appId)}"` },
    });
    expect(approved.body).toMatchObject({ state: 'exam' });

    // Reminders planned from the data (30 and 7 days before the approval ends), at 09:00 where the association is.
    const planned = await ds.query<
      {
        offset_days: number;
        due_at: Date;
      }[]
    >(`SELECT offset_days, due_at FROM reminders WHERE application_id = $1 AND kind = 'exam_approval_reminder' ORDER BY due_at`, [cleo.appId]);
    expect(planned.map((r) => r.offset_days)).toEqual(exam.approvalExpiry.reminderDaysBefore);
    for (const r of planned)
      expect(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(r.due_at)).toBe('09:00');
    for (const [i, r] of planned.entries()) {
      clock.set(new Date(r.due_at.getTime() + 60_000));
      await waitFor(
        `reminder ${r.offset_days} days before`,
        () => templatesTo(cleo.email),
        (t) => t.filter((x) => x === 'exam_approval_reminder').length === i + 1,
      );
    }
    const reminder = system.smtp.to(cleo.email).find((m) => header(m, 'X-Template') === 'exam_approval_reminder')!;
    const lastDay = new Date(planned[1].due_at.getTime() + 6 * DAY);
    const lastDayText = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(lastDay);
    expect(readableBody(reminder)).toContain(`Your approval lasts until ${lastDayText}`);

    // The approval has run out (setup: approved a validity and a day ago). The api's clock is the real one.
    await ds.query(`UPDATE applications SET exam_approved_at = now() - make_interval(months => $2, days => 1) WHERE id = $1`, [
      cleo.appId,
      exam.approvalValidMonths,
    ]);
    clock.set(new Date(Date.now() + 60_000));
    const booking = await call('POST', `/api/v1/applications/${cleo.appId}/exam-registration`, { token: cleo.token, body: { windowId: await newWindow() } });
    expect(booking.status).toBe(409);
    expect(booking.body).toMatchObject({ code: 'exam_approval_expired' });
    expect(booking.body.detail).not.toContain('choose a sitting before');

    // The sweep fires the expiry once, through the transition path, as the system; a second finds nothing.
    const sweep = system.worker.get(SweepExamApprovals);
    await sweep.execute();
    expect(await sweep.execute()).toBe(0);
    expect(
      await ds.query(`SELECT event, from_state, to_state, actor_role FROM application_events WHERE application_id = $1 AND event = 'expire_exam_approval'`, [
        cleo.appId,
      ]),
    ).toEqual([{ event: 'expire_exam_approval', from_state: 'exam', to_state: 'denied', actor_role: 'system' }]);
    await waitFor(
      'the expiry email',
      () => templatesTo(cleo.email),
      (t) => t.includes('exam_approval_expired'),
    );
    const expired = system.smtp.to(cleo.email).filter((m) => header(m, 'X-Template') === 'exam_approval_expired');
    expect(expired).toHaveLength(1);
    expect(readableBody(expired[0])).toContain('You are welcome to apply again');
  });

  test('an approval that runs out while a booked sitting waits for its result is left for the result to decide', async () => {
    const association = 'MassAIMH';
    const exam = framework.rules('IMHS', undefined, association).exam!;
    const dora = await applicant('Dora', association, 'IMHS', 'reference_checks');
    await ds.query(`UPDATE applications SET state = 'exam', exam_approved_at = now() - make_interval(months => $2, days => 1) WHERE id = $1`, [
      dora.appId,
      exam.approvalValidMonths,
    ]);
    await ds.query(
      `INSERT INTO exam_attempts (application_id, attempt_no, window_id, sat_on, registered_by, created_at) VALUES ($1, 1, $2, current_date - 1, NULL, now())`,
      [dora.appId, await newWindow()],
    );
    expect(await system.worker.get(SweepExamApprovals).execute()).toBe(0);
    expect(await ds.query(`SELECT state FROM applications WHERE id = $1`, [dora.appId])).toEqual([{ state: 'exam' }]);
  });
});
