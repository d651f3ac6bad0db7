import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import type { ApplicationState } from '#workflow';
import { insertApplication } from '../support/application-fixture.js';
import { TestSystem } from '../support/test-system.js';
import { caller } from './auth-harness.js';

const PASSWORD = 'correct horse battery staple';
const framework = loadFramework();

interface Entry {
  name: string;
  categoryName: string;
  association: { code: string; name: string };
  status: string;
  endorsementNumber: string;
}

describe('the public registry: opted-in endorsements in good standing only', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  const tokens: Record<string, string> = {};
  const apps: Record<string, string> = {};
  let n = 0;

  /** An applicant with an account, and one application of theirs in `state` (setup, not transitions). */
  async function endorsee(name: string, state: ApplicationState, opts: { association?: string; category?: string; listed?: boolean } = {}) {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`;
    const association = opts.association ?? 'MI-AIMH';
    expect((await call('POST', '/api/v1/auth/register', { body: { email, password: PASSWORD, fullName: name, associationCode: association } })).status).toBe(
      202,
    );
    tokens[name] = (await call('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).body.accessToken as string;
    const id = await insertApplication(system.ds, framework, { state, association, category: opts.category });
    const number = ['endorsed', 'renewal_due', 'lapsed'].includes(state) ? `${association}-${String(++n).padStart(6, '0')}` : null;
    await system.ds.query(
      `UPDATE applications SET applicant_id = (SELECT person_id FROM accounts WHERE email = $2), endorsement_number = $3, endorsed_at = CASE WHEN $3::text IS NULL THEN NULL ELSE now() END, registry_listed = $4 WHERE id = $1`,
      [id, email, number, opts.listed ?? false],
    );
    apps[name] = id;
    return id;
  }
  const search = async (query = '') => {
    const res = await call('GET', `/api/v1/registry${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: Entry[]; nextCursor: string | null };
  };
  const names = async (query = '') => (await search(query)).items.map((e) => e.name);
  const list = (who: string, id: string, listed: unknown) => call('PUT', `/api/v1/registry/listing/${id}`, { token: tokens[who], body: { listed } });

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    await endorsee('Beatrice Listed', 'endorsed', { listed: true });
    await endorsee('Carmen Due', 'renewal_due', { listed: true, category: 'IFS' });
    await endorsee('Dora Lapsed', 'lapsed', { listed: true });
    await endorsee('Edith Private', 'endorsed');
    await endorsee('Flora Texas', 'endorsed', { listed: true, association: 'TAIMH' });
    await endorsee('Gina Applicant', 'panel_review');
  });
  afterAll(async () => system.stop());

  test('lists opted-in endorsements, endorsed or due for renewal, by name, with what the public needs', async () => {
    const page = await search();
    expect(page.items.map((e) => e.name)).toEqual(['Beatrice Listed', 'Carmen Due', 'Flora Texas']);
    expect(page.items[1]).toEqual({
      name: 'Carmen Due',
      categoryName: framework.displayName('MI-AIMH', 'IFS'),
      association: { code: 'MI-AIMH', name: framework.association('MI-AIMH').name },
      status: 'renewal_due',
      endorsementNumber: 'MI-AIMH-000002',
    });
    expect(page.nextCursor).toBeNull();
  });

  test('filters by association, category, part of a name or the number; LIKE wildcards are literal', async () => {
    expect(await names('?association=TAIMH')).toEqual(['Flora Texas']);
    expect(await names('?category=IFS')).toEqual(['Carmen Due']);
    expect(await names('?q=bEAt')).toEqual(['Beatrice Listed']);
    expect(await names('?q=MI-AIMH-000002')).toEqual(['Carmen Due']);
    expect(await names('?q=%25')).toEqual([]);
    expect(await names('?q=_')).toEqual([]);
  });

  test('pages by keyset: each entry once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await search(`?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.items.map((e) => e.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Beatrice Listed', 'Carmen Due', 'Flora Texas']);
  });

  test('bad queries are 400', async () => {
    for (const query of ['?limit=0', '?limit=101', '?q=', `?q=${'x'.repeat(101)}`, '?cursor=nope', '?sort=name', '?association=a&association=b']) {
      expect({ query, status: (await call('GET', `/api/v1/registry${query}`)).status }).toEqual({ query, status: 400 });
    }
  });

  test('an endorsee opts in and out of their own endorsement', async () => {
    expect(await list('Edith Private', apps['Edith Private'], true)).toMatchObject({
      status: 200,
      body: { applicationId: apps['Edith Private'], listed: true },
    });
    expect(await names()).toContain('Edith Private');
    expect(await list('Beatrice Listed', apps['Beatrice Listed'], false)).toMatchObject({ status: 200, body: { listed: false } });
    expect(await names()).not.toContain('Beatrice Listed');
  });

  test("someone else's application is 404, like one that does not exist; an open application cannot be listed", async () => {
    const other = await list('Gina Applicant', apps['Edith Private'], false);
    expect(other).toMatchObject({ status: 404, body: { code: 'application_not_found' } });
    expect((await list('Gina Applicant', '00000000-0000-4000-8000-000000000000', false)).body.detail).toBe(other.body.detail);
    expect(await names()).toContain('Edith Private');
    expect(await list('Gina Applicant', apps['Gina Applicant'], true)).toMatchObject({ status: 409, body: { code: 'not_endorsed' } });
    expect(await list('Dora Lapsed', apps['Dora Lapsed'], true)).toMatchObject({ status: 409, body: { code: 'not_endorsed' } });
  });

  test("the opt-in needs an applicant's token and a well-formed request", async () => {
    expect((await call('PUT', `/api/v1/registry/listing/${apps['Edith Private']}`, { body: { listed: false } })).status).toBe(401);
    expect((await list('Edith Private', 'not-a-uuid', true)).status).toBe(400);
    for (const listed of ['yes', 1, null]) expect((await list('Edith Private', apps['Edith Private'], listed)).status).toBe(400);
    expect(await names()).toContain('Edith Private');
  });
});
