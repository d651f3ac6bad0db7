import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { TestSystem } from '../support/test-system.js';

describe('the api serves the web app for page addresses, and only for them', () => {
  const system = new TestSystem();

  beforeAll(async () => {
    await system.start({ api: true });
  });

  afterAll(async () => {
    await system.stop();
  });

  test.each([
    '/',
    '/applications/8d2b6a52-8a8b-4f3c-9b83-2f1f0c0f8e11',
    '/staff/applications/8d2b6a52-8a8b-4f3c-9b83-2f1f0c0f8e11',
    '/reviews/x',
    '/reset-password',
    '/accept-invitation',
    '/no/such/page',
  ])('GET %s: the app page, never cached', async (path) => {
    const res = await fetch(system.url(path), { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    expect(html).toContain('<div id="root"></div>');
    // The app's script and style come from this origin (no CDN), with hashed names cached for good.
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const file = await fetch(system.url(asset));
      expect(file.status).toBe(200);
      expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  test('the JSON API, health, the rater form and the docs keep their own answers', async () => {
    const unknown = await fetch(system.url('/api/v1/no-such-thing'));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const me = await fetch(system.url('/api/v1/auth/me'));
    expect(me.status).toBe(401);
    expect(((await me.json()) as { code: string }).code).toBe('authentication_required');
    const health = await fetch(system.url('/health/live'));
    expect(health.headers.get('content-type')).toMatch(/^application\/json/);
    const rater = await fetch(system.url(`/r/${'x'.repeat(43)}`));
    expect(await rater.text()).not.toContain('<div id="root"></div>');
    const docs = await fetch(system.url('/docs-json'));
    expect(docs.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
