import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { listRouteAccess } from '#auth';

const PROBLEM = {
  type: 'object',
  description: 'RFC 9457 problem details; `code` is stable and meant for programs, `title` and `detail` for people.',
  required: ['type', 'status', 'code', 'title'],
  properties: {
    type: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', example: 'validation_failed' },
    title: { type: 'string' },
    detail: { type: 'string' },
    instance: { type: 'string' },
  },
};

/**
 * The OpenAPI document, generated from the controllers: request schemas come from the same zod
 * schemas that validate them; who may call each operation comes from its @Public()/@Roles(...), the
 * metadata the access guard enforces, so the document cannot drift from what the api does.
 */
export function buildApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Endorsement workflow API')
    .setDescription(
      'Applications for the Endorsement credential, reference ratings, staff review queues, exam and panel review, renewal. ' +
        'Errors are application/problem+json with a stable `code`. Operations other than public ones need `Authorization: Bearer <access token>` from POST /auth/login.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM } };
  for (const route of listRouteAccess(app.get(DiscoveryService), app.get(MetadataScanner), app.get(Reflector))) {
    const operation = document.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase() as 'get'];
    if (!operation) continue;
    operation.security = route.isPublic ? [] : [{ bearer: [] }];
    if (!route.isPublic) operation.description = [`Roles: ${route.roles.join(', ')}.`, operation.description].filter(Boolean).join(' ');
    operation.responses.default = { description: 'An error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  }
  return document;
}
