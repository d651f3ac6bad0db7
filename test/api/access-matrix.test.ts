import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { loadFramework } from '#framework';
import type { ApplicationState } from '#workflow';
import { insertApplication } from '../support/application-fixture.js';
import { databaseDigest, listOperations, validValue, type Operation } from '../support/openapi-operations.js';
import { TestSystem } from '../support/test-system.js';
import { caller, claimsOf, seedAccount, signJwt, tamper, type Reply } from './auth-harness.js';

/**
 * Who may touch whose application, for every operation of the OpenAPI document that takes an
 * application id: another applicant, staff of another association and an unassigned reviewer all
 * get 404 (the application's existence does not leak), roles an operation does not admit get 403,
 * and nothing changes. Every protected operation refuses tampered, expired, forged and refresh-typed
 * tokens with 401.
 */

const PASSWORD = 'access matrix passphrase, long enough';
const STATES = ['draft', 'reference_checks', 'exam', 'panel_review', 'deferred', 'endorsed'] as const satisfies readonly ApplicationState[];
// Callers who are never entitled to Ann's applications, whatever the operation: their role may be admitted.
const OUTSIDERS = {
  bob: { roles: ['applicant'], association: 'MI-AIMH' },
  texasCoordinator: { roles: ['coordinator'], association: 'TAIMH' },
  texasAdministrator: { roles: ['administrator'], association: 'TAIMH' },
  unassignedReviewer: { roles: ['reviewer'], association: 'MI-AIMH' },
  examReviewer: { roles: ['exam_reviewer'], association: 'MI-AIMH' },
} as const;

const framework = loadFramework();
// Bodies the schema accepts where the generic one would not, so that access, not validation, answers.
const BODIES: Record<string, unknown> = {
  'POST /api/v1/applications/{id}/reinstate': {},
  'POST /api/v1/staff/applications/{id}/panel': { reviewerIds: [crypto.randomUUID(), crypto.randomUUID()] },
  'POST /api/v1/reviews/{applicationId}/vote': {
    checklist: Object.fromEntries(framework.competencyDomains.map((d) => [d.code, 'met'])),
    recommendation: 'endorse',
  },
};
const bodyFor = (op: Operation): unknown => BODIES[`${op.method} ${op.path}`] ?? (op.body ? validValue(op.body) : undefined);

describe('access: every operation that takes an application id', () => {
  const system = new TestSystem();
  const call = caller(() => system.api!);
  const tokens: Record<string, string> = {};
  const apps: Partial<Record<ApplicationState, { id: string; referenceId: string }>> = {};
  let operations: Operation[] = [];
  const isAppParam = (name: string) => name === 'id' || name === 'applicationId';

  /** The operation's path with Ann's application (and its reference) in it, other ids unknown. */
  function pathFor(op: Operation, app: { id: string; referenceId: string }): string {
    return op.path.replace(/\{(\w+)\}/g, (_, name: string) => (isAppParam(name) ? app.id : name === 'referenceId' ? app.referenceId : crypto.randomUUID()));
  }

  beforeAll(async () => {
    await system.start({ api: true, env: { AUTH_THROTTLE_LIMIT: 100_000 } });
    const ds = system.ds;
    const people = { ann: { roles: ['applicant'], association: 'MI-AIMH' }, ...OUTSIDERS };
    for (const [name, who] of Object.entries(people)) {
      await seedAccount(ds, { email: `${name}@example.org`, password: PASSWORD, roles: [...who.roles], associationCode: who.association });
      tokens[name] = (await call('POST', '/api/v1/auth/login', { body: { email: `${name}@example.org`, password: PASSWORD } })).body.accessToken as string;
    }
    for (const state of STATES) {
      const id = await insertApplication(ds, framework, { state, category: 'IMHS' });
      await ds.query(`UPDATE applications SET applicant_id = (SELECT person_id FROM accounts WHERE email = 'ann@example.org') WHERE id = $1`, [id]);
      const [ref] = await ds.query<{ id: string }[]>(
        `INSERT INTO application_references (application_id, role, rater_name, rater_email, waived_access, created_at) VALUES ($1, 'supervisor', 'Rae Rater', 'rae@raters.example', true, now()) RETURNING id`,
        [id],
      );
      apps[state] = { id, referenceId: ref.id };
    }
    operations = (await listOperations(system.url('/docs-json'))).filter((op) => (op.path.match(/\{(\w+)\}/g) ?? []).some((p) => isAppParam(p.slice(1, -1))));
  });
  afterAll(() => system.stop());

  test('the operations are found (the document lists them)', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
  });

  test('outsiders get 404 where their role is admitted and 403 where it is not; nothing changes', async () => {
    const before = await databaseDigest(system.ds);
    const wrong: string[] = [];
    for (const op of operations) {
      for (const [name, who] of Object.entries(OUTSIDERS)) {
        const expected = who.roles.some((role) => op.roles.includes(role)) ? 404 : 403;
        for (const state of STATES) {
          const path = pathFor(op, apps[state]!);
          const reply: Reply = await call(op.method, path, { token: tokens[name], body: bodyFor(op), headers: { 'if-match': '0' } });
          if (reply.status !== expected || reply.body.code === undefined)
            wrong.push(`${op.method} ${op.path} as ${name} on ${state}: ${reply.status} ${String(reply.body.code)} (expected ${expected})`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await databaseDigest(system.ds)).toBe(before);
  });

  test('tampered, expired, forged and refresh-typed tokens are refused with 401 on every protected operation', async () => {
    const everything = await listOperations(system.url('/docs-json'));
    const { jwtSecret } = system.config.auth;
    const claims = claimsOf(tokens.ann);
    const now = Math.floor(Date.now() / 1000);
    const bad = {
      tampered: tamper(tokens.ann),
      expired: signJwt({ ...claims, iat: now - 3600, exp: now - 60 }, jwtSecret),
      refreshTyped: signJwt({ ...claims, typ: 'refresh' }, jwtSecret),
      otherSecret: signJwt(claims, 'a different secret, at least thirty-two characters'),
      algNone: `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`,
    };
    const wrong: string[] = [];
    for (const op of everything.filter((o) => !o.isPublic)) {
      const path = pathFor(op, apps.draft!);
      for (const [kind, token] of Object.entries(bad)) {
        const reply = await call(op.method, path, { token, body: bodyFor(op) });
        if (reply.status !== 401) wrong.push(`${op.method} ${op.path} with a ${kind} token: ${reply.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
