import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { loadFramework } from '#framework';
import { insertApplication } from '../support/application-fixture.js';
import { launchChromium, problemsOn } from '../support/chromium.js';
import { TestSystem } from '../support/test-system.js';

const SCREENSHOT = '/tmp/verify-page.png';

describe('an employer checks an endorsement number in a real browser', () => {
  const system = new TestSystem();
  const framework = loadFramework();
  let browser: Browser;
  let page: Page;
  let problems: string[];

  async function endorsement(number: string, state: 'endorsed' | 'lapsed', name: string): Promise<void> {
    const id = await insertApplication(system.ds, framework, { state, association: 'WA-AIMH', category: 'IMHS' });
    await system.ds.query(`UPDATE applications SET endorsement_number = $2, endorsed_at = now(), renewal_due_on = '2027-12-31' WHERE id = $1`, [id, number]);
    await system.ds.query(`UPDATE people SET full_name = $2 WHERE id = (SELECT applicant_id FROM applications WHERE id = $1)`, [id, name]);
  }

  beforeAll(async () => {
    // Fail, never skip: a missing browser must not pass for a tested page.
    browser = await launchChromium("the verification page's browser test");
    await system.start({ api: true });
    await endorsement('WA-000101', 'endorsed', 'Aroha Te Whare');
    await endorsement('WA-000102', 'lapsed', 'Lapsed Holder');
    page = await browser.newPage({ viewport: { width: 800, height: 700 } });
    // A stylesheet blocked by the Content-Security-Policy, a failed request or a script error would show up here.
    problems = problemsOn(page);
  });

  afterAll(async () => {
    await browser?.close();
    await system.stop();
  });

  test('an active endorsement: holder, the category as the association names it, and the status, styled', async () => {
    const res = await page.goto(system.url('/verify/WA-000101'));
    expect(res?.status()).toBe(200);
    expect(await page.title()).toBe('Endorsement WA-000101');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Endorsement WA-000101');
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Held by Aroha Te Whare');
    expect(text).toContain(`Category ${framework.displayName('WA-AIMH', 'IMHS')}`);
    expect(text).toContain('Active: this Endorsement is in good standing today.');
    expect(await page.locator('.note').evaluate((el) => getComputedStyle(el).borderLeftColor)).toBe('rgb(29, 79, 145)');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
  });

  test('a lapsed one says so as plainly; an unknown number is a page too', async () => {
    await page.goto(system.url('/verify/WA-000102'));
    expect((await page.locator('main').innerText()).replace(/\s+/g, ' ')).toContain('Lapsed: this Endorsement is not in good standing today.');
    const missing = await page.goto(system.url('/verify/WA-999999'));
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('No endorsement found');
    // Chromium reports the 404 itself as a console error; nothing else may fail.
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 404 (Not Found)']);
  });
});

// The browser global the page callback uses (it runs in Chromium; the project has no DOM types).
declare function getComputedStyle(element: unknown): { borderLeftColor: string };
