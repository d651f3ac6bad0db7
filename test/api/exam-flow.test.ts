import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { TransitionApplication } from '#endorsement';
import { loadFramework } from '#framework';
import { applicationState, insertApplication } from '../support/application-fixture.js';
import { header, readableBody } from '../support/mail-reading.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { caller, claimsOf, seedAccount } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
const DAY = 24 * 3600 * 1000;
const framework = loadFramework();
// MassAIMH offers the exam every month, so sittings can be any number of days ahead.
const ASSOCIATION = 'MassAIMH';
const exam = framework.rules('IMHS', undefined, ASSOCIATION).exam!;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const instant = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

interface Applicant {
  token: string;
  email: string;
  name: string;
  personId: string;
  appId: string;
}

describe('exam: windows, approval to sit, registration, blind scoring, pass, fail and retake', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  let ds: DataSource;
  const tokens: Record<string, string> = {};
  const people: Record<string, Applicant> = {};

  async function staff(name: string, roles: string[], associationCode: string | null) {
    const email = `${name}@staff.example.org`;
    await seedAccount(ds, { email, password: PASSWORD, roles, associationCode, fullName: `${name} Staff` });
    tokens[name] = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
  }

  /** A registered applicant whose IMHS application has every reference rated, waiting in reference checks. */
  async function applicant(name: string, association = ASSOCIATION): Promise<Applicant> {
    const email = `${name.toLowerCase()}@applicant.example.org`;
    const fullName = `${name} Zebedee`;
    expect((await call('POST', '/api/v1/auth/register', { body: { email, password: PASSWORD, fullName, associationCode: association } })).status).toBe(202);
    const token = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
    const personId = claimsOf(token).pid as string;
    const appId = await insertApplication(ds, framework, { state: 'reference_checks', association, category: 'IMHS' });
    await ds.query(`UPDATE applications SET applicant_id = $2 WHERE id = $1`, [appId, personId]);
    for (const role of framework.rules('IMHS', undefined, association).references.roles) {
      await ds.query(
        `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, rating, rated_at, created_at)
         VALUES ($1, $2, 'Rita Rater', 'rita@rater.example', false, 'rated', '{}', now(), now())`,
        [appId, role.code],
      );
    }
    return (people[name] = { token, email, name: fullName, personId, appId });
  }

  const versionOf = async (id: string) => (await ds.query<{ version: number }[]>(`SELECT version FROM applications WHERE id = $1`, [id]))[0].version;
  const templatesTo = (address: string) => system.smtp.to(address).map((m) => header(m, 'X-Template'));
  const approve = async (who: Applicant, body: Record<string, unknown> = {}, token = tokens.coord) =>
    call('POST', `/api/v1/staff/applications/${who.appId}/exam-approval`, { token, body, headers: { 'if-match': `"${await versionOf(who.appId)}"` } });
  const newWindow = async (body: Record<string, unknown>, token = tokens.coord) =>
    call('POST', '/api/v1/staff/exam-windows', {
      token,
      body: { sitsOn: day(30), registrationClosesAt: instant(20), online: false, location: 'Boston', capacity: 2, ...body },
    });
  /** Setup, not an api call: the sitting has taken place. */
  const sat = async (windowId: string) => {
    await ds.query(`UPDATE exam_windows SET sits_on = current_date - 1, registration_closes_at = now() - interval '2 days' WHERE id = $1`, [windowId]);
    await ds.query(`UPDATE exam_attempts SET sat_on = current_date - 1 WHERE window_id = $1`, [windowId]);
  };
  const paperOf = async (who: Applicant) =>
    (await ds.query<{ id: string }[]>(`SELECT id FROM exam_attempts WHERE application_id = $1 ORDER BY attempt_no DESC LIMIT 1`, [who.appId]))[0].id;

  let window: { id: string };
  let later: { id: string };

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000, REMINDER_SWEEP_EVERY_MS: 1000 } });
    ds = system.ds;
    await staff('coord', ['coordinator'], ASSOCIATION);
    await staff('miCoord', ['coordinator'], 'MI-AIMH');
    await staff('txCoord', ['coordinator'], 'TAIMH');
    await staff('alliance', ['administrator'], null);
    await staff('examA', ['exam_reviewer'], ASSOCIATION);
    await staff('examB', ['exam_reviewer'], ASSOCIATION);
    await staff('examTx', ['exam_reviewer'], 'TAIMH');
    await staff('reviewer', ['reviewer'], ASSOCIATION);
    for (const name of ['Ada', 'Cleo', 'Dan', 'Eve']) await applicant(name);
  });

  afterAll(() => system.stop());

  describe('exam windows', () => {
    test('a coordinator offers a sitting of their association; staff of another association do not see it', async () => {
      const res = await newWindow({});
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        associationCode: ASSOCIATION,
        sitsOn: day(30),
        registrationClosesAt: expect.any(String),
        online: false,
        location: 'Boston',
        capacity: 2,
        seatsLeft: 2,
      });
      window = res.body as { id: string };
      later = (await newWindow({ sitsOn: day(90), registrationClosesAt: instant(80), online: true, location: undefined, capacity: 10 })).body as { id: string };
      expect(later).toMatchObject({ online: true, location: null });

      const own = await call('GET', '/api/v1/staff/exam-windows', { token: tokens.coord });
      expect(own.status).toBe(200);
      expect((own.body.windows as { id: string }[]).map((w) => w.id)).toEqual([window.id, later.id]);
      expect((await call('GET', '/api/v1/staff/exam-windows', { token: tokens.txCoord })).body.windows).toEqual([]);
      const alliance = await call('GET', `/api/v1/staff/exam-windows?associationCode=${ASSOCIATION}&from=${day(60)}`, { token: tokens.alliance });
      expect((alliance.body.windows as { id: string }[]).map((w) => w.id)).toEqual([later.id]);
    });

    test('windows follow the rules: months the association offers, dates in order, a place, bounded input', async () => {
      const before = await ds.query(`SELECT count(*)::int AS n FROM exam_windows`);
      // MI-AIMH sits in March and September only.
      const notOffered = await call('POST', '/api/v1/staff/exam-windows', {
        token: tokens.miCoord,
        body: { sitsOn: `${new Date().getUTCFullYear() + 1}-01-15`, registrationClosesAt: instant(20), online: true, capacity: 5 },
      });
      expect(notOffered.status).toBe(422);
      expect(notOffered.body).toMatchObject({ code: 'exam_month_not_offered', detail: expect.stringContaining('March and September') });
      expect((await newWindow({ sitsOn: day(-1), registrationClosesAt: instant(-2) })).body).toMatchObject({ status: 422, code: 'exam_window_dates' });
      expect((await newWindow({ registrationClosesAt: instant(31) })).body).toMatchObject({ status: 422, code: 'exam_window_dates' });
      const noPlace = await newWindow({ location: undefined });
      expect(noPlace.status).toBe(400);
      expect(noPlace.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'location' }] });
      for (const bad of [{ capacity: 0 }, { capacity: 'ten' }, { sitsOn: 'next week' }, { location: 'x'.repeat(201) }, { colour: 'blue' }]) {
        expect((await newWindow(bad)).status).toBe(400);
      }
      expect((await newWindow({ associationCode: 'TAIMH' })).body).toMatchObject({ status: 403, code: 'forbidden' });
      expect((await newWindow({}, tokens.examA)).status).toBe(403);
      expect((await newWindow({}, people.Ada.token)).status).toBe(403);
      expect(await ds.query(`SELECT count(*)::int AS n FROM exam_windows`)).toEqual(before);
    });

    test('applicants see the open sittings of their own association only', async () => {
      const closed = (await newWindow({ sitsOn: day(40), registrationClosesAt: instant(35) })).body as { id: string };
      await ds.query(`UPDATE exam_windows SET registration_closes_at = now() - interval '1 minute' WHERE id = $1`, [closed.id]);
      const res = await call('GET', '/api/v1/exam-windows', { token: people.Ada.token });
      expect(res.status).toBe(200);
      expect((res.body.windows as { id: string }[]).map((w) => w.id)).toEqual([window.id, later.id]);
      const mi = await applicant('Mia', 'MI-AIMH');
      expect((await call('GET', '/api/v1/exam-windows', { token: mi.token })).body.windows).toEqual([]);
      expect((await call('GET', '/api/v1/exam-windows', { token: tokens.coord })).status).toBe(403);
    });
  });

  describe('approval to sit', () => {
    test('needs If-Match; a stale version is 409 with the current one; another association answers 404', async () => {
      const ada = people.Ada;
      const none = await call('POST', `/api/v1/staff/applications/${ada.appId}/exam-approval`, { token: tokens.coord, body: {} });
      expect(none.body).toMatchObject({ status: 428, code: 'version_required' });
      const version = await versionOf(ada.appId);
      const stale = await call('POST', `/api/v1/staff/applications/${ada.appId}/exam-approval`, {
        token: tokens.coord,
        body: {},
        headers: { 'if-match': `"${version + 3}"` },
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', currentState: 'reference_checks', currentVersion: version });
      expect((await approve(ada, {}, tokens.txCoord)).body).toMatchObject({ status: 404, code: 'application_not_found' });
      expect((await approve(ada, {}, tokens.examA)).status).toBe(403);
      expect((await approve(ada, { windowId: 'not-a-uuid' })).status).toBe(400);
      expect(await applicationState(ds, ada.appId)).toBe('reference_checks');
      expect(await versionOf(ada.appId)).toBe(version);
    });

    test('moves the application to the exam, records when, and tells the applicant', async () => {
      const ada = people.Ada;
      const version = await versionOf(ada.appId);
      const res = await approve(ada);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe(`"${version + 1}"`);
      expect(res.body).toMatchObject({ applicationId: ada.appId, state: 'exam', version: version + 1, seat: null });
      const [row] = await ds.query<{ state: string; exam_approved_at: Date }[]>(`SELECT state, exam_approved_at FROM applications WHERE id = $1`, [ada.appId]);
      expect(row.state).toBe('exam');
      expect(Math.abs(row.exam_approved_at.getTime() - Date.now())).toBeLessThan(60_000);
      const [event] = await ds.query<object[]>(`SELECT event, actor_role FROM application_events WHERE application_id = $1 ORDER BY id DESC LIMIT 1`, [
        ada.appId,
      ]);
      expect(event).toEqual({ event: 'approve_exam', actor_role: 'coordinator' });
      await waitFor(
        'exam_approved email',
        () => templatesTo(ada.email),
        (t) => t.includes('exam_approved'),
      );
      // Approving twice is a transition the exam state does not allow.
      expect((await approve(ada)).body).toMatchObject({ status: 409, code: 'event_not_allowed' });
    });

    test('staff may book the seat with the approval, in the same transaction', async () => {
      const res = await approve(people.Cleo, { windowId: window.id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        state: 'exam',
        seat: { attemptNo: 1, candidateCode: expect.stringMatching(/^C-[0-9A-F]{10}$/), window: { id: window.id, seatsLeft: 1 } },
      });
      // A full or unknown window undoes the approval too.
      const unknown = await approve(people.Dan, { windowId: '00000000-0000-4000-8000-000000000000' });
      expect(unknown.body).toMatchObject({ status: 404, code: 'exam_window_not_found' });
      expect(await applicationState(ds, people.Dan.appId)).toBe('reference_checks');
      expect((await approve(people.Dan)).status).toBe(200);
      expect((await approve(people.Eve)).status).toBe(200);
      // Cleo is told her seat as well as her approval; Dan, whose booking failed, is told no seat.
      const [seatMail] = await waitFor(
        'exam_registered to Cleo',
        () => system.smtp.to(people.Cleo.email).filter((m) => header(m, 'X-Template') === 'exam_registered'),
        (m) => m.length === 1,
      );
      expect(readableBody(seatMail)).toContain((res.body.seat as { candidateCode: string }).candidateCode);
      await waitFor(
        'exam_approved to Dan',
        () => templatesTo(people.Dan.email),
        (t) => t.includes('exam_approved'),
      );
      expect(templatesTo(people.Dan.email)).not.toContain('exam_registered');
    });
  });

  describe('registration', () => {
    test('one registration per attempt, own application only, while seats last and before the deadline', async () => {
      const { Ada: ada, Dan: dan, Eve: eve } = people;
      const stepsOf = async (who: Applicant) =>
        (await call('GET', `/api/v1/applications/${who.appId}`, { token: who.token })).body.pendingSteps as Record<string, unknown>[];
      expect(await stepsOf(ada)).toEqual([
        expect.objectContaining({ step: 'sit_exam', sitting: null, description: expect.stringContaining('Register for a sitting') }),
      ]);
      const notApproved = await applicant('Finn');
      expect(
        (await call('POST', `/api/v1/applications/${notApproved.appId}/exam-registration`, { token: notApproved.token, body: { windowId: window.id } })).body,
      ).toMatchObject({
        status: 409,
        code: 'not_approved_to_sit',
      });
      // Someone else's application: as if it did not exist.
      expect(
        (await call('POST', `/api/v1/applications/${ada.appId}/exam-registration`, { token: dan.token, body: { windowId: window.id } })).body,
      ).toMatchObject({
        status: 404,
        code: 'application_not_found',
      });

      const res = await call('POST', `/api/v1/applications/${ada.appId}/exam-registration`, { token: ada.token, body: { windowId: window.id } });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        attemptNo: 1,
        candidateCode: expect.stringMatching(/^C-[0-9A-F]{10}$/),
        window: expect.objectContaining({ id: window.id, sitsOn: day(30), seatsLeft: 0 }),
      });
      // The seat in an email: the day, the place, the code to write on the papers, each part.
      const [seatMail] = await waitFor(
        'exam_registered to Ada',
        () => system.smtp.to(ada.email).filter((m) => header(m, 'X-Template') === 'exam_registered'),
        (m) => m.length === 1,
      );
      const body = readableBody(seatMail);
      const sitsOn = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${day(30)}T12:00:00Z`),
      );
      for (const detail of [
        sitsOn,
        'Boston',
        res.body.candidateCode as string,
        `${exam.part1.questions} multiple-choice questions in ${exam.part1.durationMinutes} minutes`,
      ])
        expect(body).toContain(detail);
      // And the application says where and when, with the code.
      expect(await stepsOf(ada)).toEqual([
        expect.objectContaining({
          step: 'sit_exam',
          // The day in words, as in the email: not 2027-01-05, which reads differently in different countries.
          description: expect.stringContaining(`Sit the exam on ${sitsOn} (Boston)`),
          sitting: { sitsOn: day(30), online: false, location: 'Boston', candidateCode: res.body.candidateCode },
        }),
      ]);
      expect(
        (await call('POST', `/api/v1/applications/${ada.appId}/exam-registration`, { token: ada.token, body: { windowId: later.id } })).body,
      ).toMatchObject({
        status: 409,
        code: 'already_registered',
      });
      expect(
        (await call('POST', `/api/v1/applications/${dan.appId}/exam-registration`, { token: dan.token, body: { windowId: window.id } })).body,
      ).toMatchObject({
        status: 409,
        code: 'exam_window_full',
      });
      const closed = (await newWindow({ sitsOn: day(45), registrationClosesAt: instant(40) })).body as { id: string };
      await ds.query(`UPDATE exam_windows SET registration_closes_at = now() - interval '1 second' WHERE id = $1`, [closed.id]);
      expect(
        (await call('POST', `/api/v1/applications/${dan.appId}/exam-registration`, { token: dan.token, body: { windowId: closed.id } })).body,
      ).toMatchObject({
        status: 409,
        code: 'registration_closed',
      });
      // The approval is valid for approvalValidMonths: no sitting after it runs out.
      const tooLate = (await newWindow({ sitsOn: day(400), registrationClosesAt: instant(390) })).body as { id: string };
      expect(
        (await call('POST', `/api/v1/applications/${dan.appId}/exam-registration`, { token: dan.token, body: { windowId: tooLate.id } })).body,
      ).toMatchObject({
        status: 422,
        code: 'approval_expires_before_sitting',
      });
      const other = (await newWindow({ sitsOn: day(30), registrationClosesAt: instant(20) }, tokens.alliance)).body;
      expect(other).toMatchObject({ status: 400, code: 'validation_failed', errors: [{ field: 'associationCode' }] });
      expect(
        (await call('POST', `/api/v1/applications/${dan.appId}/exam-registration`, { token: dan.token, body: { windowId: window.id, seat: 1 } })).status,
      ).toBe(400);

      expect((await call('POST', `/api/v1/applications/${dan.appId}/exam-registration`, { token: dan.token, body: { windowId: later.id } })).status).toBe(201);
      expect((await call('POST', `/api/v1/applications/${eve.appId}/exam-registration`, { token: eve.token, body: { windowId: later.id } })).status).toBe(201);
      const attempts = await ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM exam_attempts WHERE window_id = $1`, [window.id]);
      expect(attempts[0].n).toBe(2);
    });
  });

  describe('blind scoring', () => {
    test('papers show a candidate code, the category, the parts and the window, never who wrote them', async () => {
      await sat(window.id);
      const res = await call('GET', '/api/v1/exam/papers', { token: tokens.examA });
      expect(res.status).toBe(200);
      const papers = res.body.papers as Record<string, unknown>[];
      expect(papers).toHaveLength(4);
      for (const paper of papers) {
        expect(Object.keys(paper).sort()).toEqual(['candidateCode', 'category', 'paperId', 'part1', 'part2', 'window']);
        expect(paper).toMatchObject({
          category: 'Infant Mental Health Specialist',
          part1: { recorded: false },
          part2: { scoresIn: 0, scoresNeeded: exam.part2.blindReviewers, yourScore: null },
        });
      }
      const text =
        JSON.stringify(res.body) + JSON.stringify((await call('GET', `/api/v1/exam/papers/${await paperOf(people.Ada)}`, { token: tokens.examA })).body);
      for (const who of Object.values(people)) {
        for (const secret of [who.name, 'Zebedee', who.email, who.appId, who.personId]) expect(text).not.toContain(secret);
      }
      const page1 = await call('GET', '/api/v1/exam/papers?limit=3', { token: tokens.examA });
      const page2 = await call('GET', `/api/v1/exam/papers?limit=3&after=${page1.body.next as string}`, { token: tokens.examA });
      expect([...(page1.body.papers as { paperId: string }[]), ...(page2.body.papers as { paperId: string }[])].map((p) => p.paperId)).toEqual(
        papers.map((p) => p.paperId),
      );
      expect(page2.body.next).toBeNull();
    });

    test('exam reviewers of another association, panel reviewers and applicants see no papers', async () => {
      const paperId = await paperOf(people.Ada);
      expect((await call('GET', '/api/v1/exam/papers', { token: tokens.examTx })).body.papers).toEqual([]);
      expect((await call('GET', `/api/v1/exam/papers/${paperId}`, { token: tokens.examTx })).body).toMatchObject({ status: 404, code: 'exam_paper_not_found' });
      expect((await call('POST', `/api/v1/exam/papers/${paperId}/part2-scores`, { token: tokens.examTx, body: { percent: 90 } })).status).toBe(404);
      expect((await call('POST', `/api/v1/exam/papers/${paperId}/part1`, { token: tokens.txCoord, body: { percent: 90 } })).status).toBe(404);
      for (const token of [tokens.reviewer, people.Ada.token]) expect((await call('GET', '/api/v1/exam/papers', { token })).status).toBe(403);
      expect((await call('GET', '/api/v1/exam/papers/not-a-uuid', { token: tokens.examA })).status).toBe(400);
      expect(await ds.query(`SELECT count(*)::int AS n FROM exam_part2_scores`)).toEqual([{ n: 0 }]);
    });

    test('nothing is scored before the sitting, nor out of bounds', async () => {
      const danPaper = await paperOf(people.Dan); // sits in 90 days
      expect((await call('POST', `/api/v1/exam/papers/${danPaper}/part1`, { token: tokens.coord, body: { percent: 90 } })).body).toMatchObject({
        status: 409,
        code: 'exam_not_sat_yet',
      });
      const adaPaper = await paperOf(people.Ada);
      for (const body of [{ percent: 101 }, { percent: -1 }, { percent: '90' }, {}, { percent: 90, reviewer: 'me' }]) {
        expect((await call('POST', `/api/v1/exam/papers/${adaPaper}/part2-scores`, { token: tokens.examA, body })).status).toBe(400);
      }
      expect(await ds.query(`SELECT count(*)::int AS n FROM exam_part2_scores`)).toEqual([{ n: 0 }]);
    });

    test('part 1 once; part 2 by two different exam reviewers; both passed: panel review and an email', async () => {
      const ada = people.Ada;
      const paperId = await paperOf(ada);
      const part1 = await call('POST', `/api/v1/exam/papers/${paperId}/part1`, { token: tokens.coord, body: { percent: exam.part1.passPercent + 5 } });
      expect(part1.status).toBe(201);
      expect(part1.body).toEqual({ paperId, decided: false });
      expect((await call('POST', `/api/v1/exam/papers/${paperId}/part1`, { token: tokens.examA, body: { percent: 50 } })).body).toMatchObject({
        status: 409,
        code: 'part1_already_recorded',
      });
      expect((await call('POST', `/api/v1/exam/papers/${paperId}/part2-scores`, { token: tokens.coord, body: { percent: 90 } })).status).toBe(403);

      expect(
        (await call('POST', `/api/v1/exam/papers/${paperId}/part2-scores`, { token: tokens.examA, body: { percent: exam.part2.passPercent + 2 } })).body,
      ).toEqual({ paperId, decided: false });
      expect((await call('GET', `/api/v1/exam/papers/${paperId}`, { token: tokens.examA })).body).toMatchObject({
        part1: { recorded: true },
        part2: { scoresIn: 1, yourScore: exam.part2.passPercent + 2 },
      });
      // The other reviewer sees that one score is in, not what it is.
      expect((await call('GET', `/api/v1/exam/papers/${paperId}`, { token: tokens.examB })).body).toMatchObject({ part2: { scoresIn: 1, yourScore: null } });
      expect((await call('POST', `/api/v1/exam/papers/${paperId}/part2-scores`, { token: tokens.examA, body: { percent: 99 } })).body).toMatchObject({
        status: 409,
        code: 'part2_already_scored',
      });
      expect(await applicationState(ds, ada.appId)).toBe('exam');

      // The mean of both scores is exactly the pass mark.
      const second = await call('POST', `/api/v1/exam/papers/${paperId}/part2-scores`, { token: tokens.examB, body: { percent: exam.part2.passPercent - 2 } });
      expect(second.body).toEqual({ paperId, decided: true });
      expect(await applicationState(ds, ada.appId)).toBe('panel_review');
      const [attempt] = await ds.query<object[]>(
        `SELECT part1_percent::float8 AS p1, part2_percent::float8 AS p2, decided_at IS NOT NULL AS decided FROM exam_attempts WHERE id = $1`,
        [paperId],
      );
      expect(attempt).toEqual({ p1: exam.part1.passPercent + 5, p2: exam.part2.passPercent, decided: true });
      const [event] = await ds.query<object[]>(`SELECT event, actor_role FROM application_events WHERE application_id = $1 ORDER BY id DESC LIMIT 1`, [
        ada.appId,
      ]);
      expect(event).toEqual({ event: 'pass_exam', actor_role: 'system' });
      await waitFor(
        'exam_passed email',
        () => templatesTo(ada.email),
        (t) => t.includes('exam_passed'),
      );
      expect((await call('GET', `/api/v1/exam/papers/${paperId}`, { token: tokens.examA })).status).toBe(404);
    });

    test('part 1 just under the pass mark fails the attempt; a retake is offered and is a new attempt', async () => {
      const cleo = people.Cleo;
      const first = await paperOf(cleo);
      await call('POST', `/api/v1/exam/papers/${first}/part2-scores`, { token: tokens.examA, body: { percent: 95 } });
      await call('POST', `/api/v1/exam/papers/${first}/part2-scores`, { token: tokens.examB, body: { percent: 95 } });
      // Part 2 is complete; a third reviewer has nothing left to score.
      await staff('examC', ['exam_reviewer'], ASSOCIATION);
      expect((await call('POST', `/api/v1/exam/papers/${first}/part2-scores`, { token: tokens.examC, body: { percent: 95 } })).body).toMatchObject({
        status: 409,
        code: 'part2_complete',
      });
      expect(
        (await call('POST', `/api/v1/exam/papers/${first}/part1`, { token: tokens.examA, body: { percent: exam.part1.passPercent - 0.01 } })).body,
      ).toEqual({ paperId: first, decided: true });
      expect(await applicationState(ds, cleo.appId)).toBe('exam');
      const [event] = await ds.query<object[]>(
        `SELECT event, from_state, to_state FROM application_events WHERE application_id = $1 ORDER BY id DESC LIMIT 1`,
        [cleo.appId],
      );
      expect(event).toEqual({ event: 'fail_exam', from_state: 'exam', to_state: 'exam' });
      const [mail] = await waitFor(
        'exam_failed_retake email',
        () => system.smtp.to(cleo.email).filter((m) => header(m, 'X-Template') === 'exam_failed_retake'),
        (m) => m.length === 1,
      );
      expect(readableBody(mail)).toContain('Send your retake request by');

      // A retake needs the written request the rules ask for, and a later sitting.
      const retakeWindow = (await newWindow({ sitsOn: day(60), registrationClosesAt: instant(50) })).body as { id: string };
      expect(
        (await call('POST', `/api/v1/applications/${cleo.appId}/exam-registration`, { token: cleo.token, body: { windowId: retakeWindow.id } })).body,
      ).toMatchObject({
        status: 422,
        code: 'retake_request_required',
      });
      const retake = await call('POST', `/api/v1/applications/${cleo.appId}/exam-registration`, {
        token: cleo.token,
        body: { windowId: retakeWindow.id, retakeRequest: 'I would like to sit the exam again, please.' },
      });
      expect(retake.status).toBe(201);
      expect(retake.body).toMatchObject({ attemptNo: 2 });
      const codes = await ds.query<{ candidate_code: string }[]>(`SELECT candidate_code FROM exam_attempts WHERE application_id = $1`, [cleo.appId]);
      expect(new Set(codes.map((c) => c.candidate_code)).size).toBe(2);
    });

    test('a failed attempt with no retake left ends the application', async () => {
      const cleo = people.Cleo;
      const [{ window_id: retakeWindow }] = await ds.query<{ window_id: string }[]>(
        `SELECT window_id FROM exam_attempts WHERE application_id = $1 AND attempt_no = 2`,
        [cleo.appId],
      );
      await sat(retakeWindow);
      // Meanwhile the approval to sit has run out (setup): the guards allow no further retake.
      await ds.query(`UPDATE applications SET exam_approved_at = now() - make_interval(months => $2 + 1) WHERE id = $1`, [
        cleo.appId,
        exam.approvalValidMonths,
      ]);
      const paperId = await paperOf(cleo);
      await call('POST', `/api/v1/exam/papers/${paperId}/part1`, { token: tokens.coord, body: { percent: 90 } });
      await call('POST', `/api/v1/exam/papers/${paperId}/part2-scores`, { token: tokens.examA, body: { percent: 40 } });
      expect((await call('POST', `/api/v1/exam/papers/${paperId}/part2-scores`, { token: tokens.examB, body: { percent: 50 } })).body).toEqual({
        paperId,
        decided: true,
      });
      expect(await applicationState(ds, cleo.appId)).toBe('denied');
      await waitFor(
        'exam_failed_denied email',
        () => templatesTo(cleo.email),
        (t) => t.includes('exam_failed_denied'),
      );
    });
  });

  describe('rules per association and races', () => {
    test('where the association asks for a wait before a retake, an earlier sitting is refused', async () => {
      const tia = await applicant('Tia', 'TAIMH');
      const { waitMonths } = framework.rules('IMHS', undefined, 'TAIMH').exam!.retake;
      expect(waitMonths).toBeGreaterThan(0);
      // Setup: approved, with a first attempt sat and failed yesterday.
      await ds.query(`UPDATE applications SET state = 'exam', exam_approved_at = now() WHERE id = $1`, [tia.appId]);
      await ds.query(
        `INSERT INTO exam_attempts (application_id, attempt_no, part1_percent, part2_percent, sat_on, decided_at, created_at) VALUES ($1, 1, 50, 50, current_date - 1, now(), now())`,
        [tia.appId],
      );
      // The next sitting TAIMH offers (its months only) at least two weeks ahead: well inside the wait.
      const months = framework.association('TAIMH').exam.windows as readonly number[];
      let ahead = 15;
      while (!months.includes(Number(day(ahead).slice(5, 7)))) ahead++;
      const res = await call('POST', '/api/v1/staff/exam-windows', {
        token: tokens.txCoord,
        body: { sitsOn: day(ahead), registrationClosesAt: instant(ahead - 5), online: true, capacity: 5 },
      });
      expect(res.status).toBe(201);
      const retake = await call('POST', `/api/v1/applications/${tia.appId}/exam-registration`, {
        token: tia.token,
        body: { windowId: res.body.id, retakeRequest: 'Please may I sit again.' },
      });
      expect(retake.body).toMatchObject({ status: 422, code: 'retake_too_soon', earliest: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(await ds.query(`SELECT count(*)::int AS n FROM exam_attempts WHERE application_id = $1`, [tia.appId])).toEqual([{ n: 1 }]);
    });

    test('two applicants racing for the last seat: one gets it; two scorers at once: one decision', async () => {
      const [gus, hal] = [await applicant('Gus'), await applicant('Hal')];
      for (const who of [gus, hal]) expect((await approve(who)).status).toBe(200);
      const last = (await newWindow({ sitsOn: day(50), registrationClosesAt: instant(40), capacity: 1 })).body as { id: string };
      const race = await Promise.all(
        [gus, hal].map((who) => call('POST', `/api/v1/applications/${who.appId}/exam-registration`, { token: who.token, body: { windowId: last.id } })),
      );
      expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(race.find((r) => r.status === 409)!.body).toMatchObject({ code: 'exam_window_full' });

      const winner = race[0].status === 201 ? gus : hal;
      await sat(last.id);
      const paperId = await paperOf(winner);
      await call('POST', `/api/v1/exam/papers/${paperId}/part1`, { token: tokens.coord, body: { percent: 95 } });
      const scores = await Promise.all(
        ['examA', 'examB'].map((name) => call('POST', `/api/v1/exam/papers/${paperId}/part2-scores`, { token: tokens[name], body: { percent: 90 } })),
      );
      expect(scores.map((r) => r.status)).toEqual([201, 201]);
      expect(scores.map((r) => r.body.decided).sort()).toEqual([false, true]);
      const events = await ds.query<unknown[]>(`SELECT event FROM application_events WHERE application_id = $1 AND event = 'pass_exam'`, [winner.appId]);
      expect(events).toHaveLength(1);
      expect(await applicationState(ds, winner.appId)).toBe('panel_review');
    });

    test('a seat taken by an applicant who withdraws is free again', async () => {
      const [ian, jo] = [await applicant('Ian'), await applicant('Jo')];
      for (const who of [ian, jo]) expect((await approve(who)).status).toBe(200);
      const small = (await newWindow({ sitsOn: day(55), registrationClosesAt: instant(45), capacity: 1 })).body as { id: string };
      const register = (who: Applicant) =>
        call('POST', `/api/v1/applications/${who.appId}/exam-registration`, { token: who.token, body: { windowId: small.id } });
      expect((await register(ian)).status).toBe(201);
      expect((await register(jo)).body).toMatchObject({ status: 409, code: 'exam_window_full' });
      await system.worker.get(TransitionApplication).execute({ applicationId: ian.appId, event: 'withdraw', actor: { id: null, role: 'applicant' } });
      expect((await register(jo)).status).toBe(201);
    });
  });

  describe('reminders before the sitting', () => {
    const exams = async (who: Applicant) =>
      await ds.query<
        {
          offset_days: number;
          due_at: Date;
          status: string;
        }[]
      >(`SELECT offset_days, due_at, status FROM reminders WHERE kind = 'exam_reminder' AND application_id = $1 ORDER BY offset_days DESC`, [who.appId]);

    test('a week and a day before, at 09:00 where the association is; only candidates still to sit are reminded', async () => {
      const { Ada: ada, Ian: ian, Jo: jo } = people;
      const local = new Intl.DateTimeFormat('sv-SE', { timeZone: framework.association(ASSOCIATION).timeZone, dateStyle: 'short', timeStyle: 'short' });
      expect((await exams(jo)).map((r) => [r.offset_days, local.format(r.due_at), r.status])).toEqual([
        [7, `${day(48)} 09:00`, 'pending'],
        [1, `${day(54)} 09:00`, 'pending'],
      ]);
      // All of them due now: Jo is reminded twice with her code; Ian withdrew and Ada's attempt was decided.
      await ds.query(`UPDATE reminders SET due_at = $1 WHERE kind = 'exam_reminder' AND status = 'pending'`, [new Date(system.clock.now().getTime() - 1000)]);
      const mails = await waitFor(
        'exam reminders to Jo',
        () => system.smtp.to(jo.email).filter((m) => header(m, 'X-Template') === 'exam_reminder'),
        (m) => m.length === 2,
      );
      const [{ candidate_code: code }] = await ds.query<{ candidate_code: string }[]>(`SELECT candidate_code FROM exam_attempts WHERE application_id = $1`, [
        jo.appId,
      ]);
      for (const mail of mails) expect(readableBody(mail)).toContain(code);
      await waitFor(
        'every exam reminder settled',
        async () => (await ds.query(`SELECT count(*)::int AS n FROM reminders WHERE kind = 'exam_reminder' AND status = 'pending'`))[0].n,
        (n) => n === 0,
      );
      for (const who of [ian, ada]) {
        expect((await exams(who)).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
        expect(templatesTo(who.email)).not.toContain('exam_reminder');
      }
    });
  });
});
