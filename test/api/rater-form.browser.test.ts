import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { loadFramework, type Framework } from '#framework';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';
import { raterLink } from '../support/mail-reading.js';
import { launchChromium, problemsOn } from '../support/chromium.js';
import { startReferenceChecks } from '../support/reference-checks.js';

const SCREENSHOT = '/tmp/rater-form.png';

// The few browser globals the page callbacks use (they run in Chromium; the project has no DOM types).
declare const document: { activeElement: { id: string; classList: { contains(name: string): boolean } } | null };
declare function getComputedStyle(element: unknown): { backgroundColor: string };

describe('a rater fills in the form in a real browser, without JavaScript of ours', () => {
  const system = new TestSystem();
  const smtp = system.smtp;
  let framework: Framework;
  let browser: Browser;
  let page: Page;
  let formUrl: string;
  let problems: string[];

  beforeAll(async () => {
    // Fail, never skip: a missing browser must not pass for a tested form.
    browser = await launchChromium("the rater form's browser test");
    await system.start({ api: true });
    framework = loadFramework();
    await startReferenceChecks(system, [
      { raterName: 'Rosa Supervisor', raterEmail: 'rosa@rater.example', role: 'supervisor_teacher_or_cda_mentor', waivedAccess: false },
      { raterName: 'Vera Vetted', raterEmail: 'vera@rater.example', role: 'endorsed_or_vetted_rater', waivedAccess: false },
      { raterName: 'Colin Colleague', raterEmail: 'colin@rater.example', role: 'colleague_or_parent', waivedAccess: false },
    ]);
    const [mail] = await waitFor(
      'the request to Rosa',
      () => smtp.to('rosa@rater.example'),
      (m) => m.length > 0,
    );
    formUrl = system.url(new URL(raterLink(mail)!).pathname);

    page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    // A blocked stylesheet (CSP), a failed request or a script error would show up here.
    problems = problemsOn(page);
  });

  afterAll(async () => {
    await browser?.close();
    await system.stop();
  });

  test('the page opens, styled, with one named group of radios per statement', async () => {
    const res = await page.goto(formUrl);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('Reference for Test Applicant – Michigan Association for Infant Mental Health');
    for (const item of framework.ratingForm.items) {
      const group = page.getByRole('group', { name: item.statement });
      expect(await group.getByRole('radio').count()).toBe(framework.ratingForm.scale.length + 1);
      expect(await group.getByRole('radio', { name: 'Not enough information to rate' }).count()).toBe(1);
    }
    expect(await page.getByRole('textbox', { name: 'Comments (optional)' }).count()).toBe(1);
    // The inline stylesheet passed the page's Content-Security-Policy.
    const button = page.getByRole('button', { name: 'Send reference' });
    expect(await button.isVisible()).toBe(true);
    expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(31, 111, 63)');
  });

  test('sending it empty shows the error summary first, focused, linking to the first unanswered statement', async () => {
    await page.getByRole('button', { name: 'Send reference' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('There is a problem with the form');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-errors.png') });
    const first = framework.ratingForm.items[0];
    await summary.getByRole('link').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`item-${first.code}-choice-0`);
  });

  test('every statement answered with mouse and keyboard, comments typed, sent: thanks, and the answers stored', async () => {
    // A fresh form (the errors of the previous test are gone), as a rater opening the link again sees it.
    await page.goto(formUrl);
    const { items, scale } = framework.ratingForm;
    const expected: Record<string, number | string> = {};
    for (const [i, item] of items.entries()) {
      const group = page.getByRole('group', { name: item.statement });
      if (i === 3) {
        await group.getByRole('radio', { name: 'Not enough information to rate' }).click();
        expected[item.code] = 'nei';
      } else if (i % 2 === 0) {
        // Mouse: a click on the label text checks its radio.
        await group.getByText(scale[2].label, { exact: true }).click();
        expected[item.code] = scale[2].value;
      } else {
        // Keyboard: Space checks the focused radio, arrow keys move the choice within the group.
        await group.getByRole('radio').first().focus();
        await page.keyboard.press('Space');
        await page.keyboard.press('ArrowDown');
        expected[item.code] = scale[1].value;
      }
      expect(await group.getByRole('radio', { checked: true }).count()).toBe(1);
    }
    await page.getByRole('textbox', { name: 'Comments (optional)' }).click();
    await page.keyboard.type('Rosa has seen the applicant calm a crying baby & parent.');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    await page.getByRole('button', { name: 'Send reference' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(await page.textContent('main')).toContain('Your reference for Test Applicant has been received');
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-thanks.png') });

    const [stored] = await system.ds.query(`SELECT status, rating FROM application_references WHERE rater_email = 'rosa@rater.example'`);
    expect(stored.status).toBe('rated');
    expect(stored.rating.answers).toEqual(expected);
    expect(stored.rating.comments).toBe('Rosa has seen the applicant calm a crying baby & parent.');

    // Back to the link (a second visit): it has been used.
    const again = await page.goto(formUrl);
    expect(again?.status()).toBe(410);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This link has already been used');
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-used.png') });
    expect(problems.filter((p) => !p.includes('status of 4'))).toEqual([]);
  });
});
