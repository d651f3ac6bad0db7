import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './run-node.js';

/**
 * A directory laid out like the Docker image's working directory, from the Dockerfile's own
 * `COPY --from=build /app/<x> ./<x>` lines (after `npm run build`): a command that works here works
 * there. node_modules is linked rather than copied (the image holds the production part of it).
 */
export function imageLayout(): { dir: string; env: Record<string, string>; remove(): void } {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const copied = [...dockerfile.matchAll(/^COPY --from=build (?:--\S+ )*\/app\/(\S+) \.\/(\S*)$/gm)].map((m) => m[1]);
  const env = Object.fromEntries([...dockerfile.matchAll(/^ENV (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
  const dir = mkdtempSync(join(tmpdir(), 'endorsement-image-'));
  for (const path of copied) {
    if (path === 'node_modules') symlinkSync(join(ROOT, path), join(dir, path));
    else cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  }
  return { dir, env, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
