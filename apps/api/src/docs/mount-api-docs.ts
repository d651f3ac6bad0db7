import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { buildApiDocument } from './api-document.js';

/** Serves the OpenAPI document at /docs (Swagger UI), /docs-json and /docs-yaml, built on first request. */
export function mountApiDocs(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildApiDocument(app), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
