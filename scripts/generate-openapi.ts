// Writes docs/openapi.json, the committed API contract, from the controllers, and the typed client's
// types generated from it, libs/api-client/src/schema.ts (npm run docs:openapi).
// Runs after the build as `node dist/scripts/generate-openapi.js`; needs no database, Redis or SMTP.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderApiDocument } from '../apps/api/src/docs/render-api-document.js';
import { renderClientTypes } from '../libs/api-client/src/render-client-types.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const docPath = join(root, 'docs', 'openapi.json');
const document = await renderApiDocument();
writeFileSync(docPath, document);
console.log(`Wrote ${docPath}`);
const typesPath = join(root, 'libs', 'api-client', 'src', 'schema.ts');
writeFileSync(typesPath, await renderClientTypes(document));
console.log(`Wrote ${typesPath}`);
