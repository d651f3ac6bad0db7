import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { seedAccount } from '../api/auth-harness.js';
import { accountLink } from '../support/mail-reading.js';
import { Portals, type Portal } from '../support/portal.js';
import { TestSystem } from '../support/test-system.js';
import { waitFor } from '../support/worker-harness.js';

declare const document: { documentElement: { scrollWidth: number } };

const PASSWORD = 'a long passphrase for ada';

describe('account pages in a real browser: register, sign in and back, reset, invitation', () => {
  const system = new TestSystem();
  const portals = new Portals();
  let portal: Portal;

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 1000 } });
    portal = await portals.open(system.url('/'), { width: 360 });
  });

  afterAll(async () => {
    await portals.close();
    await system.stop();
  });

  afterEach(() => expect(portals.problems()).toEqual([]));

  test('a newcomer who opens the site is asked to sign in, creates an account and lands where they were going', async () => {
    await portal.goto('/?from=email');
    await portal.onPage('Sign in');
    expect(new URL(portal.page.url()).searchParams.get('next')).toBe('/?from=email');
    expect(await portal.focused()).toEqual({ tag: 'H1', text: 'Sign in' });
    expect(await portal.accessibilityViolations()).toEqual([]);

    await portal.page.getByRole('link', { name: 'Create an account' }).click();
    await portal.onPage('Create an account');
    expect(await portal.accessibilityViolations()).toEqual([]);
    await portal.page.getByRole('button', { name: /Your association/ }).click();
    await portal.page.getByRole('option', { name: /Michigan/ }).click();
    await portal.page.getByLabel('Your full name').fill('Ada Applicant');
    await portal.page.getByLabel('Email address').fill('ada@example.org');
    await portal.page.getByRole('textbox', { name: 'New password' }).fill(PASSWORD);
    await portal.page.getByRole('button', { name: 'Create my account' }).click();

    await portal.onPage('My applications');
    expect(new URL(portal.page.url()).search).toBe('?from=email');
    // Readable at 360 px: nothing wider than the screen.
    expect(await portal.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await portal.storageEntries()).toBe(0);
    const [account] = await system.ds.query<
      {
        association_code: string;
        full_name: string;
      }[]
    >(`SELECT a.association_code, p.full_name FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.email = $1`, ['ada@example.org']);
    expect(account).toEqual({ association_code: 'MI-AIMH', full_name: 'Ada Applicant' });
  });

  test('a wrong password is said in a plain sentence; after signing out and in again the person is back where they were', async () => {
    await portal.page.getByRole('button', { name: 'Sign out' }).click();
    await portal.onPage('Sign in');
    await portal.goto('/?page=2');
    await portal.page.getByLabel('Email address').fill('ada@example.org');
    await portal.page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await portal.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(portal.page.getByRole('alert').filter({ hasText: 'do not match an account' }).textContent()).resolves.toContain('reset your password');

    await portal.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await portal.page.getByRole('button', { name: 'Sign in' }).click();
    await portal.onPage('My applications');
    expect(new URL(portal.page.url()).search).toBe('?page=2');

    // A reload keeps the session (the HttpOnly cookie), though the page keeps nothing in storage.
    await portal.page.reload();
    await portal.onPage('My applications');
  });

  test('forgotten password: the emailed link opens the reset page, and the new password signs in', async () => {
    await portal.page.getByRole('button', { name: 'Sign out' }).click();
    await portal.onPage('Sign in');
    await portal.page.getByRole('link', { name: 'Forgot your password?' }).click();
    await portal.onPage('Reset your password');
    expect(await portal.accessibilityViolations()).toEqual([]);
    await portal.page.getByLabel('Email address').fill('ada@example.org');
    await portal.page.getByRole('button', { name: 'Email me a link' }).click();
    await portal.page.getByText('we have sent it an email').waitFor();

    const [mail] = await waitFor(
      'the reset email',
      () => system.smtp.to('ada@example.org'),
      (m) => m.some((x) => x.raw.includes('reset-password')),
    );
    const link = accountLink(mail, 'reset-password');
    await portal.goto(link.url);
    await portal.onPage('Choose a new password');
    expect(await portal.accessibilityViolations()).toEqual([]);
    await portal.page.getByRole('textbox', { name: 'New password' }).fill('short');
    await portal.page.getByRole('button', { name: 'Save my new password' }).click();
    // The API's answer, in plain words beside the field it is about, and the form's summary announced.
    await portal.page.getByText('must be at least 12 characters').waitFor();
    await expect(portal.page.getByRole('textbox', { name: 'New password' }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(portal.page.getByRole('alert').filter({ hasText: 'Some answers need fixing' }).count()).resolves.toBe(1);
    await portal.page.getByRole('textbox', { name: 'New password' }).fill('a new long passphrase for ada');
    await portal.page.getByRole('button', { name: 'Save my new password' }).click();
    await portal.page.getByText('Your password is changed').waitFor();

    // The link works once (opened again later, as from the email).
    await portal.goto('/sign-in');
    await portal.goto(link.url);
    await portal.page.getByRole('textbox', { name: 'New password' }).fill('yet another long passphrase');
    await portal.page.getByRole('button', { name: 'Save my new password' }).click();
    await portal.page.getByRole('alert').filter({ hasText: 'expired, was already used' }).waitFor();

    await portal.goto('/sign-in');
    await portal.signIn('ada@example.org', 'a new long passphrase for ada');
    await portal.onPage('My applications');
  });

  test('an invited coordinator opens the invitation link, chooses a name and password, and is signed in', async () => {
    await seedAccount(system.ds, { email: 'admin@mi-aimh.example', password: 'an admin passphrase', roles: ['administrator'], associationCode: 'MI-AIMH' });
    const login = await fetch(system.url('/api/v1/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@mi-aimh.example', password: 'an admin passphrase' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const invited = await fetch(system.url('/api/v1/staff/invitations'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ email: 'cora@mi-aimh.example', fullName: 'Cora Coordinator', roles: ['coordinator'] }),
    });
    expect(invited.status).toBe(201);
    const [mail] = await waitFor(
      'the invitation',
      () => system.smtp.to('cora@mi-aimh.example'),
      (m) => m.length > 0,
    );

    const cora = await portals.open(system.url('/'));
    await cora.goto(accountLink(mail, 'accept-invitation').url);
    await cora.onPage('Accept your invitation');
    expect(await cora.accessibilityViolations()).toEqual([]);
    await cora.page.getByLabel('Your full name').fill('Cora Coordinator');
    await cora.page.getByRole('textbox', { name: 'New password' }).fill('a long coordinator passphrase');
    await cora.page.getByRole('button', { name: 'Accept and sign in' }).click();
    await cora.page.getByRole('link', { name: 'Staff' }).waitFor();
  });
});
