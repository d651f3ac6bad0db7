// Rewrites the generated section of docs/state-machine.md from the transition table.
// Runs after the build as `node dist/scripts/generate-state-diagram.js` (npm run docs:state-diagram).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withStateDiagram } from '#workflow';

// Walk up rather than hard-code "../..": the same file runs from scripts/ and from dist/scripts/.
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

const docPath = join(findRepoRoot(dirname(fileURLToPath(import.meta.url))), 'docs', 'state-machine.md');
const before = readFileSync(docPath, 'utf8');
const after = withStateDiagram(before);
if (after === before) {
  console.log(`${docPath} is up to date`);
} else {
  writeFileSync(docPath, after);
  console.log(`Updated ${docPath}`);
}
