import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { TestSystem } from '../support/test-system.js';

interface Operation {
  security?: Record<string, string[]>[];
  description?: string;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, unknown>;
}

describe('OpenAPI at /docs, generated from the code', () => {
  const system = new TestSystem();
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    await system.start({ api: true });
    const res = await fetch(system.url('/docs-json'));
    expect(res.status).toBe(200);
    doc = (await res.json()) as typeof doc;
  });
  afterAll(() => system.stop());

  test('Swagger UI is served to people at /docs', async () => {
    const res = await fetch(system.url('/docs'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('swagger-ui');
  });

  test('request bodies carry the zod schemas that validate them (unknown fields refused)', () => {
    const login = doc.paths['/api/v1/auth/login'].post;
    const schema = login.requestBody!.content['application/json'].schema;
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(Object.keys(schema.properties as object)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  test('who may call each operation is what the access guard enforces', () => {
    expect(doc.paths['/api/v1/auth/login'].post.security).toEqual([]);
    const me = doc.paths['/api/v1/auth/me'].get;
    expect(me.security).toEqual([{ bearer: [] }]);
    expect(me.description).toMatch(/^Roles: applicant, coordinator, reviewer, exam_reviewer, administrator\./);
    expect(doc.paths['/api/v1/registry'].get.security).toEqual([]);
  });

  test('is the committed contract, docs/openapi.json', () => {
    expect(doc).toEqual(JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')));
  });

  test('every operation documents its problem+json errors', () => {
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p));
    expect(operations.length).toBeGreaterThan(5);
    for (const op of operations) expect(op.responses.default).toMatchObject({ content: { 'application/problem+json': expect.anything() } });
  });
});
