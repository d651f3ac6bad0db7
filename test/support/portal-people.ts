import type { DataSource } from 'typeorm';
import { seedAccount } from '../api/auth-harness.js';

/** An applicant who can sign in to the portal: their account, and the person their applications belong to. */
export async function seedApplicant(ds: DataSource, email: string, password: string, fullName: string): Promise<{ personId: string }> {
  const accountId = await seedAccount(ds, { email, password, roles: ['applicant'], associationCode: 'MI-AIMH', fullName });
  const [{ person_id: personId }] = await ds.query<{ person_id: string }[]>(`SELECT person_id FROM accounts WHERE id = $1`, [accountId]);
  return { personId };
}

/** A staff member's access token, through the API's own sign-in. */
export async function staffToken(ds: DataSource, base: string, email: string, password: string, roles: string[]): Promise<string> {
  await seedAccount(ds, { email, password, roles, associationCode: 'MI-AIMH', fullName: 'Cora Coordinator' });
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}
