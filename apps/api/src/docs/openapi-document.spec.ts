import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { renderClientTypes } from '../../../../libs/api-client/src/render-client-types.js';
import { renderApiDocument } from './render-api-document.js';

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const committedPath = new URL('../../../../docs/openapi.json', import.meta.url);
const clientTypesPath = new URL('../../../../libs/api-client/src/schema.ts', import.meta.url);
const NON_JSON_BODIES = new Set(['application/pdf', 'application/vc+jwt']);

describe('docs/openapi.json, the API contract', () => {
  let rendered: string;
  let doc: { paths: Record<string, Record<string, Operation>> };

  test('is what the controllers generate', async () => {
    rendered = await renderApiDocument();
    doc = JSON.parse(rendered) as typeof doc;
    if (readFileSync(committedPath, 'utf8') !== rendered) {
      throw new Error('docs/openapi.json is out of date with the controllers: run `npm run docs:openapi` and commit it');
    }
  });

  test('the typed client (libs/api-client) is generated from the committed document', async () => {
    const generated = await renderClientTypes(readFileSync(committedPath, 'utf8'));
    if (readFileSync(clientTypesPath, 'utf8') !== generated) {
      throw new Error('libs/api-client/src/schema.ts is out of date with docs/openapi.json: run `npm run docs:openapi` and commit it');
    }
    // Every JSON body gets a type, so callers read fields the contract names, never `unknown`.
    expect(generated).not.toMatch(/"application\/json": unknown/);
  });

  test('every operation has a verb id, a summary, a description and a tag', () => {
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    expect(operations.length).toBeGreaterThan(50);
    for (const op of operations) {
      expect(op.operationId).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
      expect(op.operationId).not.toMatch(/Controller/);
      expect(op.summary).toBeTruthy();
      expect(op.description).toBeTruthy();
      expect(op.tags).toHaveLength(1);
    }
  });

  test('every success answer with a body has a schema that refuses unknown fields', () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(op.responses).filter(([s]) => s.startsWith('2'))) {
          if (status === '202' || status === '204') continue;
          // A few answers are documents rather than JSON (a PDF certificate, a signed credential): one string body each.
          const [mediaType] = Object.keys(response.content ?? {});
          if (mediaType && NON_JSON_BODIES.has(mediaType)) {
            expect({ operation: `${method} ${path}`, media: response.content }).toEqual({
              operation: `${method} ${path}`,
              media: { [mediaType]: { schema: expect.objectContaining({ type: 'string' }) } },
            });
            continue;
          }
          expect({ operation: `${method} ${path}`, schema: response.content?.['application/json']?.schema }).toEqual({
            operation: `${method} ${path}`,
            schema: expect.anything(),
          });
        }
      }
    }
    expect(rendered).not.toMatch(/"additionalProperties": true/);
  });

  test('HTML pages and health probes are not in the JSON API', () => {
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/r/') || p.startsWith('/health') || p.startsWith('/admin') || p === '/verify/{number}')).toEqual(
      [],
    );
  });
});
