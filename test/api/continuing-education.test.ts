import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { loadFramework } from '#framework';
import { TestSystem } from '../support/test-system.js';
import { caller, seedAccount } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
const DAY = 24 * 3600 * 1000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

describe('continuing education api: endorsements, the log and its progress, staff review, renewal', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  let ds: DataSource;
  let eve: string; // endorsed, renewal due
  let fay: string; // endorsed this year: first cycle
  let gus: string; // no endorsement
  let miCoordinator: string;
  let waCoordinator: string;
  let eveApp: string;
  const renewal = loadFramework().rulesSnapshot('MI-AIMH', 'IFS').rules.renewal;
  const training = (hours: number, extra: Record<string, unknown> = {}) => ({
    kind: 'training',
    title: 'Attachment in practice',
    provider: 'MI-AIMH',
    completedOn: day(-20),
    hours,
    competencyAreas: ['observation_listening'],
    ...extra,
  });

  async function tokenFor(email: string, roles: string[], associationCode = 'MI-AIMH'): Promise<string> {
    await seedAccount(ds, { email, password: PASSWORD, roles, associationCode, fullName: email.split('@')[0] });
    return (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
  }
  /** An IFS endorsement held by the caller, endorsed at `endorsedAt`, due on `dueOn`. */
  async function endorse(token: string, number: string, state: string, endorsedAt: Date, dueOn: string): Promise<string> {
    const { body } = await call('POST', '/api/v1/applications', { token, body: { associationCode: 'MI-AIMH', categoryCode: 'IFS' } });
    await ds.query(`UPDATE applications SET state = $2, endorsement_number = $3, endorsed_at = $4, renewal_due_on = $5 WHERE id = $1`, [
      body.id,
      state,
      number,
      endorsedAt,
      dueOn,
    ]);
    return body.id as string;
  }
  const record = (token: string, body: Record<string, unknown>) => call('POST', '/api/v1/continuing-education', { token, body });
  const pending = async (token: string) =>
    (await call('GET', '/api/v1/staff/continuing-education?status=pending', { token })).body.entries as { id: string; fullName: string; hours: number }[];

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    ds = system.ds;
    [eve, fay, gus] = await Promise.all(['eve', 'fay', 'gus'].map((n) => tokenFor(`${n}@example.org`, ['applicant'])));
    miCoordinator = await tokenFor('coord@mi.example', ['coordinator']);
    waCoordinator = await tokenFor('coord@wa.example', ['coordinator'], 'WA-AIMH');
    eveApp = await endorse(eve, 'MI-0001', 'renewal_due', new Date(Date.now() - 800 * DAY), day(30));
    const thisYear = new Date().getUTCFullYear();
    await endorse(fay, 'MI-0002', 'endorsed', new Date(`${thisYear}-06-15T12:00:00Z`), `${thisYear + 1}-12-31`);
  });

  afterAll(() => system.stop());

  test('someone without an endorsement has nothing to log or renew', async () => {
    expect((await record(gus, training(3))).body).toMatchObject({ status: 409, code: 'not_endorsed' });
    expect((await call('GET', '/api/v1/continuing-education', { token: gus })).body).toEqual({ entries: [], progress: null });
    expect((await call('GET', '/api/v1/endorsements', { token: gus })).body).toEqual({ endorsements: [] });
    expect((await call('POST', '/api/v1/renewals', { token: gus })).body).toMatchObject({ status: 409, code: 'nothing_to_renew' });
  });

  test('endorsees list their endorsements; the first cycle after endorsement asks for no hours', async () => {
    expect((await call('GET', '/api/v1/endorsements', { token: eve })).body.endorsements).toEqual([
      expect.objectContaining({
        applicationId: eveApp,
        categoryCode: 'IFS',
        number: 'MI-0001',
        status: 'renewal_due',
        renewalDueOn: day(30),
        registryListed: false,
      }),
    ]);
    expect((await call('GET', '/api/v1/continuing-education', { token: fay })).body.progress).toMatchObject({ firstCycle: true, exempt: true, measures: [] });
    const detail = (await call('GET', `/api/v1/applications/${eveApp}`, { token: eve })).body;
    expect(detail).toMatchObject({ state: 'renewal_due', endorsement: { number: 'MI-0001', renewalDueOn: day(30) }, eligibilityGaps: [] });
    expect(detail.pendingSteps).toEqual([
      {
        step: 'renew',
        description: expect.stringContaining(day(30)),
        dueOn: day(30),
        lateFeeFrom: expect.any(String),
        lapsesAt: expect.any(String),
        fee: { amount: 30, currency: 'USD' },
        lateFee: { amount: 25, currency: 'USD' },
      },
    ]);
    const { lateFeeFrom, lapsesAt } = (detail.pendingSteps as { lateFeeFrom: string; lapsesAt: string }[])[0];
    expect(new Date(lapsesAt).getTime()).toBeGreaterThan(new Date(lateFeeFrom).getTime());
  });

  test('entries are validated: unknown fields, impossible hours, future dates and unknown competency areas are refused', async () => {
    expect((await record(eve, { ...training(2), extra: true })).body).toMatchObject({ status: 400, code: 'validation_failed', errors: [{ field: 'extra' }] });
    expect((await record(eve, training(0))).body).toMatchObject({ status: 400, errors: [{ field: 'hours' }] });
    expect((await record(eve, training(2, { completedOn: '2026-02-30' }))).status).toBe(400);
    expect((await record(eve, training(2, { completedOn: day(3) }))).body).toMatchObject({ status: 422, code: 'completed_in_future' });
    expect((await record(eve, training(2, { competencyAreas: ['juggling'] }))).body).toMatchObject({
      status: 422,
      code: 'unknown_competency_area',
      unknown: ['juggling'],
    });
    expect(await ds.query(`SELECT count(*)::int AS n FROM ce_entries`)).toEqual([{ n: 0 }]);
  });

  test('logged entries wait for staff; until then the progress shows nothing approved and renewal names what is missing', async () => {
    const ce = await record(eve, training(renewal.ceHours - renewal.deiHours));
    expect(ce.status).toBe(201);
    expect(ce.body).toMatchObject({ kind: 'training', hours: renewal.ceHours - renewal.deiHours, status: 'pending', dei: false, aboutRsc: false });
    expect((await record(eve, training(renewal.deiHours, { dei: true, title: 'Equity in infant mental health' }))).status).toBe(201);
    expect(
      (await record(eve, { kind: 'rsc', title: 'Reflective supervision', provider: 'A. Mentor', completedOn: day(-10), hours: renewal.rscHours })).status,
    ).toBe(201);

    const { entries, progress } = (await call('GET', '/api/v1/continuing-education', { token: eve })).body as {
      entries: unknown[];
      progress: { measures: { code: string; required: number; recorded: number; met: boolean }[] };
    };
    expect(entries).toHaveLength(3);
    expect(progress).toMatchObject({ dueOn: day(30), firstCycle: false, exempt: false });
    expect(progress.measures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'ce_hours', required: renewal.ceHours, recorded: 0, met: false }),
        expect.objectContaining({ code: 'rsc_hours', required: renewal.rscHours, recorded: 0, met: false }),
      ]),
    );
    const refused = await call('POST', '/api/v1/renewals', { token: eve });
    expect(refused.body).toMatchObject({
      status: 422,
      code: 'renewal_requirements_unmet',
      gaps: expect.arrayContaining([expect.objectContaining({ code: 'ce_hours_short', recorded: 0 })]),
    });
  });

  test('staff review the entries of their own association only; a rejection needs a reason; a decision is final', async () => {
    expect((await call('GET', '/api/v1/staff/continuing-education', { token: eve })).status).toBe(403);
    expect((await call('GET', '/api/v1/continuing-education', { token: miCoordinator })).status).toBe(403);
    expect((await call('GET', '/api/v1/staff/continuing-education?status=maybe', { token: miCoordinator })).body).toMatchObject({
      status: 400,
      code: 'validation_failed',
    });
    expect(await pending(waCoordinator)).toEqual([]);

    const entries = await pending(miCoordinator);
    expect(entries.map((e) => e.fullName)).toEqual(['eve', 'eve', 'eve']);
    const [ce, dei, rsc] = entries;
    expect((await call('POST', `/api/v1/staff/continuing-education/${ce.id}/approve`, { token: waCoordinator })).body).toMatchObject({
      status: 404,
      code: 'ce_entry_not_found',
    });
    expect((await call('POST', `/api/v1/staff/continuing-education/not-a-uuid/approve`, { token: miCoordinator })).status).toBe(400);
    for (const entry of [ce, dei]) {
      expect((await call('POST', `/api/v1/staff/continuing-education/${entry.id}/approve`, { token: miCoordinator })).body).toMatchObject({
        id: entry.id,
        status: 'approved',
      });
    }
    expect((await call('POST', `/api/v1/staff/continuing-education/${rsc.id}/reject`, { token: miCoordinator, body: {} })).body).toMatchObject({
      status: 400,
      errors: [{ field: 'reason' }],
    });
    const rejected = await call('POST', `/api/v1/staff/continuing-education/${rsc.id}/reject`, {
      token: miCoordinator,
      body: { reason: 'Please attach the supervisor log.' },
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewNote: 'Please attach the supervisor log.' });
    expect((await call('POST', `/api/v1/staff/continuing-education/${ce.id}/reject`, { token: miCoordinator, body: { reason: 'oops' } })).body).toMatchObject({
      status: 409,
      code: 'ce_entry_already_reviewed',
    });
    expect(await pending(miCoordinator)).toEqual([]);
  });

  test('renewal names exactly what is still missing, then renews once the hours are approved', async () => {
    const refused = await call('POST', '/api/v1/renewals', { token: eve });
    expect(refused.body).toMatchObject({ status: 422, code: 'renewal_requirements_unmet' });
    expect((refused.body.gaps as { code: string }[]).map((g) => g.code)).toEqual(['rsc_hours_short']);

    const rsc = await record(eve, {
      kind: 'rsc',
      title: 'Reflective supervision, with log',
      provider: 'A. Mentor',
      completedOn: day(-5),
      hours: renewal.rscHours,
    });
    await call('POST', `/api/v1/staff/continuing-education/${rsc.body.id as string}/approve`, { token: miCoordinator });
    const progress = (await call('GET', '/api/v1/continuing-education', { token: eve })).body.progress as { measures: { met: boolean }[] };
    expect(progress.measures.every((m) => m.met)).toBe(true);

    const renewed = await call('POST', '/api/v1/renewals', { token: eve });
    expect(renewed.status).toBe(200);
    expect(renewed.body.renewals).toEqual([expect.objectContaining({ applicationIds: [eveApp], nextDueOn: expect.stringMatching(/^\d{4}-12-31$/) })]);
    expect((await call('GET', '/api/v1/endorsements', { token: eve })).body.endorsements).toEqual([
      expect.objectContaining({ status: 'endorsed', renewalDueOn: (renewed.body.renewals as { nextDueOn: string }[])[0].nextDueOn }),
    ]);
    expect((await call('POST', '/api/v1/renewals', { token: eve })).body).toMatchObject({ status: 409, code: 'nothing_to_renew' });
  });
});
