import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import { insertApplication } from '../support/application-fixture.js';
import { seedApplicant } from '../support/portal-people.js';
import { TestSystem } from '../support/test-system.js';
import { firefox, webkit, type Engine, type RemotePage } from '../support/webdriver-browsers.js';

/**
 * The web app in Firefox and in WebKit (Safari's engine), stock Debian builds over WebDriver, at 360 px:
 * one applicant's journey each, from signing in to the application page, through a portfolio section
 * saved once with a field error from the API and once for good. The other browser tests use Chromium.
 */

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTH = 360;
const PASSWORD = 'a long passphrase in every browser';

// In the page: the first element for a selector whose text (or label's text) matches, marked so WebDriver can find it.
const MARK = `
  const [selector, text, byLabel, nth] = arguments;
  const matches = (el) => new RegExp(text).test((el.textContent || '').trim());
  // Shown and enabled: a form still loading or being sent cannot take keystrokes.
  const usable = (el) => el && el.getClientRects().length > 0 && !el.matches(':disabled');
  const found = byLabel
    ? [...document.querySelectorAll('label')].filter(matches).map((l) => l.control).filter(usable)[nth]
    : [...document.querySelectorAll(selector)].filter(usable).find(matches);
  if (!found) return null;
  const id = 'e' + Math.random().toString(36).slice(2);
  found.setAttribute('data-webdriver', id);
  return '[data-webdriver="' + id + '"]';`;

// In the page: script errors and console errors from now on (WebDriver has no common event for them).
const COLLECT_PROBLEMS = `
  if (window.__problems) return;
  window.__problems = [];
  addEventListener('error', (e) => __problems.push('script error: ' + e.message));
  addEventListener('unhandledrejection', (e) => __problems.push('unhandled rejection: ' + String(e.reason)));
  const error = console.error;
  console.error = (...args) => { __problems.push('console: ' + args.map(String).join(' ')); error.apply(console, args); };`;

/** The journey's steps on one page, waiting on conditions in the page. */
class Visit {
  constructor(private readonly page: RemotePage) {}

  async until<T>(what: string, body: string, ...args: unknown[]): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await this.page.run<T>(body, ...args);
      if (value) return value;
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what} at ${await this.page.run<string>('return location.href + ": " + (document.querySelector("main") || document.body).innerText.slice(0, 700)')}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  element(what: string, selector: string, text: string): Promise<string> {
    return this.until(what, MARK, selector, text, false, 0);
  }

  async click(selector: string, text: string): Promise<void> {
    await this.page.click(await this.element(`${selector} "${text}"`, selector, text));
  }

  field(label: string, nth = 0): Promise<string> {
    return this.until(`the field "${label}"`, MARK, '', `^${label}`, true, nth);
  }

  async type(label: string, text: string, nth = 0): Promise<void> {
    await this.page.type(await this.field(label, nth), text);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.run(COLLECT_PROBLEMS);
  }

  /** Waits for the page whose heading matches, and gives what has the focus then. */
  async onPage(title: string): Promise<string> {
    await this.until(`the page "${title}"`, `return new RegExp(arguments[0]).test(document.querySelector('h1')?.textContent.trim())`, title);
    return this.page.run(`return document.activeElement.tagName + ' ' + document.activeElement.textContent.trim()`);
  }

  problems(): Promise<string[]> {
    return this.page.run('return window.__problems || []');
  }

  width(): Promise<{ viewport: number; content: number }> {
    return this.page.run('return { viewport: innerWidth, content: document.documentElement.scrollWidth }');
  }

  /** axe-core's serious and critical violations, as test/support/portal.ts checks them in Chromium. */
  async accessibilityViolations(): Promise<string[]> {
    // React Aria's live region names a button that is gone for a few seconds (see portal.ts): once it is empty.
    await this.until('the live announcer to clear', `return !document.querySelector('[role=log] [aria-labelledby]')`);
    await this.page.run(`if (!window.axe) { ${AXE} }
      window.__axe = null;
      axe.run({ exclude: [['[data-live-announcer]']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
        .then((r) => { window.__axe = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', ')); });`);
    return this.until('axe', 'return window.__axe');
  }
}

