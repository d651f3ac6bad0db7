import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import { caller, seedAccount } from '../api/auth-harness.js';
import { EMAIL_TEMPLATE_SOURCES } from '../../libs/mail/src/templates/email-template-sources.js';
import { insertApplication } from '../support/application-fixture.js';
import { header, readableBody } from '../support/mail-reading.js';
import { Portals, type Portal } from '../support/portal.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

const PASSWORD = 'a long passphrase for staff';
const STAFF_TEMPLATES = Object.entries(EMAIL_TEMPLATE_SOURCES)
  .filter(([, t]) => t.audience === 'staff')
  .map(([name]) => name)
  .sort();
const framework = loadFramework();
const allMet = Object.fromEntries(framework.competencyDomains.map((d) => [d.code, 'met']));

const system = new TestSystem();
const call = caller(() => system.api!);
const portals = new Portals();

beforeAll(async () => {
  await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000, REMINDER_SWEEP_EVERY_MS: 1000 } });
});
afterAll(async () => {
  await portals.close();
  await system.stop();
});
afterEach(() => expect(portals.problems()).toEqual([]));

/** Where a staff email's link must land, for whom, and what that page must show. */
interface Landing {
  to: string;
  path: string;
  heading: string | RegExp;
  /** The part of the page the email is about, scrolled into view (the link's fragment). */
  part?: { id: string; heading: string };
  shows: (portal: Portal) => Promise<void>;
}

