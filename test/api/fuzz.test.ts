import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import type { ApplicationState } from '#workflow';
import { insertApplication } from '../support/application-fixture.js';
import { databaseDigest, listOperations, typeOf, validValue, withTextAtEachString, type Operation, type Schema } from '../support/openapi-operations.js';
import { TestSystem } from '../support/test-system.js';
import { caller, seedAccount, urlOf, type Reply } from './auth-harness.js';

/**
 * Malformed requests against every operation the OpenAPI document lists (so new endpoints are fuzzed
 * as they land): wrong types, missing and unknown fields, huge strings, injection strings, malformed
 * JSON, malformed ids, and staff transitions out of order. None may answer 5xx, every refusal is
 * problem+json with a code, and nothing in the database changes.
 */

interface Attempt {
  label: string;
  method: string;
  path: string;
  token?: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

const PASSWORD = 'a long enough passphrase 42';
const INJECTIONS = [
  "' OR '1'='1' --",
  '"; DROP TABLE applications; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  '../../../etc/passwd',
  '\u0000',
  '{{constructor.constructor("return process")()}}',
  '%00%27',
];
const WRONG_TYPES: unknown[] = [42, -1.5, true, null, [], {}, ['a'], 'text'];
const HUGE = 'x'.repeat(100_000);
/** Text PostgreSQL cannot store (it refuses NUL, and jsonb an unpaired surrogate escape). */
const UNSTORABLE = { NUL: 'a\u0000b', 'lone high surrogate': 'a\ud800b', 'lone low surrogate': 'a\udc00b' };

// A small deterministic generator, so a failure names a request that can be replayed.
function prng(seed: number): () => number {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

/** A value of the wrong type for the schema. */
function wrongValue(schema: Schema, pick: () => number): unknown {
  const type = typeOf(schema);
  const candidates = WRONG_TYPES.filter((v) => {
    if (v === null) return false; // nullable fields exist; null is not reliably wrong
    if (Array.isArray(v)) return type !== 'array';
    if (typeof v === 'number') return type !== 'number' && type !== 'integer';
    if (typeof v === 'boolean') return type !== 'boolean';
    if (typeof v === 'string') return type !== 'string' && !schema.enum;
    return type !== 'object';
  });
  return candidates[Math.floor(pick() * candidates.length)];
}

/** Bodies each of which the schema must refuse. */
function malformedBodies(schema: Schema, pick: () => number): { label: string; body?: unknown; raw?: string }[] {
  const base = validValue(schema) as Record<string, unknown>;
  const out: { label: string; body?: unknown; raw?: string }[] = [
    { label: 'unknown field', body: { ...base, isAdmin: true } },
    { label: 'body is an array', body: [base] },
    { label: 'body is a string', body: 'hello' },
    { label: 'body is a number', body: 7 },
    { label: 'malformed JSON', raw: '{"a": ' },
    { label: 'prototype pollution', raw: `{"__proto__": {"roles": ["administrator"]}, "constructor": {"prototype": {"x": 1}}}` },
    { label: 'oversized body', raw: JSON.stringify({ ...base, padding: 'y'.repeat(300_000) }) },
  ];
  for (const field of schema.required ?? []) {
    const { [field]: _dropped, ...rest } = base;
    out.push({ label: `missing ${field}`, body: rest });
  }
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    out.push({ label: `${field} of the wrong type`, body: { ...base, [field]: wrongValue(property, pick) } });
    const type = typeOf(property);
    if (type === 'string') {
      out.push({ label: `${field} huge`, body: { ...base, [field]: HUGE } });
      if (property.enum || property.format) {
        for (const injection of INJECTIONS.slice(0, 3)) out.push({ label: `${field} injection ${injection}`, body: { ...base, [field]: injection } });
      }
    }
    if (type === 'array') out.push({ label: `${field} of 10,000 items`, body: { ...base, [field]: Array.from({ length: 10_000 }, () => 'a') } });
    if (type === 'integer' || type === 'number') out.push({ label: `${field} absurd`, body: { ...base, [field]: 1e308 } });
  }
  return out;
}

/** Path parameters that are never an existing record: malformed ids, injections, unknown uuids. */
function malformedIds(pick: () => number): string[] {
  const pool = [
    'not-a-uuid',
    '1',
    '00000000-0000-0000-0000-00000000000g',
    encodeURIComponent("' OR 1=1 --"),
    encodeURIComponent('<script>'),
    'z'.repeat(2_000),
    '%2e%2e%2f%2e%2e%2f',
    crypto.randomUUID(),
  ];
  return [pool[Math.floor(pick() * pool.length)], crypto.randomUUID()];
}

describe('fuzz: malformed requests across the endpoints', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  const tokens: Record<string, string> = {};
  const appIds: Partial<Record<ApplicationState, string>> = {};
  let operations: Operation[] = [];
  const replies: { attempt: Attempt; reply: Reply }[] = [];

  const describeReply = ({ attempt, reply }: { attempt: Attempt; reply: Reply }) =>
    `${attempt.method} ${attempt.path.slice(0, 120)} [${attempt.label}] → ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`;

  /** One request; pages (the rater form) answer HTML, everything else JSON. */
  async function send(attempt: Attempt): Promise<Reply> {
    const headers: Record<string, string> = { ...attempt.headers };
    if (attempt.body !== undefined || attempt.raw !== undefined) headers['content-type'] = 'application/json';
    if (attempt.token) headers.authorization = `Bearer ${attempt.token}`;
    const res = await fetch(urlOf(system.api!, attempt.path), {
      method: attempt.method,
      headers,
      body: attempt.raw ?? (attempt.body === undefined ? undefined : JSON.stringify(attempt.body)),
    });
    const type = res.headers.get('content-type') ?? '';
    const text = await res.text();
    return {
      status: res.status,
      type,
      headers: res.headers,
      body: type.includes('json') && text ? (JSON.parse(text) as Record<string, unknown>) : { text: text.slice(0, 200) },
    };
  }

  beforeAll(async () => {
    // The queue dashboard on, so its sign-in routes are in the document and fuzzed too.
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 100_000, QUEUE_DASHBOARD: 'true' } });
    const ds = system.ds;
    const roles = {
      applicant: 'applicant',
      coordinator: 'coordinator',
      reviewer: 'reviewer',
      exam_reviewer: 'exam_reviewer',
      administrator: 'administrator',
    } as const;
    for (const [name, role] of Object.entries(roles)) {
      await seedAccount(ds, { email: `${name}@example.org`, password: PASSWORD, roles: [role], associationCode: role === 'administrator' ? null : 'MI-AIMH' });
      const login = await call('POST', '/api/v1/auth/login', { body: { email: `${name}@example.org`, password: PASSWORD } });
      expect(login.status).toBe(200);
      tokens[name] = login.body.accessToken as string;
    }
    const [{ person_id: applicant }] = await ds.query<{ person_id: string }[]>(`SELECT person_id FROM accounts WHERE email = 'applicant@example.org'`);
    const framework = loadFramework();
    for (const state of ['draft', 'reference_checks', 'exam', 'panel_review', 'endorsed'] as const) {
      const id = await insertApplication(ds, framework, { state, category: state === 'exam' ? 'IMHS' : 'IFA' });
      await ds.query(`UPDATE applications SET applicant_id = $1 WHERE id = $2`, [applicant, id]);
      appIds[state] = id;
    }
    // The rater form's HTML pages are not in the JSON API's document; they are fuzzed all the same.
    const raterPage = (method: string): Operation => ({
      method,
      path: '/r/{token}',
      parameters: [{ name: 'token', in: 'path', schema: { type: 'string' } }],
      isPublic: true,
      roles: [],
    });
    operations = [...(await listOperations(system.url('/docs-json'))), raterPage('GET'), raterPage('POST')];
  });
  afterAll(() => system.stop());

  test('at least 1,000 malformed requests: no 5xx, problem+json refusals, no state changed', async () => {
    const pick = prng(20261122);
    const attempts: Attempt[] = [];
    for (const op of operations) {
      if (op.path.startsWith('/docs') || op.path.startsWith('/health')) continue;
      const params = op.path.match(/\{\w+\}/g) ?? [];
      const roleTokens = !op.isPublic ? Object.values(tokens) : [undefined];
      // Malformed or unknown ids in every path parameter, as every role.
      if (params.length) {
        for (const token of roleTokens) {
          for (const id of malformedIds(pick)) {
            attempts.push({
              label: 'malformed id',
              method: op.method,
              path: op.path.replace(/\{\w+\}/g, id),
              token,
              body: op.body ? validValue(op.body) : undefined,
            });
          }
        }
      }
      // Malformed bodies against a real application (so validation, not a 404, is what answers).
      if (op.body) {
        const path = op.path.replace(/\{\w*[iI]d\}/g, appIds.draft!).replace(/\{\w+\}/g, 'not-a-token');
        for (const token of roleTokens) {
          for (const bad of malformedBodies(op.body, pick)) attempts.push({ label: bad.label, method: op.method, path, token, body: bad.body, raw: bad.raw });
        }
      }
      // Queries with wrong types and injections.
      if (op.method === 'GET') {
        for (const token of roleTokens) {
          for (const q of [
            'limit=-1',
            'limit=abc',
            `limit=${'9'.repeat(40)}`,
            `cursor=${encodeURIComponent(INJECTIONS[0])}`,
            `state=${encodeURIComponent(INJECTIONS[1])}`,
            'days=1e9',
          ]) {
            attempts.push({ label: `query ${q}`, method: 'GET', path: `${op.path.replace(/\{\w+\}/g, crypto.randomUUID())}?${q}`, token });
          }
        }
      }
    }
    // Transitions out of order, and with stale or malformed versions, wherever staff can fire them.
    const outOfOrder: Record<string, string[]> = {
      draft: ['complete_references', 'pass_exam', 'renew', 'resume', 'panel_endorse', 'lapse', 'open_renewal', 'no_such_event'],
      reference_checks: ['submit', 'pass_exam', 'renew', 'resume', 'lapse'],
      exam: ['submit', 'complete_references', 'renew', 'resubmit'],
      panel_review: ['submit', 'begin_reference_checks', 'renew', 'resume'],
      endorsed: ['submit', 'withdraw', 'resume', 'hold', 'renew', 'reinstate'],
    };
    if (operations.some((o) => o.path === '/api/v1/staff/applications/{id}/transitions')) {
      for (const [state, events] of Object.entries(outOfOrder)) {
        const path = `/api/v1/staff/applications/${appIds[state as ApplicationState]}/transitions`;
        for (const event of events) {
          for (const ifMatch of ['0', '99', 'abc', '"0"']) {
            attempts.push({
              label: `transition ${event} from ${state}`,
              method: 'POST',
              path,
              token: tokens.coordinator,
              body: { event, reason: 'Fuzz: out of order.' },
              headers: { 'if-match': ifMatch },
            });
          }
        }
      }
    }
    // No or forged credentials on every protected operation.
    for (const op of operations.filter((o) => !o.isPublic)) {
      const path = op.path.replace(/\{\w+\}/g, appIds.draft!);
      for (const token of ['', 'garbage', `${tokens.applicant}x`, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'])
        attempts.push({ label: 'bad credentials', method: op.method, path, token: token || undefined, body: op.body ? validValue(op.body) : undefined });
    }

    expect(attempts.length).toBeGreaterThanOrEqual(1_000);
    const before = await databaseDigest(system.ds);
    for (const attempt of attempts) replies.push({ attempt, reply: await send(attempt) });
    const after = await databaseDigest(system.ds);

    expect(replies.filter((r) => r.reply.status >= 500).map(describeReply)).toEqual([]);
    // A malformed request is refused, whatever it is; reads of nothing (GET) may answer empty.
    expect(replies.filter((r) => r.attempt.method !== 'GET' && r.reply.status < 400).map(describeReply)).toEqual([]);
    const refusals = replies.filter((r) => r.reply.status >= 400 && !r.attempt.path.startsWith('/r/'));
    expect(refusals.filter((r) => !r.reply.type.startsWith('application/problem+json') || typeof r.reply.body.code !== 'string').map(describeReply)).toEqual(
      [],
    );
    expect(after).toBe(before);
  }, 300_000); // about 1,500 requests in sequence: minutes on a busy 2-core machine

  test('NUL and unpaired surrogates in every parameter and JSON string: 400 validation_failed naming the field, no state changed', async () => {
    interface Probe extends Attempt {
      /** The field the refusal must name; absent where the request cannot carry the character (see below). */
      field?: string;
    }
    const probes: Probe[] = [];
    for (const op of operations) {
      if (op.path.startsWith('/docs') || op.path.startsWith('/health')) continue;
      // As a caller the route admits, at a real application, so without the defence the text would reach the database.
      const token = op.isPublic ? undefined : tokens[op.roles[0]];
      const fill = (path: string) => path.replace(/\{\w*[iI]d\}/g, appIds.draft!).replace(/\{\w+\}/g, 'a'.repeat(43));
      const body = op.body ? validValue(op.body) : undefined;
      // Headers (If-Match) cannot carry NUL at all: fetch refuses to send it.
      for (const param of op.parameters.filter((p) => p.in !== 'header' && typeOf(p.schema) === 'string')) {
        const at = (value: string) => (param.in === 'path' ? fill(op.path.replace(`{${param.name}}`, value)) : `${fill(op.path)}?${param.name}=${value}`);
        probes.push({ label: `NUL in ${param.in} ${param.name}`, method: op.method, path: at('%00'), token, body, field: param.name });
        // A URL is UTF-8: an encoded surrogate is invalid there and decodes to U+FFFD (query) or is refused
        // (path), so it never arrives as a lone surrogate; it must still never fail.
        probes.push({ label: `encoded surrogate in ${param.in} ${param.name}`, method: op.method, path: at('%ED%A0%80'), token, body });
      }
      if (op.body) {
        for (const [label, text] of Object.entries(UNSTORABLE)) {
          for (const { field, body: bad } of withTextAtEachString(op.body, text))
            probes.push({ label: `${label} in ${field}`, method: op.method, path: fill(op.path), token, body: bad, field });
          const key = `field${text}`;
          probes.push({
            label: `${label} in a field name`,
            method: op.method,
            path: fill(op.path),
            token,
            body: { ...(body as object), [key]: 'text' },
            field: key,
          });
        }
      }
    }

    const before = await databaseDigest(system.ds);
    const answered: { attempt: Probe; reply: Reply }[] = [];
    for (const attempt of probes) answered.push({ attempt, reply: await send(attempt) });
    const after = await databaseDigest(system.ds);

    expect(probes.filter((p) => p.field !== undefined).length).toBeGreaterThanOrEqual(300);
    expect(answered.filter((a) => a.reply.status >= 500).map(describeReply)).toEqual([]);
    const named = answered.filter((a) => a.attempt.field !== undefined);
    // The rater form is for people with a browser: its refusal is an HTML page (rater-form.test.ts reads it).
    expect(
      named
        .filter((a) => a.attempt.path.startsWith('/r/'))
        .filter((a) => a.reply.status !== 400 || !a.reply.type.startsWith('text/html'))
        .map(describeReply),
    ).toEqual([]);
    const refused = (a: { attempt: Probe; reply: Reply }) =>
      a.reply.status === 400 &&
      a.reply.type.startsWith('application/problem+json') &&
      a.reply.body.code === 'validation_failed' &&
      (a.reply.body.errors as { field: string }[]).some((e) => e.field === a.attempt.field);
    expect(named.filter((a) => !a.attempt.path.startsWith('/r/') && !refused(a)).map(describeReply)).toEqual([]);
    expect(answered.filter((a) => a.attempt.label.startsWith('encoded surrogate in path') && a.reply.status !== 400).map(describeReply)).toEqual([]);
    expect(after).toBe(before);
  }, 300_000); // about 450 requests in sequence
});