describe.each([firefox, webkit])('the web app in $name at 360 px', (engine: Engine) => {
  const system = new TestSystem();
  let page: RemotePage;

  beforeAll(async () => {
    const missing = engine.missing();
    if (missing) throw new Error(`${missing} to test the web app in ${engine.name}`);
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1_000 } });
    page = await engine.open(WIDTH, 900);
  }, 60_000);

  afterAll(async () => {
    await page?.close();
    await system.stop();
  });

  test('an applicant signs in, opens the portfolio, saves a section after a field error, and opens the application page', async () => {
    const email = `ada.${engine.name.toLowerCase()}@example.org`;
    const { personId } = await seedApplicant(system.ds, email, PASSWORD, 'Ada Applicant');
    const id = await insertApplication(system.ds, loadFramework(), { personId });
    const visit = new Visit(page);

    await visit.open(system.url('/'));
    await expect(visit.onPage('^Sign in$')).resolves.toBe('H1 Sign in');
    expect(await visit.width()).toEqual({ viewport: WIDTH, content: WIDTH });
    expect(await visit.accessibilityViolations()).toEqual([]);
    await visit.type('Email address', email);
    await visit.type('Password', PASSWORD);
    await visit.click('button', '^Sign in$');

    await expect(visit.onPage('^My applications$')).resolves.toBe('H1 My applications');
    expect(await visit.accessibilityViolations()).toEqual([]);
    await visit.click('a', '^Continue your portfolio$');
    await expect(visit.onPage('^Your portfolio$')).resolves.toBe('H1 Your portfolio');
    await visit.click('a[href$="section=references"]', '');
    // The section's heading takes the focus (before anything is typed, or it would take it from the field).
    await visit.until(
      'the references heading focused',
      `return document.activeElement.id === 'section-references' && document.activeElement.textContent.trim() === 'References'`,
    );

    // The API refuses an address without a domain: its message beside the field, the field marked invalid.
    const raters = ['Sam Supervisor', 'Vera Vetted', 'Cole Colleague'];
    for (const [i, name] of raters.entries()) {
      await visit.type('Their full name', name, i);
      await visit.type('Their email address', i === 0 ? 'sam@raters' : `${name.split(' ')[0].toLowerCase()}@raters.example`, i);
    }
    await visit.click('button', '^Save references$');
    await visit.element('the summary of errors', '[role=alert]', 'Some answers need fixing');
    const address = await visit.field('Their email address');
    await visit.until('the address marked invalid', `return document.querySelector(arguments[0]).getAttribute('aria-invalid') === 'true'`, address);
    const described = await page.run<string>(
      `return document.querySelector(arguments[0]).getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)?.textContent).join(' / ')`,
      address,
    );
    expect(described).toContain('Enter an email address');
    expect(await visit.accessibilityViolations()).toEqual([]);

    await visit.type('Their email address', '.example');
    await visit.click('button', '^Save references$');
    await visit.element('saved', '[role=status]', '^Saved$');
    const [saved] = await system.ds.query<{ emails: string[] }[]>(
      `SELECT array(SELECT r->>'raterEmail' FROM jsonb_array_elements(portfolio->'references') r) AS emails FROM applications WHERE id = $1`,
      [id],
    );
    expect(saved.emails).toEqual(['sam@raters.example', 'vera@raters.example', 'cole@raters.example']);

    await visit.click('nav a', '^My applications$');
    await visit.onPage('^My applications$');
    await visit.click('main a', '^Infant Family Associate');
    await expect(visit.onPage('^Your .+ application$')).resolves.toMatch(/^H1 Your .+ application$/);
    expect(await page.run('return location.pathname')).toBe(`/applications/${id}`);
    expect((await visit.width()).content).toBeLessThanOrEqual(WIDTH);
    expect(await visit.accessibilityViolations()).toEqual([]);
    expect(await visit.problems()).toEqual([]);
  }, 120_000);
});
