import type { Page } from 'playwright-core';

export { launchChromium } from '../../bench/support/chromium.js';

/** What goes wrong on a page from now on, as the browser words it: console errors, script errors, failed requests. */
export function problemsOn(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('requestfailed', (r) => problems.push(`${r.url()} ${r.failure()?.errorText}`));
  return problems;
}
