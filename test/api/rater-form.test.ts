import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ReplaceRaterAddress, TransitionApplication } from '#endorsement';
import { loadFramework, type Framework } from '#framework';
import { ManualClock } from '#platform';
import { applicationState, insertApplication } from '../support/application-fixture.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { header, raterLink, readableBody } from '../support/mail-reading.js';

interface Page {
  status: number;
  type: string;
  headers: Headers;
  html: string;
}

interface ReferenceRow {
  id: string;
  rater_email: string;
  status: string;
  rating: { answers: Record<string, number | string>; comments: string; notEnoughInformation: number; frameworkVersion: string; validUntil: string } | null;
  rated_at: Date | null;
}

const RATERS = [
  { raterName: 'Rosa Supervisor', raterEmail: 'rosa@rater.example', role: 'supervisor_teacher_or_cda_mentor', waivedAccess: true },
  { raterName: 'Vera Vetted', raterEmail: 'vera@rater.example', role: 'endorsed_or_vetted_rater', waivedAccess: false },
  // Two for the third role: Colin's form will not count, Pat's will.
  { raterName: 'Colin Colleague', raterEmail: 'colin@rater.example', role: 'colleague_or_parent', waivedAccess: false },
  { raterName: 'Pat Parent', raterEmail: 'pat@rater.example', role: 'colleague_or_parent', waivedAccess: false },
];

