import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { TransitionApplication } from '#endorsement';
import { loadFramework } from '#framework';
import { ManualClock } from '#platform';
import { insertApplication } from '../support/application-fixture.js';
import { header, raterLink } from '../support/mail-reading.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { caller, seedAccount } from './auth-harness.js';

// Raters may answer while an application is on hold; their ratings must count when it resumes.
const PASSWORD = 'correct horse battery staple';
const RATERS = [
  { raterName: 'Rosa Supervisor', raterEmail: 'rosa@rater.example', role: 'supervisor_teacher_or_cda_mentor', waivedAccess: true },
  { raterName: 'Vera Vetted', raterEmail: 'vera@rater.example', role: 'endorsed_or_vetted_rater', waivedAccess: false },
  { raterName: 'Pat Parent', raterEmail: 'pat@rater.example', role: 'colleague_or_parent', waivedAccess: false },
];
const framework = loadFramework();
const system = new TestSystem(new ManualClock(new Date()));
const call = caller(() => system.api!);
let token: string;
let appId: string;
let applicant: string;

const fire = (event: string, version: number, reason?: string) =>
  call('POST', `/api/v1/staff/applications/${appId}/transitions`, { body: { event, reason }, token, headers: { 'if-match': `"${version}"` } });
const current = async () => (await system.ds.query<{ state: string; version: number }[]>(`SELECT state, version FROM applications WHERE id = $1`, [appId]))[0];
const templatesTo = (address: string) => system.smtp.to(address).map((m) => header(m, 'X-Template'));

async function rate(raterEmail: string): Promise<void> {
  const [mail] = await waitFor(
    `the request to ${raterEmail}`,
    () => system.smtp.to(raterEmail),
    (m) => m.length > 0,
  );
  const fields = Object.fromEntries(framework.ratingForm.items.map((item) => [`item.${item.code}`, '3']));
  const res = await fetch(system.url(new URL(raterLink(mail)!).pathname), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, comments: 'Steady and kind with families.' }).toString(),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  await system.start({ api: true });
  await seedAccount(system.ds, { email: 'coord@example.org', password: PASSWORD, roles: ['coordinator'], associationCode: 'MI-AIMH' });
  token = (await call('POST', '/api/v1/auth/login', { body: { email: 'coord@example.org', password: PASSWORD } })).body.accessToken as string;
  appId = await insertApplication(system.ds, framework, {
    state: 'submitted',
    portfolio: { education: [], work: [], trainings: [], rsc: [], agreements: {}, membership: null, references: RATERS },
  });
  [{ email: applicant }] = await system.ds.query(`SELECT p.email FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1`, [appId]);
  await system.worker.get(TransitionApplication).execute({ applicationId: appId, event: 'begin_reference_checks', actor: { id: null, role: 'system' } });
});

afterAll(() => system.stop());

test('every rating arrives while on hold: the resume moves the application on to panel review and tells the applicant both', async () => {
  const before = await current();
  expect(before.state).toBe('reference_checks');
  expect((await fire('hold', before.version, 'Waiting for the processing fee.')).status).toBe(200);

  for (const { raterEmail } of RATERS) await rate(raterEmail);
  const held = await current();
  expect(held.state).toBe('on_hold'); // ratings alone do not move a held application

  const resumed = await fire('resume', held.version);
  expect(resumed.status).toBe(200);
  expect(resumed.body).toMatchObject({ state: 'panel_review', version: held.version + 2 });
  expect(resumed.headers.get('etag')).toBe(`"${held.version + 2}"`);
  expect(await current()).toEqual({ state: 'panel_review', version: held.version + 2 });

  const events = await system.ds.query<Record<string, string>[]>(
    `SELECT event, actor_role, from_state, to_state FROM application_events WHERE application_id = $1 ORDER BY version DESC LIMIT 2`,
    [appId],
  );
  expect(events).toEqual([
    { event: 'complete_references', actor_role: 'system', from_state: 'reference_checks', to_state: 'panel_review' },
    { event: 'resume', actor_role: 'coordinator', from_state: 'on_hold', to_state: 'reference_checks' },
  ]);
  await waitFor(
    'resumed and references_complete emails',
    () => templatesTo(applicant),
    (t) => t.includes('resumed') && t.includes('references_complete'),
  );
});
