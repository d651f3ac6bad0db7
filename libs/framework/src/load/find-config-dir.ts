import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's config/ directory, found by walking up from this file until a directory holds
 * both package.json and config/framework: that works from source (Jest), from dist/ and from a
 * bundle, wherever the process was started.
 */
export function findConfigDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'config', 'framework'))) {
      return join(dir, 'config');
    }
    if (dirname(dir) === dir) throw new Error(`No config/framework directory above ${from}`);
  }
}
