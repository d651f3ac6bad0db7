import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { TransitionApplication } from '#endorsement';
import { API_PREFIX } from '../../apps/api/src/api-prefix.js';
import { loadFramework } from '#framework';
import { insertApplication } from '../support/application-fixture.js';
import { header, raterLink, readableBody } from '../support/mail-reading.js';
import type { ReceivedMail } from '../support/smtp-sink.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { caller, claimsOf, seedAccount } from './auth-harness.js';

// Issue 14, items 5-7, over HTTP with the worker and SMTP running: what the emails promise happens
// (or they do not promise it), staff and reviewers see which references still count, and every
// staff email links to a page its recipient's role opens.
const PASSWORD = 'correct horse battery staple';
const DAY = 24 * 3600 * 1000;
// MassAIMH offers the exam every month, so a sitting can be any number of days ahead.
const ASSOCIATION = 'MassAIMH';
const framework = loadFramework();
const DOMAINS = framework.competencyDomains.map((d) => d.code);
const allMet = Object.fromEntries(DOMAINS.map((code) => [code, 'met']));

interface Applicant {
  token: string;
  email: string;
  appId: string;
}

interface ReferenceView {
  raterName: string;
  status: string;
  standing: string;
  endedAt: string | null;
  replacedBy: { referenceId: string; raterName: string } | null;
}

