import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';

export interface Reply {
  status: number;
  type: string;
  headers: Headers;
  body: Record<string, unknown>;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is, with a JSON content type (malformed or oversized bodies). */
  raw?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** The address of a path on an api under test. */
export function urlOf(api: INestApplication, path: string): string {
  const { port } = api.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}${path}`;
}

/** JSON calls against an api under test. */
export function caller(api: () => INestApplication) {
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await fetch(urlOf(api(), path), {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      headers: res.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  };
}

/** A JWT signed HS256 with `secret`, carrying whatever claims a test wants (expired, wrong type …). */
export function signJwt(claims: Record<string, unknown>, secret: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part(header)}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The claims of a JWT, unverified: to forge variants of a real token. */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The same token with one character of its signature changed. */
export function tamper(token: string): string {
  const i = token.length - 5;
  return `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`;
}

/**
 * An account made directly in the database, as an operator's bootstrap would (administrators are not
 * self-registered): for tests that need staff roles.
 */
export async function seedAccount(
  ds: DataSource,
  account: { email: string; password: string; roles: string[]; associationCode: string | null; personAssociation?: string; fullName?: string },
): Promise<string> {
  const [person] = await ds.query<{ id: string }[]>(`INSERT INTO people (association_code, email, full_name) VALUES ($1, $2, $3) RETURNING id`, [
    account.associationCode ?? account.personAssociation ?? 'MI-AIMH',
    account.email,
    account.fullName ?? 'Staff Member',
  ]);
  const [row] = await ds.query<{ id: string }[]>(
    `INSERT INTO accounts (person_id, email, password_hash, roles, association_code, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, now(), now()) RETURNING id`,
    [person.id, account.email, await hash(account.password), account.roles, account.associationCode],
  );
  return row.id;
}
