import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { createApiClient, type ApiClient } from '#api-client';
import { loadFramework } from '#framework';
import { insertApplication } from '../support/application-fixture.js';
import { day } from '../support/portfolio-fixture.js';
import { Portals, type Portal } from '../support/portal.js';
import { seedApplicant } from '../support/portal-people.js';
import { TestSystem } from '../support/test-system.js';

const PASSWORD = 'a long passphrase for una';

/**
 * When the API refuses a change because of what happened elsewhere, in Chromium at 360 px: the same
 * portfolio saved from two windows (409), and a rater's address changed more often than allowed (429).
 * Each refusal is a sentence the applicant can act on, and nothing changes until they do.
 */
describe('the applicant meets a conflict and a limit in a real browser', () => {
  const system = new TestSystem();
  const framework = loadFramework();
  let api: ApiClient;
  let personId: string;
  const portals = new Portals();
  let first: Portal;
  let second: Portal;

  async function membership(id: string): Promise<{ memberId?: string } | null> {
    const [row] = await system.ds.query<{ membership: { memberId?: string } | null }[]>(
      `SELECT portfolio->'membership' AS membership FROM applications WHERE id = $1`,
      [id],
    );
    return row.membership;
  }

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    api = createApiClient(system.url(''));
    ({ personId } = await seedApplicant(system.ds, 'una@example.org', PASSWORD, 'Una Applicant'));
    first = await portals.signedIn(system.url('/'), '/sign-in', { email: 'una@example.org', password: PASSWORD }, { width: 360 });
    second = await portals.signedIn(system.url('/'), '/sign-in', { email: 'una@example.org', password: PASSWORD }, { width: 360 });
  });

  afterAll(async () => {
    await portals.close();
    await system.stop();
  });

  afterEach(() => expect(portals.problems()).toEqual([]));

  test('the portfolio saved in another window: the stale save is explained, the section reloads, and then the save works', async () => {
    const id = await insertApplication(system.ds, framework, { state: 'draft', category: 'IFA', personId });
    // Both windows load the application before either saves.
    for (const portal of [first, second]) {
      await portal.goto(`/applications/${id}/edit?section=membership`);
      await portal.page.getByRole('heading', { level: 2, name: 'Membership' }).waitFor();
    }
    const fill = async (portal: Portal, number: string): Promise<void> => {
      await portal.page.getByLabel('Association').fill('MI-AIMH');
      await portal.page.getByLabel('Membership number').fill(number);
      await portal.page.getByLabel('Valid until').fill(day(365));
    };
    const save = (portal: Portal) => portal.page.getByRole('button', { name: 'Save membership' }).click();
    const saved = (portal: Portal) =>
      portal.page
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor();
    const conflict = (portal: Portal) =>
      portal.page.getByText(/This application was changed somewhere else \(perhaps in another window\), so this was not saved/);

    await fill(first, 'A-1');
    await save(first);
    await saved(first);

    await fill(second, 'B-2');
    await save(second);
    await conflict(second).waitFor();
    expect(await membership(id)).toMatchObject({ memberId: 'A-1' });
    expect(await second.accessibilityViolations()).toEqual([]);

    // Reloading the section shows what the other window saved; a change to it then saves.
    await second.page.getByRole('button', { name: 'Reload this section' }).click();
    await expect(second.page.getByLabel('Membership number').inputValue()).resolves.toBe('A-1');
    expect(await conflict(second).count()).toBe(0);
    await second.page.getByLabel('Membership number').fill('B-3');
    await save(second);
    await saved(second);
    expect(await membership(id)).toMatchObject({ memberId: 'B-3' });

    // The first window is stale now: what was typed there is kept, and Save again saves it.
    await first.page.getByLabel('Membership number').fill('A-4');
    await save(first);
    await conflict(first).waitFor();
    await expect(first.page.getByLabel('Membership number').inputValue()).resolves.toBe('A-4');
    await save(first);
    await saved(first);
    expect(await membership(id)).toMatchObject({ memberId: 'A-4' });
  }, 120_000);

  test('a rater’s address changed more often than allowed: the limit and when to try again, in words, and nothing changes', async () => {
    const id = await insertApplication(system.ds, framework, { state: 'reference_checks', category: 'IFA', personId });
    const [{ id: referenceId }] = await system.ds.query<{ id: string }[]>(
      `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, status, token_expires_at, requested_at, created_at)
       VALUES ($1, 'supervisor', 'Ray Rater', 'ray@first.example', false, 'requested', now() + interval '30 days', now() - interval '2 days', now()) RETURNING id`,
      [id],
    );
    // The address changed as often as allowed (3 times in 24 hours by default), through the API.
    const login = await api.POST('/api/v1/auth/login', { body: { email: 'una@example.org', password: PASSWORD } });
    const auth = { headers: { authorization: `Bearer ${login.data!.accessToken}` } };
    let current = referenceId;
    for (const n of [2, 3, 4]) {
      const changed = await api.PUT('/api/v1/applications/{id}/references/{referenceId}/email', {
        params: { path: { id, referenceId: current } },
        body: { email: `ray@address${n}.example` },
        ...auth,
      });
      expect({ status: changed.response.status, error: changed.error }).toEqual({ status: 200, error: undefined });
      current = changed.data!.referenceId;
    }

    await first.goto(`/applications/${id}#references`);
    await first.onPage('Your Infant Family Associate application');
    await first.page.getByText(/^Sent to ray@address4\.example/).waitFor();
    await first.page.getByRole('button', { name: 'Give another address for Ray Rater' }).click();
    await first.page.getByLabel('Another email address for Ray Rater').fill('ray@address5.example');
    await first.page.getByRole('button', { name: 'Send the request to this address' }).click();
    const alert = first.page.getByRole('alert').filter({ hasText: 'changed 3 times in the last 24 hours' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/You can change it again in about 24 hours\./);
    expect(await alert.textContent()).not.toMatch(/seconds/);
    expect(await first.accessibilityViolations()).toEqual([]);

    const open = await system.ds.query<{ id: string; rater_email: string }[]>(
      `SELECT id, rater_email FROM application_references WHERE application_id = $1 AND revoked_at IS NULL`,
      [id],
    );
    expect(open).toEqual([{ id: current, rater_email: 'ray@address4.example' }]);
    expect(await first.page.getByText('We sent the request to').count()).toBe(0);
  }, 120_000);
});
