import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject, type OperationObject, type ResponseObject } from '@nestjs/swagger';
import { z } from 'zod';
import { listRouteAccess } from '#auth';
import { API_PREFIX } from '../api-prefix.js';
import { API_TAGS } from './api-tags.js';
import { codesOf, PROBLEM_MEDIA_TYPE, PROBLEM_SCHEMA, problemResponse } from './problem-responses.js';

/** What every protected operation may answer besides its own problems. */
const ACCESS_PROBLEMS = { 401: ['authentication_required', 'invalid_token', 'token_expired'], 403: ['forbidden'] } as const;

/**
 * Response schemas are described as their JSON on the wire: the zod schema's input side (a Date the
 * use case returns is an ISO string), with named schemas (`.meta({ id })`) as components.
 */
function wireSchema(schema: unknown, options: { schemaType: 'input' | 'output' }) {
  if (options.schemaType !== 'output' || !(schema instanceof z.ZodType)) return undefined;
  const { definitions, ...root } = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', override: nullableForOpenApi30 }) as Record<string, unknown> & {
    definitions?: Record<string, unknown>;
  };
  return { schema: root, components: definitions ?? {} };
}

/**
 * OpenAPI 3.0 wants a type beside `nullable` (zod writes a nullable named schema as `allOf: [$ref]`
 * alone; ours are all objects), and a nullable enum lists null among its values (OpenAPI 3.0.3).
 */
function nullableForOpenApi30(context: { jsonSchema: Record<string, unknown> }): void {
  const schema = context.jsonSchema;
  if (schema.nullable !== true) return;
  if (schema.allOf && !schema.type) schema.type = 'object';
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...(schema.enum as unknown[]), null];
}

/**
 * The OpenAPI document, generated from the controllers: request schemas come from the same zod
 * schemas that validate them, responses from the zod schemas the controllers are typed by; who may
 * call each operation comes from its @Public()/@Roles(...), the metadata the access guard enforces,
 * so the document cannot drift from what the api does. docs/openapi.json is this document.
 */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Endorsement workflow API')
    .setDescription(
      'Applications for the Endorsement credential, reference ratings, staff review queues, exam and panel review, renewal. ' +
        `Errors are application/problem+json with a stable \`code\`. Operations other than public ones need \`Authorization: Bearer <access token>\` from POST ${API_PREFIX}/auth/login.`,
    )
    .setVersion('1')
    .addServer('http://localhost:3000', 'The api as `npm start` runs it; a deployment answers at its own address.')
    .addBearerAuth();
  for (const tag of API_TAGS) builder.addTag(tag.name, tag.description);
  const document = SwaggerModule.createDocument(app, builder.build(), { standardSchemaConverter: wireSchema });
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA } };
  // Built from metadata alone (no provider instances), so the committed document needs no running services.
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  for (const route of listRouteAccess(discovery, new MetadataScanner(), new Reflector())) {
    const template = route.path.replace(/:(\w+)/g, '{$1}');
    // Routes are declared without the global prefix; the document has them as served.
    const operation = (document.paths[`${API_PREFIX}${template}`] ?? document.paths[template])?.[route.method.toLowerCase() as 'get'];
    if (!operation) continue;
    operation.security = route.isPublic ? [] : [{ bearer: [] }];
    if (!route.isPublic) operation.description = [`Roles: ${route.roles.join(', ')}.`, operation.description].filter(Boolean).join(' ');
    if (operation.parameters?.length || operation.requestBody) addProblems(operation, 400, ['validation_failed']);
    if (!route.isPublic) for (const [status, codes] of Object.entries(ACCESS_PROBLEMS)) addProblems(operation, Number(status), codes);
    if (route.throttled) addProblems(operation, 429, ['too_many_requests']);
    operation.responses = sortedResponses(operation.responses as Record<string, ResponseObject>);
    operation.responses.default = {
      description: 'Any other error, e.g. 503 `not_ready`.',
      content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return document;
}

function addProblems(operation: OperationObject, status: number, codes: readonly string[]): void {
  const existing = operation.responses[status] as ResponseObject | undefined;
  operation.responses[status] = problemResponse([...(existing ? codesOf(existing) : []), ...codes]);
}

/** Success first, then errors by status: the order people read them in. */
function sortedResponses(responses: Record<string, ResponseObject>): Record<string, ResponseObject> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b)));
}
