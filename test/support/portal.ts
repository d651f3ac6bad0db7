import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';

/** Set to a folder to keep a full-page screenshot of every page a test checks with axe, for people to look at. */
const SCREENSHOTS = process.env.PORTAL_SCREENSHOTS;
let shots = 0;

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// What the page callbacks see of the browser (they run in Chromium; the project has no DOM types).
declare const axe: {
  run(context: object, options?: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
};
declare const document: { activeElement: { tagName: string; textContent: string | null } | null };
declare const localStorage: { length: number };
declare const sessionStorage: { length: number };

/**
 * The web app in headless Chromium, as a person uses it: one browser context (its own cookies) on
 * the api under test. Script errors, failed requests and console errors are collected in `problems`,
 * which a test expects to stay empty.
 */
export class Portal {
  readonly problems: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly base: string,
  ) {
    page.on('pageerror', (e) => this.problems.push(`script error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 4') && this.problems.push(`console: ${m.text()}`));
    // A request the browser dropped because the page moved on (ERR_ABORTED) is not a failure of the app.
    page.on(
      'requestfailed',
      (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && this.problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`),
    );
  }

  /** A new person at the web app, in a browser context of their own; `base` is the api's address (http://127.0.0.1:port). */
  static async open(base: string, browser: Browser, width = 1024): Promise<Portal> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    // Long enough for a busy 2-core machine, short enough that a missing element fails the test soon.
    context.setDefaultTimeout(15_000);
    return new Portal(context, await context.newPage(), base);
  }

  url(path: string): string {
    return new URL(path, this.base).toString();
  }

  /** Opens an address (a path, or a link from an email on another host) and waits for its page. */
  async goto(pathOrLink: string): Promise<void> {
    const link = new URL(pathOrLink, this.base);
    await this.page.goto(this.url(`${link.pathname}${link.search}${link.hash}`));
    await this.page.locator('h1').first().waitFor();
  }

  /** The heading of the page shown now, once it is there. */
  async heading(): Promise<string> {
    return (await this.page.locator('h1').first().textContent())?.trim() ?? '';
  }

  /** Waits until the page with this heading is shown (after a click, a redirect, a sign-in). */
  async onPage(title: string | RegExp): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.onPage('Sign in');
    await this.page.getByLabel('Email address').fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ state: 'detached' });
  }

  /** axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A/AA and best practice). */
  async accessibilityViolations(): Promise<string[]> {
    // React Aria's off-screen live region is left out: it announces a pending button by the button's id,
    // which points nowhere for a few seconds once the button is gone (a form that was sent, a page left).
    // Evaluated over the DevTools protocol, so the page's Content-Security-Policy does not apply to axe itself.
    await this.page.evaluate(AXE);
    const { violations } = await this.page.evaluate(() =>
      axe.run({ exclude: [['[data-live-announcer]']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
    );
    if (SCREENSHOTS) await this.screenshot(SCREENSHOTS);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }

  private async screenshot(folder: string): Promise<void> {
    mkdirSync(folder, { recursive: true });
    const name = (await this.heading()).replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60);
    const width = this.page.viewportSize()?.width ?? 0;
    shots += 1;
    await this.page.screenshot({ path: join(folder, `${process.pid}-${String(shots).padStart(3, '0')}-${name}-${width}.png`), fullPage: true });
  }

  /** What has the keyboard focus: its tag and text. */
  focused(): Promise<{ tag: string; text: string }> {
    return this.page.evaluate(() => ({ tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));
  }

  /** What scripts could read of a session in storage (expected: nothing). */
  storageEntries(): Promise<number> {
    return this.page.evaluate(() => localStorage.length + sessionStorage.length);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/**
 * The people of one test file at the web app, each in their own browser context of one Chromium. A
 * test file expects `problems()` to be empty after each test and calls `close()` after all of them.
 */
export class Portals {
  private readonly opened: Portal[] = [];
  private browser: Promise<Browser> | undefined;

  /** A new person at the web app (see `Portal.open`). */
  async open(base: string, options: { width?: number } = {}): Promise<Portal> {
    this.browser ??= launchChromium('the web app');
    const portal = await Portal.open(base, await this.browser, options.width);
    this.opened.push(portal);
    return portal;
  }

  /** A new person who opens `path` (a page, or the link in an email) and signs in there. */
  async signedIn(base: string, path: string, account: { email: string; password: string }, options: { width?: number } = {}): Promise<Portal> {
    const portal = await this.open(base, options);
    await portal.goto(path);
    await portal.signIn(account.email, account.password);
    // React Aria announces the sign-in button's pending state by its id; the announcement outlives the
    // sign-in page for a few seconds, a dangling label axe would blame on the next page.
    await portal.page.locator('[data-live-announcer] [role=img]').waitFor({ state: 'detached' });
    return portal;
  }

  /** What any of them ran into: script errors, failed requests, console errors. */
  problems(): string[] {
    return this.opened.flatMap((portal) => portal.problems);
  }

  /** Closes every portal, then the browser. */
  async close(): Promise<void> {
    for (const portal of this.opened) await portal.close();
    await (await this.browser)?.close();
  }
}