describe('the rater form at /r/:token, end to end through api and worker', () => {
  // The worker (which writes link expiries) and the api (system clock) agree on "now".
  const clock = new ManualClock(new Date());
  const system = new TestSystem(clock);
  const smtp = system.smtp;
  let worker: INestApplication;
  let ds: DataSource;
  let framework: Framework;
  let appId: string;
  let applicant: string;
  const links = new Map<string, string>();

  const form = () => framework.ratingForm;
  const answers = (value: (i: number) => string): Record<string, string> => Object.fromEntries(form().items.map((item, i) => [`item.${item.code}`, value(i)]));
  const templatesTo = (address: string) => smtp.to(address).map((m) => header(m, 'X-Template'));
  const refs = async () =>
    await ds.query<ReferenceRow[]>(`SELECT id, rater_email, status, rating, rated_at FROM application_references WHERE application_id = $1`, [appId]);
  const ref = async (email: string) => (await refs()).find((r) => r.rater_email === email)!;

  /** A link from an email, pointed at the api under test instead of PUBLIC_BASE_URL. */
  const pathOf = (link: string) => new URL(link).pathname;
  async function send(path: string, init?: RequestInit): Promise<Page> {
    const res = await fetch(system.url(path), init);
    return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, html: await res.text() };
  }
  const open = (email: string) => send(pathOf(links.get(email)!));
  const post = (email: string, fields: Record<string, string>) =>
    send(pathOf(links.get(email)!), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  async function linkFor(email: string): Promise<string> {
    const [mail] = await waitFor(
      `the request to ${email}`,
      () => smtp.to(email),
      (m) => m.length > 0,
    );
    return raterLink(mail)!;
  }

  beforeAll(async () => {
    await system.start({ api: true });
    ({ worker, ds } = system);
    framework = loadFramework();
    appId = await insertApplication(ds, framework, {
      state: 'submitted',
      portfolio: { education: [], work: [], trainings: [], rsc: [], agreements: {}, membership: null, references: RATERS },
    });
    [{ email: applicant }] = await ds.query(`SELECT p.email FROM applications a JOIN people p ON p.id = a.applicant_id WHERE a.id = $1`, [appId]);
    await worker.get(TransitionApplication).execute({ applicationId: appId, event: 'begin_reference_checks', actor: { id: null, role: 'system' } });
    for (const { raterEmail } of RATERS) links.set(raterEmail, await linkFor(raterEmail));
  });

  afterAll(async () => {
    await system.stop();
  });

  test("the link opens an accessible HTML form about the applicant's application, kept private", async () => {
    const page = await open('rosa@rater.example');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toContain('Reference for Test Applicant');
    expect(page.html).toContain(framework.rulesSnapshot('MI-AIMH', 'IFA').displayName);
    expect(page.html).toContain('Michigan Association for Infant Mental Health');
    expect(page.html).toContain('has waived the right to read your answers');
    expect(page.html.match(/<fieldset/g)).toHaveLength(form().items.length);
    expect(page.html).toContain('Understands how infants and very young children develop and behave.');
    expect(page.html).toContain('Not enough information to rate');
    expect(page.html).toContain('<button type="submit">');
    // The secret stays on this page: no caching, no Referer, no framing, no script.
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  test('a form with a missing answer comes back (422) with an error summary and the answers kept; nothing is stored', async () => {
    const missing = form().items[4];
    const fields: Record<string, string> = { ...answers(() => '3'), 'item.understands_development': '4', comments: 'Careful & kind' };
    delete fields[`item.${missing.code}`];
    const page = await post('rosa@rater.example', fields);
    expect(page.status).toBe(422);
    expect(page.type).toContain('text/html');
    expect(page.html).toContain('There is a problem with the form');
    expect(page.html.indexOf('error-summary')).toBeLessThan(page.html.indexOf('<form'));
    expect(page.html).toContain(`href="#item-${missing.code}-choice-0">Choose an answer for statement 5`);
    expect(page.html).toContain('name="item.understands_development" value="4" checked>');
    expect(page.html).toContain('>Careful &amp; kind</textarea>');
    expect(await ref('rosa@rater.example')).toMatchObject({ status: 'requested', rating: null, rated_at: null });
  });

  test('unknown fields, a repeated answer or an answer off the scale are refused (422), nothing stored', async () => {
    expect((await post('rosa@rater.example', { ...answers(() => '3'), admin: 'true' })).status).toBe(422);
    expect((await post('rosa@rater.example', { ...answers(() => '3'), 'item.understands_development': '9' })).status).toBe(422);
    const repeated = new URLSearchParams(answers(() => '3'));
    repeated.append('item.understands_development', '1');
    const page = await send(pathOf(links.get('rosa@rater.example')!), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: repeated.toString(),
    });
    expect(page.status).toBe(422);
    expect(page.html).toContain('Choose only one answer for statement 1');
    const tooLong = await post('rosa@rater.example', { ...answers(() => '3'), comments: 'x'.repeat(4001) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.html).toContain('Comments must be 4,000 characters or fewer');
    expect(await ref('rosa@rater.example')).toMatchObject({ status: 'requested', rating: null });
  });

  test('a NUL or an unpaired surrogate in the comments gets a kind page (400) instead of being stored', async () => {
    const nul = await post('rosa@rater.example', { ...answers(() => '3'), comments: 'Careful\u0000 and kind' });
    expect(nul.status).toBe(400);
    expect(nul.type).toContain('text/html');
    expect(nul.html).toContain('we could not read the form');
    // A browser sends forms as UTF-8, which cannot carry a lone surrogate; a JSON body can.
    const surrogate = await send(pathOf(links.get('rosa@rater.example')!), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...answers(() => '3'), comments: 'Careful \ud800 and kind' }),
    });
    expect(surrogate.status).toBe(400);
    expect(surrogate.html).toContain('we could not read the form');
    expect(await ref('rosa@rater.example')).toMatchObject({ status: 'requested', rating: null, rated_at: null });
  });

  test('a complete form is thanked (200), stored with its answers, and the link then answers 410', async () => {
    const page = await post('rosa@rater.example', {
      ...answers((i) => (i === 0 ? 'nei' : String((i % 4) + 1))),
      comments: '  Warm and reliable.\r\nSecond line.  ',
    });
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Thank you</h1>');
    const stored = await ref('rosa@rater.example');
    expect(stored.status).toBe('rated');
    expect(stored.rated_at).toBeInstanceOf(Date);
    expect(stored.rating).toMatchObject({ comments: 'Warm and reliable.\nSecond line.', notEnoughInformation: 1, frameworkVersion: framework.version });
    expect(stored.rating!.answers).toMatchObject({ understands_development: 'nei', family_centered: 2, attachment_and_loss: 3 });
    expect(Object.keys(stored.rating!.answers)).toHaveLength(form().items.length);
    // No more reminders for an answered reference.
    const pending = await ds.query(`SELECT count(*)::int AS n FROM reminders WHERE reference_id = $1 AND status = 'pending'`, [stored.id]);
    expect(pending[0].n).toBe(0);

    const again = await open('rosa@rater.example');
    expect(again.status).toBe(410);
    expect(again.html).toContain('already been used');
    const resent = await post(
      'rosa@rater.example',
      answers(() => '1'),
    );
    expect(resent.status).toBe(410);
    expect((await ref('rosa@rater.example')).rating!.answers.family_centered).toBe(2);
  });

  test('the applicant is told a reference arrived, by whom, never what it says', async () => {
    const [mail] = await waitFor(
      'reference_received',
      () => smtp.to(applicant).filter((m) => header(m, 'X-Template') === 'reference_received'),
      (m) => m.length === 1,
    );
    const body = readableBody(mail);
    expect(body).toContain('Rosa Supervisor');
    expect(body).not.toContain('Warm and reliable');
  });

  test(`${6} or more "not enough information" answers: the rater is thanked, the form is stored as invalid and does not count`, async () => {
    const invalidAt = form().notEnoughInformation.invalidAt;
    expect(invalidAt).toBe(6);
    const page = await post(
      'colin@rater.example',
      answers((i) => (i < invalidAt ? 'nei' : '3')),
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Thank you</h1>');
    expect(page.html).toContain('we are asking Test Applicant to name another rater'); // kept just below
    expect(await ref('colin@rater.example')).toMatchObject({ status: 'invalid', rating: expect.objectContaining({ notEnoughInformation: 6 }) });
    expect((await open('colin@rater.example')).status).toBe(410);
    // The applicant is asked for another rater, not told a reference arrived.
    const [notice] = await waitFor(
      'the not-counted notice',
      () => smtp.to(applicant).filter((m) => header(m, 'X-Template') === 'reference_not_counted'),
      (m) => m.length > 0,
    );
    expect(readableBody(notice)).toContain('Colin Colleague');
    expect(readableBody(notice)).toContain('Please name another rater');
    expect(smtp.to(applicant).filter((m) => header(m, 'X-Template') === 'reference_received')).toHaveLength(1);
    expect(await applicationState(ds, appId)).toBe('reference_checks');

    // Another person for the role gets a request of their own; Colin's link stays closed.
    const colin = await ref('colin@rater.example');
    await worker
      .get(ReplaceRaterAddress)
      .execute({ applicationId: appId, referenceId: colin.id, raterEmail: 'nora@rater.example', raterName: 'Nora Newrater' });
    const [request] = await waitFor(
      'the request to the new rater',
      () => smtp.to('nora@rater.example'),
      (m) => m.length > 0,
    );
    expect(readableBody(request)).toContain('Nora Newrater');
    expect((await open('colin@rater.example')).status).toBe(404); // a replaced link, like an unknown one
    expect(await ref('nora@rater.example')).toMatchObject({ status: 'requested' });
  });

  test('a tampered, malformed, replaced or unknown link gets the same kind 404 page that names no one', async () => {
    const rosa = links.get('rosa@rater.example')!;
    const token = rosa.split('/r/')[1];
    const tampered = await send(`/r/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
    expect(tampered.status).toBe(404);
    expect(tampered.type).toBe('text/html; charset=utf-8');
    expect(tampered.html).toContain('This link does not work');
    expect(tampered.html).toContain('contact the association that asked you, or the person who asked you');
    for (const secret of ['Test Applicant', 'Rosa', 'Michigan', 'Infant Family']) expect(tampered.html).not.toContain(secret);

    const [vera] = (await refs()).filter((r) => r.rater_email === 'vera@rater.example');
    await worker.get(ReplaceRaterAddress).execute({ applicationId: appId, referenceId: vera.id, raterEmail: 'vera.new@rater.example' });
    const replaced = await open('vera@rater.example');
    expect(replaced.status).toBe(404);
    // Unknown and withdrawn look exactly the same.
    expect(replaced.html).toBe(tampered.html);
    const replacedPost = await post(
      'vera@rater.example',
      answers(() => '3'),
    );
    expect(replacedPost.status).toBe(404);
    expect(replacedPost.html).toBe(tampered.html);
    expect((await send('/r/short')).html).toBe(tampered.html);
    expect((await send(`/r/${'A'.repeat(43)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x=1' })).status).toBe(
      404,
    );
    links.set('vera.new@rater.example', await linkFor('vera.new@rater.example'));
  });

  test('an expired link answers 410 to GET and POST and stores nothing', async () => {
    await ds.query(`UPDATE application_references SET token_expires_at = now() - interval '1 minute' WHERE rater_email = 'pat@rater.example'`);
    const page = await open('pat@rater.example');
    expect(page.status).toBe(410);
    expect(page.html).toContain('This link has expired');
    expect(page.html).not.toContain('Test Applicant');
    expect(
      (
        await post(
          'pat@rater.example',
          answers(() => '4'),
        )
      ).status,
    ).toBe(410);
    expect(await ref('pat@rater.example')).toMatchObject({ status: 'requested', rating: null });
    await ds.query(`UPDATE application_references SET token_expires_at = now() + interval '30 days' WHERE rater_email = 'pat@rater.example'`);
  });

  test('the last two ratings arriving together complete the references: panel review, applicant told; a double submit gets 410', async () => {
    const results = await Promise.all([
      post(
        'vera.new@rater.example',
        answers(() => '4'),
      ),
      post(
        'pat@rater.example',
        answers(() => '3'),
      ),
      post(
        'pat@rater.example',
        answers(() => '2'),
      ),
    ]);
    expect(results[0].status).toBe(200);
    expect([results[1].status, results[2].status].sort()).toEqual([200, 410]);
    expect(await ref('vera.new@rater.example')).toMatchObject({ status: 'rated' });
    expect(await ref('pat@rater.example')).toMatchObject({ status: 'rated' });

    expect(await applicationState(ds, appId)).toBe('panel_review');
    const events = await ds.query(`SELECT event, actor_role, from_state, to_state FROM application_events WHERE application_id = $1 ORDER BY version`, [appId]);
    expect(events.at(-1)).toEqual({ event: 'complete_references', actor_role: 'system', from_state: 'reference_checks', to_state: 'panel_review' });

    await waitFor(
      'references_complete',
      () => templatesTo(applicant),
      (t) => t.includes('references_complete') && t.filter((x) => x === 'reference_received').length === 3,
    );
    const received = smtp
      .to(applicant)
      .filter((m) => header(m, 'X-Template') === 'reference_received')
      .map((m) => readableBody(m));
    for (const name of ['Rosa Supervisor', 'Vera Vetted', 'Pat Parent']) expect(received.some((b) => b.includes(name))).toBe(true);
    expect(received.some((b) => b.includes('Colin'))).toBe(false);
    // Every open reminder of the references stopped with the step.
    const pending = async () =>
      (await ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM reminders WHERE application_id = $1 AND status = 'pending'`, [appId]))[0].n;
    await waitFor('reminders cancelled', pending, (n) => n === 0);
  });

  test('once the application has moved on, a link that was never used no longer opens (404)', async () => {
    // Setup: make Colin's link look unused again. The application has left reference_checks, so it stays shut.
    await ds.query(`UPDATE application_references SET status = 'requested', rating = NULL, rated_at = NULL WHERE rater_email = 'colin@rater.example'`);
    expect((await open('colin@rater.example')).status).toBe(404);
  });

  test('a body over the size limit is refused without storing anything', async () => {
    const page = await send(pathOf(links.get('colin@rater.example')!), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `comments=${'x'.repeat(70 * 1024)}`,
    });
    // Body parsing fails before any route: the api's problem+json. The form itself cannot get near 64 kB.
    expect(page.status).toBe(413);
    expect(await ref('colin@rater.example')).toMatchObject({ rating: null });
  });
});