describe('emails, views and links say what is true', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  let ds: DataSource;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let applicants = 0;

  async function staff(name: string, roles: string[]) {
    const email = `${name}@staff.example.org`;
    ids[name] = await seedAccount(ds, { email, password: PASSWORD, roles, associationCode: ASSOCIATION, fullName: `${name} Staff` });
    tokens[name] = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
  }

  /** A registered applicant owning an application inserted in `state`, naming one rater per role of the category. */
  async function applicant(category: string, state: 'submitted' | 'panel_review' | 'lapsed'): Promise<Applicant> {
    const email = `applicant${++applicants}@applicant.example.org`;
    expect(
      (await call('POST', '/api/v1/auth/register', { body: { email, password: PASSWORD, fullName: `Applicant ${applicants}`, associationCode: ASSOCIATION } }))
        .status,
    ).toBe(202);
    const token = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
    const references = raters(category, `a${applicants}`);
    const appId = await insertApplication(ds, framework, {
      state,
      association: ASSOCIATION,
      category,
      portfolio: { education: [], work: [], trainings: [], rsc: [], agreements: {}, membership: null, references },
    });
    await ds.query(`UPDATE applications SET applicant_id = $2 WHERE id = $1`, [appId, claimsOf(token).pid]);
    return { token, email, appId };
  }

  const raters = (category: string, tag: string) =>
    framework.rules(category, undefined, ASSOCIATION).references.roles.map((role, i) => ({
      // A rater's name is a person's name: letters only (the tag's digits spelled as letters).
      raterName: `Rater ${tag.replace(/\d/g, (d) => 'abcdefghij'[Number(d)])} ${'ABCDEFGH'[i]}`,
      raterEmail: `rater-${tag}-${i}@rater.example`,
      role: role.code,
      waivedAccess: true,
    }));

  const versionOf = async (id: string) => (await ds.query<{ version: number }[]>(`SELECT version FROM applications WHERE id = $1`, [id]))[0].version;
  const ifMatch = async (id: string) => ({ 'if-match': `"${await versionOf(id)}"` });
  const mailsTo = (address: string, template: string) => system.smtp.to(address).filter((m) => header(m, 'X-Template') === template);
  const oneMail = async (address: string, template: string): Promise<ReceivedMail> =>
    (
      await waitFor(
        `${template} to ${address}`,
        () => mailsTo(address, template),
        (m) => m.length === 1,
      )
    )[0];
  const pathOf = (url: string) => new URL(url).pathname;

  /** Sends a rater's form, every statement rated 3, through the link in their request email. */
  async function rate(raterEmail: string): Promise<string> {
    const link = raterLink(await oneMail(raterEmail, 'reference_request'))!;
    const answers = Object.fromEntries(framework.ratingForm.items.map((item) => [`item.${item.code}`, '3']));
    const res = await fetch(system.url(pathOf(link)), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(answers).toString(),
    });
    expect(res.status).toBe(200);
    return res.text();
  }

  /** The links in an email that point at the portal (not mailto:). */
  const portalLinks = (mail: ReceivedMail) =>
    [...new Set(readableBody(mail).match(/https?:\/\/[^\s"<>]+/g) ?? [])].filter((url) => url.startsWith(system.config.http.publicBaseUrl));

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000, REMINDER_SWEEP_EVERY_MS: 1000 } });
    ds = system.ds;
    await staff('coord', ['coordinator']);
    await staff('admin', ['administrator']);
    for (const name of ['r1', 'r2', 'r3']) await staff(name, ['reviewer']);
  });

  afterAll(() => system.stop());

  test('item 5: the emails of an exam category and an online sitting promise only what then happens', async () => {
    const ann = await applicant('IMHS', 'submitted');
    const begin = await call('POST', `/api/v1/staff/applications/${ann.appId}/transitions`, {
      token: tokens.coord,
      body: { event: 'begin_reference_checks' },
      headers: await ifMatch(ann.appId),
    });
    expect(begin.status).toBe(200);

    // The rater is told what their link does afterwards, and it does it.
    const [first, ...rest] = raters('IMHS', 'a1');
    const thanks = await rate(first.raterEmail);
    expect(thanks).toContain('if you open your link again, it will tell you that your reference has been sent');
    expect(thanks).not.toContain('no longer works');
    const reopened = await fetch(system.url(pathOf(raterLink(mailsTo(first.raterEmail, 'reference_request')[0])!)));
    expect(reopened.status).toBe(410);
    expect(await reopened.text()).toContain('this one has been sent');
    for (const rater of rest) await rate(rater.raterEmail);

    // Each "reference received" names the next step of an exam category, not an "all arrived" email ...
    const received = await waitFor(
      'reference_received for every rater',
      () => mailsTo(ann.email, 'reference_received'),
      (m) => m.length === 3,
    );
    for (const mail of received) {
      expect(readableBody(mail)).toContain('the next step is your approval to sit the exam, and we will email you when you are approved');
      expect(readableBody(mail)).not.toContain('when all have arrived');
    }
    // ... which indeed never comes: all references are in, and the application waits for the approval.
    expect((await ds.query(`SELECT state FROM applications WHERE id = $1`, [ann.appId]))[0].state).toBe('reference_checks');
    expect(await ds.query(`SELECT template FROM email_deliveries WHERE application_id = $1 AND template = 'references_complete'`, [ann.appId])).toEqual([]);
    // The approval email that was promised comes.
    expect(
      (await call('POST', `/api/v1/staff/applications/${ann.appId}/exam-approval`, { token: tokens.coord, body: {}, headers: await ifMatch(ann.appId) }))
        .status,
    ).toBe(200);
    await oneMail(ann.email, 'exam_approved');

    // An online sitting: the candidate code identifies the answers; nobody is told to write on pages.
    const window = await call('POST', '/api/v1/staff/exam-windows', {
      token: tokens.coord,
      body: {
        sitsOn: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
        registrationClosesAt: new Date(Date.now() + 20 * DAY).toISOString(),
        online: true,
        capacity: 5,
      },
    });
    expect(window.status).toBe(201);
    expect((await call('POST', `/api/v1/applications/${ann.appId}/exam-registration`, { token: ann.token, body: { windowId: window.body.id } })).status).toBe(
      201,
    );
    const seat = readableBody(await oneMail(ann.email, 'exam_registered'));
    expect(seat).toContain('to identify your answers to both parts');
    expect(seat).toContain('If you are not sure how to join the online sitting');
    expect(seat).not.toContain('every page');
    const timeline = await call('GET', `/api/v1/applications/${ann.appId}/timeline`, { token: ann.token });
    const step = (timeline.body.pendingSteps as { step: string; description: string }[]).find((s) => s.step === 'sit_exam')!;
    expect(step.description).toContain('identify your answers with your candidate code');
    expect(step.description).not.toContain('every page');
  });

  test('item 6: after a replacement or a reinstatement, staff and reviewers see which references still count', async () => {
    // Replacement: the applicant gives the second rater a new address before they answer.
    const bea = await applicant('IFA', 'submitted');
    await system.worker.get(TransitionApplication).execute({ applicationId: bea.appId, event: 'begin_reference_checks', actor: { id: null, role: 'system' } });
    const [one, two, three] = raters('IFA', 'a2');
    await oneMail(two.raterEmail, 'reference_request');
    const staffView = async (appId: string) =>
      (await call('GET', `/api/v1/staff/applications/${appId}`, { token: tokens.coord })).body as {
        references: ReferenceView[];
        currentReferenceCount: number;
      };
    const oldId = ((await staffView(bea.appId)).references.find((r) => r.raterName === two.raterName) as unknown as { id: string }).id;
    const replace = await call('PUT', `/api/v1/applications/${bea.appId}/references/${oldId}/email`, {
      token: bea.token,
      body: { email: 'two.new@rater.example' },
    });
    expect(replace.status).toBe(200);

    const replaced = await staffView(bea.appId);
    expect(replaced.currentReferenceCount).toBe(3);
    // Current ones first, in the order they were asked for (the first ones at one instant), the replaced one last.
    const namesOf = (refs: ReferenceView[]) => refs.map((r) => r.raterName).sort();
    expect(replaced.references.map((r) => r.standing)).toEqual(['current', 'current', 'current', 'replaced']);
    expect(namesOf(replaced.references.slice(0, 2))).toEqual([one.raterName, three.raterName]);
    expect(replaced.references.slice(2).map((r) => r.raterName)).toEqual([two.raterName, two.raterName]);
    const [newTwo] = replaced.references.filter((r) => r.standing === 'current' && r.raterName === two.raterName) as unknown as { id: string }[];
    expect(replaced.references[3]).toMatchObject({
      status: 'replaced',
      endedAt: expect.any(String),
      replacedBy: { referenceId: newTwo.id, raterName: two.raterName },
    });
    expect(replaced.references[0]).toMatchObject({ endedAt: null, replacedBy: null });

    // The reviewers read the same: every current reference answers, the application reaches panel review.
    for (const email of [one.raterEmail, 'two.new@rater.example', three.raterEmail]) await rate(email);
    await waitFor(
      'panel review',
      async () => (await ds.query(`SELECT state FROM applications WHERE id = $1`, [bea.appId]))[0].state as string,
      (s) => s === 'panel_review',
    );
    expect((await call('POST', `/api/v1/staff/applications/${bea.appId}/panel`, { token: tokens.coord, body: { reviewerIds: [ids.r1, ids.r2] } })).status).toBe(
      200,
    );
    const review = (await call('GET', `/api/v1/reviews/${bea.appId}`, { token: tokens.r1 })).body as {
      references: ReferenceView[];
      currentReferenceCount: number;
    };
    expect(review.currentReferenceCount).toBe(3);
    expect(review.references.map((r) => [r.status, r.standing])).toEqual([
      ['rated', 'current'],
      ['rated', 'current'],
      ['rated', 'current'],
      ['replaced', 'replaced'],
    ]);
    expect(namesOf(review.references.slice(0, 2))).toEqual([one.raterName, three.raterName]);
    expect(review.references.slice(2).map((r) => r.raterName)).toEqual([two.raterName, two.raterName]);
    expect(review.references[3].replacedBy).toEqual({ referenceId: newTwo.id, raterName: two.raterName });

    // Reinstatement: the earlier (rated) references are revoked; the new ones are the current ones.
    const cleo = await applicant('IFA', 'lapsed');
    for (const rater of raters('IFA', 'old')) {
      await ds.query(
        `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, rating, rated_at, created_at)
         VALUES ($1, $2, $3, $4, true, 'rated', '{}', now() - interval '2 years', now() - interval '2 years')`,
        [cleo.appId, rater.role, rater.raterName, rater.raterEmail],
      );
    }
    const fresh = raters('IFA', 'new');
    const reinstate = await call('POST', `/api/v1/applications/${cleo.appId}/reinstate`, { token: cleo.token, body: { references: fresh } });
    expect(reinstate.status).toBe(200);
    const after = await waitFor(
      'the new references',
      () => staffView(cleo.appId),
      (v) => v.references.length === 6,
    );
    expect(after.currentReferenceCount).toBe(3);
    // The new ones (asked for at one instant, so in no particular order among themselves) come first.
    expect(after.references.map((r) => r.standing)).toEqual(['current', 'current', 'current', 'revoked', 'revoked', 'revoked']);
    expect(namesOf(after.references.slice(0, 3))).toEqual(fresh.map((r) => r.raterName));
    expect(namesOf(after.references.slice(3))).toEqual(raters('IFA', 'old').map((r) => r.raterName));
    expect(after.references[3]).toMatchObject({ status: 'rated', endedAt: expect.any(String), replacedBy: null });
  });

  test("item 7: every staff email links to a page its recipient's role opens, never the applicant's", async () => {
    const dee = await applicant('IFA', 'panel_review');
    const assign = (reviewerIds: string[]) => call('POST', `/api/v1/staff/applications/${dee.appId}/panel`, { token: tokens.coord, body: { reviewerIds } });
    /**
     * Follows every portal link of a staff email, as its recipient, when it arrives: each is a staff
     * page whose data, the JSON API's route of the same path, opens (the web app serves the page).
     */
    async function linksOpen(to: string, template: string, token: string): Promise<void> {
      const links = portalLinks(await oneMail(to, template));
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        const path = pathOf(link);
        expect(path).toMatch(/^\/(staff\/applications\/[0-9a-f-]{36}|reviews(\/[0-9a-f-]{36})?)$/);
        expect([template, path, (await call('GET', `${API_PREFIX}${path}`, { token })).status]).toEqual([template, path, 200]);
      }
    }

    expect((await assign([ids.r1, ids.r2])).status).toBe(200);
    await linksOpen('r2@staff.example.org', 'panel_assigned', tokens.r2);
    expect((await assign([ids.r1, ids.r3])).status).toBe(200);
    await linksOpen('r2@staff.example.org', 'panel_released', tokens.r2);
    await linksOpen('r3@staff.example.org', 'panel_assigned', tokens.r3);

    // The reviewers disagree: the administrator decides.
    expect((await call('POST', `/api/v1/reviews/${dee.appId}/vote`, { token: tokens.r1, body: { checklist: allMet, recommendation: 'endorse' } })).status).toBe(
      201,
    );
    expect(
      (
        await call('POST', `/api/v1/reviews/${dee.appId}/vote`, {
          token: tokens.r3,
          body: { checklist: allMet, recommendation: 'deny', notes: 'Not enough supervised work yet.' },
        })
      ).status,
    ).toBe(201);
    await linksOpen('admin@staff.example.org', 'panel_escalated', tokens.admin);

    // A reference unanswered for 21 days (of the worker's clock) on an application the coordinator has claimed.
    const eve = await applicant('IFA', 'submitted');
    await ds.query(`UPDATE applications SET state = 'reference_checks', assignee_id = $2 WHERE id = $1`, [eve.appId, ids.coord]);
    const now = system.clock.now();
    const [ref] = await ds.query<{ id: string }[]>(
      `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, requested_at, created_at)
       VALUES ($1, 'colleague_or_parent', 'Slow Rater', 'slow@rater.example', true, 'requested', $2, $2) RETURNING id`,
      [eve.appId, new Date(now.getTime() - 21 * DAY)],
    );
    await ds.query(
      `INSERT INTO reminders (kind, subject_key, application_id, reference_id, offset_days, due_at, created_at) VALUES ('reference_overdue', $1::text, $2, $1::uuid, 21, $3, $3)`,
      [ref.id, eve.appId, new Date(now.getTime() - 1000)],
    );
    await linksOpen('coord@staff.example.org', 'reference_overdue_coordinator', tokens.coord);
    // What the escalation used to link to: the applicant's own page, which staff cannot open.
    expect((await call('GET', `/api/v1/applications/${dee.appId}`, { token: tokens.admin })).status).toBe(403);

    // The administrator decides; the endorsed email gives the number, says where the certificate is, and its links open for the applicant
    // (the application page, whose endorsement has its certificate at /endorsements/{id}/certificate, and the public check).
    const decide = await call('POST', `/api/v1/staff/applications/${dee.appId}/panel-decision`, {
      token: tokens.admin,
      body: { recommendation: 'endorse' },
      headers: await ifMatch(dee.appId),
    });
    expect(decide.status).toBe(200);
    const endorsed = await oneMail(dee.email, 'endorsed');
    expect(readableBody(endorsed)).toMatch(/Your endorsement number is [A-Z0-9-]+\./);
    const paths = portalLinks(endorsed).map(pathOf);
    expect(paths).toHaveLength(2);
    expect(paths).toEqual(expect.arrayContaining([`/endorsements/${dee.appId}`, expect.stringMatching(/^\/verify\/[A-Z0-9-]+$/)]));
    // The check is an HTML page for anyone; the endorsement page is the applicant's.
    for (const link of paths) expect((await fetch(system.url(link), { headers: { authorization: `Bearer ${dee.token}` } })).status).toBe(200);
    expect((await fetch(system.url(`/api/v1/endorsements/${dee.appId}/certificate`), { headers: { authorization: `Bearer ${dee.token}` } })).status).toBe(200);
  });
});
