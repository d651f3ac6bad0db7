// Writes docs/openapi.json, the committed API contract, from the controllers (npm run docs:openapi).
// Runs after the build as `node dist/scripts/generate-openapi.js`; needs no database, Redis or SMTP.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderApiDocument } from '../apps/api/src/docs/render-api-document.js';

const docPath = join(fileURLToPath(new URL('../..', import.meta.url)), 'docs', 'openapi.json');
writeFileSync(docPath, await renderApiDocument());
console.log(`Wrote ${docPath}`);