test('every staff email links to the page that deals with it, opened by its recipient signed in', async () => {
  const { ds, clock } = system;
  const staff = async (name: string, roles: string[], fullName: string) =>
    seedAccount(ds, { email: `${name}@staff.example.org`, password: PASSWORD, roles, associationCode: 'MI-AIMH', fullName });
  const cora = await staff('cora', ['coordinator'], 'Cora Coordinator');
  await staff('ada', ['administrator'], 'Ada Administrator');
  const reviewers = {
    rhea: await staff('rhea', ['reviewer'], 'Rhea Reviewer'),
    rex: await staff('rex', ['reviewer'], 'Rex Reviewer'),
    ravi: await staff('ravi', ['reviewer'], 'Ravi Reviewer'),
    uma: await staff('uma', ['reviewer'], 'Uma Reviewer'),
    vic: await staff('vic', ['reviewer'], 'Vic Reviewer'),
  };
  const token = async (name: string) =>
    (await call('POST', '/api/v1/auth/login', { body: { email: `${name}@staff.example.org`, password: PASSWORD } })).body.accessToken as string;
  const application = async (state: 'panel_review' | 'reference_checks', name: string) => {
    const id = await insertApplication(ds, framework, { state });
    await ds.query(`UPDATE people SET full_name = $2 WHERE id = (SELECT applicant_id FROM applications WHERE id = $1)`, [id, name]);
    return id;
  };
  const seat = async (id: string, names: (keyof typeof reviewers)[]) => {
    const reply = await call('POST', `/api/v1/staff/applications/${id}/panel`, {
      token: await token('cora'),
      body: { reviewerIds: names.map((n) => reviewers[n]) },
    });
    expect(reply.status).toBe(200);
  };

  // Panel assigned and released, as a coordinator changes a panel: Rex is taken off, Ravi joins.
  const seated = await application('panel_review', 'Pia Panel');
  await seat(seated, ['rhea', 'rex']);
  await seat(seated, ['rhea', 'ravi']);
  // Escalated, as two reviewers disagree.
  const escalated = await application('panel_review', 'Eli Escalated');
  await seat(escalated, ['uma', 'vic']);
  for (const [who, recommendation] of [
    ['uma', 'endorse'],
    ['vic', 'deny'],
  ] as const) {
    const vote = await call('POST', `/api/v1/reviews/${escalated}/vote`, {
      token: await token(who),
      body: { checklist: allMet, recommendation, notes: `${who} says ${recommendation}.` },
    });
    expect(vote.status).toBeLessThan(300);
  }
  // Overdue, as the reminder sweep finds a reference unanswered for 21 days on an application Cora works.
  const overdue = await application('reference_checks', 'Olive Overdue');
  await ds.query(`UPDATE applications SET assignee_id = $2 WHERE id = $1`, [overdue, cora]);
  const [ref] = await ds.query<{ id: string }[]>(
    `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, token_expires_at, requested_at, created_at)
     VALUES ($1, 'colleague_or_parent', 'Slow Rater', 'slow@rater.example', true, 'requested', $2::timestamptz + interval '9 days', $2, $2) RETURNING id`,
    [overdue, new Date(clock.now().getTime() - 21 * 86_400_000)],
  );
  await ds.query(
    `INSERT INTO reminders (kind, subject_key, application_id, reference_id, offset_days, due_at, created_at) VALUES ('reference_overdue', $1::text, $2, $1::uuid, 21, $3, $3)`,
    [ref.id, overdue, new Date(clock.now().getTime() - 1000)],
  );

  const landings: Record<string, Landing> = {
    reference_overdue_coordinator: {
      to: 'cora',
      path: `/staff/applications/${overdue}`,
      heading: 'Olive Overdue, IFA',
      part: { id: 'references', heading: 'References' },
      shows: async (p) => {
        const card = p.page.locator('#references .card').filter({ hasText: 'Slow Rater' });
        await card.getByText('slow@rater.example').waitFor();
        await card.getByText('requested', { exact: true }).waitFor();
      },
    },
    panel_assigned: {
      to: 'ravi',
      path: `/reviews/${seated}`,
      heading: 'Review a portfolio',
      shows: async (p) => {
        await p.page.getByText('Pia Panel', { exact: true }).waitFor();
        await p.page.getByRole('button', { name: 'Cast my vote' }).waitFor();
      },
    },
    panel_released: {
      to: 'rex',
      path: '/reviews',
      heading: 'My reviews',
      // The review he was taken off is no longer listed.
      shows: async (p) => {
        await p.page.getByText('No portfolio is waiting for your review.').waitFor();
        expect(await p.page.getByRole('link', { name: /Pia Panel/ }).count()).toBe(0);
      },
    },
    panel_escalated: {
      to: 'ada',
      path: `/staff/applications/${escalated}`,
      heading: 'Eli Escalated, IFA',
      part: { id: 'panel', heading: 'Review panel' },
      shows: async (p) => {
        const votes = p.page.locator('#panel .votes');
        await votes.getByRole('article', { name: 'Vote of Uma Reviewer' }).getByText('Endorse', { exact: true }).waitFor();
        await votes.getByRole('article', { name: 'Vote of Vic Reviewer' }).getByText('Deny', { exact: true }).waitFor();
        await p.page.locator('#panel').getByRole('button', { name: 'Decide' }).waitFor();
      },
    },
  };
  // A staff template added without a landing here fails.
  expect(Object.keys(landings).sort()).toEqual(STAFF_TEMPLATES);

  const mailOf = (template: string) => system.smtp.to(`${landings[template].to}@staff.example.org`).find((m) => header(m, 'X-Template') === template);
  await waitFor(
    'every staff email',
    () => STAFF_TEMPLATES.filter((t) => !mailOf(t)),
    (missing) => missing.length === 0,
    60_000,
  );

  const linksIn = (mail: NonNullable<ReturnType<typeof mailOf>>) => {
    const body = readableBody(mail).replace(/^[\s\S]*?\r?\n\r?\n/, '');
    return [...new Set(body.match(/https?:\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d+)?(?:\/[^\s"<>)\]]*)?/g) ?? [])].map((u) => new URL(u));
  };
  // Each template's recipient, signed in on the page its link opened.
  const recipients: Record<string, Portal> = {};
  for (const template of STAFF_TEMPLATES) {
    const landing = landings[template];
    const urls = linksIn(mailOf(template)!);
    expect({ template, paths: urls.map((u) => `${u.pathname}${u.hash}`) }).toEqual({
      template,
      paths: [`${landing.path}${landing.part ? `#${landing.part.id}` : ''}`],
    });

    // Its recipient, in a browser of their own: the link first, then signing in, which returns to it.
    const portal = await portals.signedIn(
      system.url('/'),
      urls[0].toString(),
      { email: `${landing.to}@staff.example.org`, password: PASSWORD },
      { width: 360 },
    );
    recipients[template] = portal;
    await portal.onPage(landing.heading);
    await landing.shows(portal);
    if (landing.part) {
      const part = portal.page.locator(`#${landing.part.id}`);
      await part.getByRole('heading', { level: 2, name: landing.part.heading }).waitFor();
      // On a phone the part is far down the page: the link brings it into view.
      await waitFor(
        `${template}: #${landing.part.id} in view`,
        async () => (await part.boundingBox())?.y ?? Infinity,
        (y) => y > -1 && y < 800,
      );
    }
    expect({ template, errors: await portal.page.locator('.notice-error').count() }).toEqual({ template, errors: 0 });
    expect({ template, violations: await portal.accessibilityViolations() }).toEqual({ template, violations: [] });
  }

  // An earlier email: Rex's request to review Pia Panel, opened after he was taken off that panel, says so and leads to his reviews.
  const rex = recipients.panel_released;
  const [stale] = linksIn(system.smtp.to('rex@staff.example.org').find((m) => header(m, 'X-Template') === 'panel_assigned')!);
  expect(stale.pathname).toBe(`/reviews/${seated}`);
  await rex.goto(stale.toString());
  await rex.page
    .getByRole('alert')
    .getByText('This application is not (or no longer) yours to review: the panel may have changed.', { exact: false })
    .waitFor();
  expect(await rex.accessibilityViolations()).toEqual([]);
  await rex.page.getByRole('link', { name: 'All my reviews' }).click();
  await rex.onPage('My reviews');
}, 300_000);
