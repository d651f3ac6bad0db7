import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { loadFramework, type Portfolio } from '#framework';
import { header } from '../support/mail-reading.js';
import { eligiblePortfolio } from '../support/portfolio-fixture.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { caller, seedAccount } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
const framework = loadFramework();
const raters = [
  { name: 'Rosa Supervisor', email: 'rosa@rater.example', waived: true },
  { name: 'Sam Supervisee', email: 'sam@rater.example', waived: true },
  { name: 'Colin Colleague', email: 'colin@rater.example', waived: true },
];

/** Training entries: hours in the field, on diversity, equity and inclusion, and on RSC. */
function trainings(field: number, dei: number, rsc: number): Portfolio['trainings'] {
  const entry = (title: string, hours: number, topic: { dei: boolean; rsc: boolean }) => ({
    title,
    provider: 'Training Institute',
    date: '2026-01-15',
    hours,
    competencyAreas: ['observation_listening'],
    ...topic,
  });
  return [
    entry('Foundations', field, { dei: false, rsc: false }),
    ...(dei ? [entry('Diversity, equity and inclusion', dei, { dei: true, rsc: false })] : []),
    ...(rsc ? [entry('Reflective supervision', rsc, { dei: false, rsc: true })] : []),
  ];
}

describe("training hours and their parts on a topic, as an applicant's portfolio meets them", () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  let ds: DataSource;

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    ds = system.ds;
  });

  afterAll(() => system.stop());

  /** A new applicant (one open application per category each) starts an IMHM application on the track and fills in every section but the trainings. */
  async function mentorApplication(email: string, track: string): Promise<{ id: string; token: string }> {
    await seedAccount(ds, { email, password: PASSWORD, roles: ['applicant'], associationCode: 'MI-AIMH', fullName: 'Mina Mentor' });
    const token = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
    const id = (await call('POST', '/api/v1/applications', { token, body: { associationCode: 'MI-AIMH', categoryCode: 'IMHM', trackCode: track } })).body
      .id as string;
    const portfolio = eligiblePortfolio(framework.rulesSnapshot('MI-AIMH', 'IMHM', track), raters);
    for (const section of ['education', 'work', 'rsc', 'references', 'agreements', 'membership'] as const) {
      expect((await call('PUT', `/api/v1/applications/${id}/portfolio/${section}`, { token, body: { [section]: portfolio[section] } })).status).toBe(200);
    }
    return { id, token };
  }
  const gapsWith = async ({ id, token }: { id: string; token: string }, entries: Portfolio['trainings']) =>
    (await call('PUT', `/api/v1/applications/${id}/portfolio/trainings`, { token, body: { trainings: entries } })).body.eligibilityGaps as unknown[];
  const stateOf = async (id: string) =>
    (await ds.query<{ state: string; version: number }[]>(`SELECT state, version FROM applications WHERE id = $1`, [id]))[0];

  test('Clinical Mentor: 48 hours are not enough without 15 on RSC; the gap names the track and the hours missing, and submitting waits for them', async () => {
    const app = await mentorApplication('mina@example.org', 'clinical');
    // 48 hours, 3 on DEI, none on RSC: what the rules let through before.
    expect(await gapsWith(app, trainings(45, 3, 0))).toEqual([
      {
        code: 'rsc_training_hours_short',
        message:
          'You have 0 of the 15 training hours on reflective supervision/consultation that Infant Mental Health Mentor – Clinical requires. You need 15 more hours.',
        details: { required: 15, actual: 0, missing: 15 },
      },
    ]);
    const gaps = await gapsWith(app, trainings(30.5, 3, 14.5));
    expect(gaps).toEqual([
      {
        code: 'rsc_training_hours_short',
        message:
          'You have 14.5 of the 15 training hours on reflective supervision/consultation that Infant Mental Health Mentor – Clinical requires. You need 0.5 more hours.',
        details: { required: 15, actual: 14.5, missing: 0.5 },
      },
    ]);
    expect(await gapsWith(app, trainings(32, 2, 15))).toEqual([
      expect.objectContaining({
        code: 'dei_hours_short',
        message:
          'You have 2 of the 3 training hours on diversity, equity and inclusion that Infant Mental Health Mentor – Clinical requires. You need 1 more hour.',
      }),
    ]);

    await gapsWith(app, trainings(30.5, 3, 14.5));
    const before = await stateOf(app.id);
    const early = await call('POST', `/api/v1/applications/${app.id}/submit`, { token: app.token });
    expect(early.body).toMatchObject({ status: 422, code: 'not_eligible', eligibilityGaps: gaps });
    expect(await stateOf(app.id)).toEqual(before);

    expect(await gapsWith(app, trainings(30, 3, 15))).toEqual([]);
    expect((await call('POST', `/api/v1/applications/${app.id}/submit`, { token: app.token })).body).toMatchObject({ state: 'submitted' });
    const mail = await waitFor(
      'the received email',
      () => system.smtp.to('mina@example.org'),
      (m) => m.length > 0,
    );
    expect(header(mail[0], 'X-Template')).toBe('application_received');
  });

  test('Policy Mentor: 33 hours including 3 on DEI, none needed on RSC', async () => {
    const app = await mentorApplication('pat@example.org', 'policy');
    expect(await gapsWith(app, trainings(33, 0, 0))).toEqual([
      expect.objectContaining({
        code: 'dei_hours_short',
        message:
          'You have 0 of the 3 training hours on diversity, equity and inclusion that Infant Mental Health Mentor – Policy requires. You need 3 more hours.',
      }),
    ]);
    expect(await gapsWith(app, trainings(29.5, 3, 0))).toEqual([
      {
        code: 'training_hours_short',
        message: 'You have 32.5 of the 33 training hours that Infant Mental Health Mentor – Policy requires. You need 0.5 more hours.',
        details: { required: 33, actual: 32.5, missing: 0.5 },
      },
    ]);
    expect(await gapsWith(app, trainings(30, 3, 0))).toEqual([]);
  });

  test('an application keeps the rules it was started under: an older Clinical one is judged without the RSC part', async () => {
    const app = await mentorApplication('olga@example.org', 'clinical');
    await ds.query(
      `UPDATE applications SET framework_version = '2026.1', rules = jsonb_set(jsonb_set(rules, '{version}', '"2026.1"'), '{rules,training,rscHours}', '0') WHERE id = $1`,
      [app.id],
    );
    expect(await gapsWith(app, trainings(45, 3, 0))).toEqual([]);
  });
});
