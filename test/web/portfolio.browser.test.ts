import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import type { Locator } from 'playwright-core';
import { createApiClient, type ApiClient } from '#api-client';
import { loadFramework } from '#framework';
import { seedAccount } from '../api/auth-harness.js';
import { header, raterLink } from '../support/mail-reading.js';
import { day, type RaterEntry } from '../support/portfolio-fixture.js';
import { Portals, type Portal } from '../support/portal.js';
import type { ReceivedMail } from '../support/smtp-sink.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

declare const document: { activeElement: unknown; documentElement: { scrollWidth: number } };

/**
 * The applicant's part of the portal in Chromium at 360 px: from registration to endorsed (staff
 * and raters through the API and the rater form, as the journeys do), the portfolio completed with
 * the keyboard alone, the API's field errors beside their fields, and focus after navigation.
 */

const PASSWORD = 'a long passphrase for the portfolio';
const ASSOCIATION = 'MI-AIMH';
const framework = loadFramework();
const IFA = framework.rulesSnapshot(ASSOCIATION, 'IFA');
const AREA = framework.competencyDomains.flatMap((d) => d.areas).find((a) => a.code === 'observation_listening')!.label;
const TOP_LEVEL = IFA.educationLevels.at(-1)!.label;

describe('the portfolio in a real browser: start, fill in, submit, endorsed', () => {
  const system = new TestSystem();
  const portals = new Portals();
  let api: ApiClient;
  let portal: Portal;
  const staff: Record<string, { token: string; id: string }> = {};

  function ok<T>(res: { data?: T; error?: unknown; response: Response }): T {
    expect({ success: res.response.ok, status: res.response.status, body: res.error }).toMatchObject({ success: true });
    return res.data as T;
  }
  const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  async function staffMember(name: string, roles: string[]): Promise<void> {
    const email = `${name}@mi-aimh.example`;
    const id = await seedAccount(system.ds, { email, password: PASSWORD, roles, associationCode: ASSOCIATION, fullName: name });
    const { accessToken } = ok(await api.POST('/api/v1/auth/login', { body: { email, password: PASSWORD } }));
    staff[name] = { token: accessToken, id };
  }

  async function mailTo(address: string, template: string): Promise<ReceivedMail> {
    const mails = await waitFor(
      `${template} to ${address}`,
      () => system.smtp.to(address).filter((m) => header(m, 'X-Template') === template),
      (m) => m.length > 0,
    );
    return mails[0];
  }

  async function versionOf(id: string): Promise<string> {
    return String(ok(await api.GET('/api/v1/staff/applications/{id}', { params: { path: { id } }, ...as(staff.cora.token) })).version);
  }

  /** What the coordinator, the raters and the reviewers do, through the API and the rater form. */
  async function staffEndorse(id: string, raters: RaterEntry[]): Promise<void> {
    ok(await api.POST('/api/v1/staff/applications/{id}/claim', { params: { path: { id } }, ...as(staff.cora.token) }));
    ok(
      await api.POST('/api/v1/staff/applications/{id}/transitions', {
        params: { path: { id }, header: { 'If-Match': await versionOf(id) } },
        body: { event: 'begin_reference_checks' },
        ...as(staff.cora.token),
      }),
    );
    for (const rater of raters) {
      const path = new URL(raterLink(await mailTo(rater.email, 'reference_request'))!).pathname;
      const fields = new URLSearchParams(framework.ratingForm.items.map((item): [string, string] => [`item.${item.code}`, '4']));
      expect(
        (await fetch(system.url(path), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() })).status,
      ).toBe(200);
    }
    await waitFor(
      'panel review',
      async () => ok(await api.GET('/api/v1/staff/applications/{id}', { params: { path: { id } }, ...as(staff.cora.token) })).state,
      (s) => s === 'panel_review',
    );
    ok(
      await api.POST('/api/v1/staff/applications/{id}/panel', {
        params: { path: { id } },
        body: { reviewerIds: [staff.rhea.id, staff.ravi.id] },
        ...as(staff.cora.token),
      }),
    );
    const checklist = Object.fromEntries(framework.competencyDomains.map((d): [string, 'met'] => [d.code, 'met']));
    for (const reviewer of ['rhea', 'ravi']) {
      ok(
        await api.POST('/api/v1/reviews/{applicationId}/vote', {
          params: { path: { applicationId: id } },
          body: { checklist, recommendation: 'endorse' },
          ...as(staff[reviewer].token),
        }),
      );
    }
  }

  /**
   * axe's serious and critical findings, once React Aria's live announcer has cleared what it said
   * after a choice from a list: for a few seconds it refers to the closed list's option, which axe
   * reports as an image without a name.
   */
  async function violations(): Promise<string[]> {
    await portal.page.locator('[role=log] [aria-labelledby]').first().waitFor({ state: 'detached' });
    return portal.accessibilityViolations();
  }

  /** Opens a section of the editor from its list of sections. */
  async function section(title: string): Promise<void> {
    await portal.page
      .getByRole('navigation', { name: 'Portfolio sections' })
      .getByRole('link', { name: new RegExp(title) })
      .click();
    await portal.page.getByRole('heading', { level: 2, name: title }).waitFor();
  }

  async function saved(button: string): Promise<void> {
    await portal.page.getByRole('button', { name: button }).click();
    await portal.page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
  }

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1_000 } });
    api = createApiClient(system.url(''));
    await staffMember('cora', ['coordinator']);
    await staffMember('rhea', ['reviewer']);
    await staffMember('ravi', ['reviewer']);
    portal = await portals.open(system.url('/'), { width: 360 });
  });

  afterAll(async () => {
    await portals.close();
    await system.stop();
  });

  afterEach(() => expect(portals.problems()).toEqual([]));

  test('an Infant Family Associate registers, starts, fills in every section, submits, and after the reviews sees the endorsement on the home page', async () => {
    const page = portal.page;
    const raters: RaterEntry[] = [
      { name: 'Sam Supervisor', email: 'sam@raters.example', waived: true },
      { name: 'Vera Vetted', email: 'vera@raters.example', waived: false },
      { name: 'Cole Colleague', email: 'cole@raters.example', waived: false },
    ];
    await portal.goto('/register');
    // The list of associations loads after the page; on a busy machine that can take a while.
    await page.getByRole('button', { name: /Your association/ }).click({ timeout: 60_000 });
    await page.getByRole('option', { name: /Michigan/ }).click();
    await page.getByLabel('Your full name').fill('Iris Associate');
    await page.getByLabel('Email address').fill('iris@family.example');
    await page.getByLabel('New password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await portal.onPage('My applications');
    await page.getByText('You have no application yet').waitFor();
    expect(await violations()).toEqual([]);

    await page.getByRole('link', { name: 'Start an application' }).click();
    await portal.onPage('Start an application');
    expect(await portal.focused()).toEqual({ tag: 'H1', text: 'Start an application' });
    await page.getByRole('radio', { name: /Infant Family Associate/ }).check({ force: true });
    await page.getByRole('heading', { name: /What Infant Family Associate asks/ }).waitFor();
    expect(await page.locator('.asks li').count()).toBeGreaterThan(0);
    await expect(page.locator('.asks').textContent()).resolves.toContain(`$${IFA.applicationFee}`);
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: 'Start my application' }).click();
    await portal.onPage('Your portfolio');
    expect(await portal.focused()).toEqual({ tag: 'H1', text: 'Your portfolio' });
    expect(await violations()).toEqual([]);
    // Nothing filled in yet: the checklist says what is missing, and submit is not offered.
    expect(await page.locator('.gaps li').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Submit my application' }).count()).toBe(0);

    await page.getByRole('button', { name: /Level$/ }).click();
    await page.getByRole('option', { name: TOP_LEVEL }).click();
    await page.getByLabel('Subject').fill('Early childhood');
    await page.getByLabel('School, college or university').fill('State College');
    await page.getByLabel('Completed on').fill('2010-05-31');
    await saved('Save education');

    await section('Work experience');
    await page.getByLabel('Employer').fill('Family Centre');
    await page.getByLabel('Your role').fill('Home visitor');
    await page.getByLabel('Started on').fill('2012-01-01');
    await page.getByLabel('Number of families you served').fill('20');
    await page.getByRole('checkbox', { name: 'This was paid work' }).check({ force: true });
    await page.getByRole('checkbox', { name: /I worked with infants/ }).check({ force: true });
    await saved('Save work experience');

    await section('Training');
    await page.getByLabel('Title').fill('Foundations');
    await page.getByLabel('Given by').fill('Training Institute');
    await page.getByLabel('Date', { exact: true }).fill(day(-180));
    await page.getByLabel('Hours').fill(String(IFA.rules.training.totalHours));
    await page.locator('label', { hasText: AREA }).click();
    await expect(page.getByRole('checkbox', { name: AREA }).isChecked()).resolves.toBe(true);
    // Leaving the section saves it; its mark in the list of sections then says nothing is missing.
    await section('References');
    await page.getByRole('link', { name: 'Training (nothing missing)' }).waitFor();
    expect(await violations()).toEqual([]);

    // One entry per role the category asks for, ready to fill in.
    expect(await page.getByLabel('Their full name').count()).toBe(IFA.rules.references.roles.length);
    for (const [i, rater] of raters.entries()) {
      await page.getByLabel('Their full name').nth(i).fill(rater.name);
      await page.getByLabel('Their email address').nth(i).fill(rater.email);
      if (rater.waived)
        await page
          .getByRole('checkbox', { name: /I waive my right/ })
          .nth(i)
          .check({ force: true });
    }
    await saved('Save references');

    await section('Agreements');
    await page.getByRole('checkbox', { name: /Code of Ethics/ }).check({ force: true });
    await page.getByRole('checkbox', { name: /Endorsement Agreement/ }).check({ force: true });
    await saved('Save agreements');

    await section('Membership');
    await page.getByLabel('Association').fill(ASSOCIATION);
    await page.getByLabel('Membership number').fill('M-1');
    await page.getByLabel('Valid until').fill(day(365));
    await saved('Save membership');

    await page.getByText('Your portfolio has everything your category asks for').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: 'Submit my application' }).click();
    await page.getByRole('alertdialog').getByText('we email your 3 references').waitFor();
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: 'Yes, submit it' }).click();
    await portal.onPage('My applications');
    await page.getByText('Submitted: the association is checking it').waitFor();
    expect(await violations()).toEqual([]);

    const [{ id }] = ok(await api.GET('/api/v1/staff/applications', { params: { query: { state: 'submitted' } }, ...as(staff.cora.token) })).items;
    const [stored] = await system.ds.query<
      { portfolio: { references: { raterName: string; waivedAccess: boolean }[]; trainings: { competencyAreas: string[] }[] } }[]
    >(`SELECT portfolio FROM applications WHERE id = $1`, [id]);
    expect(stored.portfolio.references.map((r) => [r.raterName, r.waivedAccess])).toEqual(raters.map((r) => [r.name, r.waived]));
    expect(stored.portfolio.trainings[0].competencyAreas).toEqual(['observation_listening']);

    await staffEndorse(id, raters);
    const iris = ok(await api.POST('/api/v1/auth/login', { body: { email: 'iris@family.example', password: PASSWORD } })).accessToken;
    const [endorsement] = await waitFor(
      'the endorsement',
      async () => ok(await api.GET('/api/v1/endorsements', as(iris))).endorsements,
      (e) => e.length === 1,
    );
    await portal.goto('/');
    await portal.onPage('My applications');
    await page.getByRole('heading', { name: 'My endorsements' }).waitFor();
    await page.getByText(endorsement.number).first().waitFor();
    expect(await violations()).toEqual([]);

    await page.getByRole('link', { name: 'Account' }).click();
    await portal.onPage('My account');
    await page.getByText('iris@family.example').waitFor();
    await page.getByText(/Michigan/).waitFor();
    expect(await violations()).toEqual([]);
  }, 240_000);

  test('the API’s field errors appear beside their fields, marked invalid, with an announced summary; what was typed stays', async () => {
    const page = portal.page;
    const { accessToken } = ok(await api.POST('/api/v1/auth/login', { body: { email: 'iris@family.example', password: PASSWORD } }));
    const categories = ok(await api.GET('/api/v1/associations/{code}/categories', { params: { path: { code: ASSOCIATION } } })).categories;
    const other = categories.find((c) => c.tracks.length === 0 && c.code !== 'IFA')!;
    const { id } = ok(await api.POST('/api/v1/applications', { body: { associationCode: ASSOCIATION, categoryCode: other.code }, ...as(accessToken) }));
    await portal.goto(`/applications/${id}/edit?section=trainings`);
    await page.getByRole('heading', { level: 2, name: 'Training' }).waitFor();
    await page.getByLabel('Title').fill('Attachment');
    await page.getByLabel('Hours').fill('0');
    await page.getByRole('button', { name: 'Save training' }).click();
    await page.getByRole('alert').filter({ hasText: 'Some answers need fixing' }).waitFor();
    await expect(page.getByLabel('Hours').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByText(/^Must be 0 or more/).waitFor();
    // The API's message is read with the field (its description), and the typed text is still there.
    const described = await page.getByLabel('Hours').getAttribute('aria-describedby');
    expect(described).toBeTruthy();
    await expect(page.getByLabel('Hours').inputValue()).resolves.toBe('0');
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe('Attachment');
    expect(await violations()).toEqual([]);
    // The first keystroke in the field clears its error, before the field is left (no layout jump under a click).
    await page.getByLabel('Hours').press('End');
    await page.keyboard.type('5');
    await page.getByText(/^Must be 0 or more/).waitFor({ state: 'detached' });
    await expect(page.getByLabel('Hours').getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(page.getByLabel('Hours').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  });

  test('with the keyboard alone: the portfolio is completed and submitted', async () => {
    const email = 'kim@family.example';
    ok(await api.POST('/api/v1/auth/register', { body: { email, password: PASSWORD, fullName: 'Kim Keys', associationCode: ASSOCIATION } }));
    const { accessToken } = ok(await api.POST('/api/v1/auth/login', { body: { email, password: PASSWORD } }));
    const { id } = ok(await api.POST('/api/v1/applications', { body: { associationCode: ASSOCIATION, categoryCode: 'IFA' }, ...as(accessToken) }));

    const kim = await portals.open(system.url('/'), { width: 360 });
    const p = kim.page;
    /** Presses Tab (or Shift+Tab) until `target` has the focus. */
    const tabTo = async (target: Locator, back = false): Promise<void> => {
      for (let presses = 0; presses < 200; presses += 1) {
        if (await target.evaluate((el) => el === document.activeElement)) return;
        await p.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      }
      throw new Error(`could not reach ${String(target)} with the keyboard`);
    };
    const typeInto = async (label: string | RegExp, text: string, nth = 0): Promise<void> => {
      await tabTo(p.getByLabel(label, { exact: typeof label === 'string' }).nth(nth));
      await p.keyboard.type(text);
    };
    const tick = async (name: string | RegExp, nth = 0): Promise<void> => {
      await tabTo(p.getByRole('checkbox', { name }).nth(nth));
      await p.keyboard.press('Space');
    };
    const save = async (button: string): Promise<void> => {
      await tabTo(p.getByRole('button', { name: button }));
      await p.keyboard.press('Enter');
      await p
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor();
    };
    const open = async (title: string): Promise<void> => {
      await tabTo(p.getByRole('navigation', { name: 'Portfolio sections' }).getByRole('link', { name: new RegExp(title) }), true);
      await p.keyboard.press('Enter');
      await p.getByRole('heading', { level: 2, name: title }).waitFor();
      expect(await kim.focused()).toEqual({ tag: 'H2', text: title });
    };

    await kim.goto(`/applications/${id}/edit`);
    await kim.onPage('Sign in');
    await typeInto('Email address', email);
    await typeInto('Password', PASSWORD);
    await p.keyboard.press('Enter');
    await kim.onPage('Your portfolio');
    expect(await kim.focused()).toEqual({ tag: 'H1', text: 'Your portfolio' });

    await tabTo(p.getByRole('button', { name: /Level$/ }));
    await p.keyboard.press('Enter');
    await p.getByRole('listbox').waitFor();
    await p.keyboard.press('End');
    await p.keyboard.press('Enter');
    await p.getByRole('button', { name: new RegExp(TOP_LEVEL) }).waitFor();
    await typeInto('Subject', 'Early childhood');
    await typeInto('School, college or university', 'State College');
    await typeInto('Completed on', '05312010');
    await save('Save education');

    await open('Training');
    await typeInto('Title', 'Foundations');
    await typeInto('Given by', 'Training Institute');
    await typeInto('Date', '03022024');
    await typeInto('Hours', String(IFA.rules.training.totalHours));
    await tick(AREA);
    await save('Save training');

    await open('References');
    for (const [i, name] of ['Rae Rater', 'Ria Rater', 'Rob Rater'].entries()) {
      await typeInto('Their full name', name, i);
      await typeInto('Their email address', `${name.split(' ')[0].toLowerCase()}@raters.example`, i);
    }
    await tick(/I waive my right/, 1);
    await save('Save references');

    await open('Agreements');
    await tick(/Code of Ethics/);
    await tick(/Endorsement Agreement/);
    await save('Save agreements');

    await open('Membership');
    await typeInto('Association', ASSOCIATION);
    await typeInto('Membership number', 'K-7');
    await typeInto('Valid until', '12312030');
    await save('Save membership');

    await p.getByText('Your portfolio has everything your category asks for').waitFor();
    await tabTo(p.getByRole('button', { name: 'Submit my application' }));
    await p.keyboard.press('Enter');
    await tabTo(p.getByRole('button', { name: 'Yes, submit it' }));
    await p.keyboard.press('Enter');
    await kim.onPage('My applications');
    await p.getByText('Submitted: the association is checking it').waitFor();
    const [row] = await system.ds.query<{ state: string; portfolio: { education: { completedOn: string }[]; references: { waivedAccess: boolean }[] } }[]>(
      `SELECT state, portfolio FROM applications WHERE id = $1`,
      [id],
    );
    expect(row.state).toBe('submitted');
    expect(row.portfolio.education[0].completedOn).toBe('2010-05-31');
    expect(row.portfolio.references.map((r) => r.waivedAccess)).toEqual([false, true, false]);
  }, 240_000);
});
