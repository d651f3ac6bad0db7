import type { Framework } from './framework.types.js';
import { createFramework } from './load/create-framework.js';
import { DataProblems } from './load/data-problems.js';
import { findConfigDir } from './load/find-config-dir.js';
import { FrameworkDataError } from './framework-data.error.js';
import { readConfigFiles } from './load/read-config-files.js';
import { validateFramework } from './load/validate-framework.js';

/**
 * Reads config/framework/*.yaml and config/associations/*.yaml, validates all of it and returns the
 * frozen Framework. Meant to run once at boot: any invalid data throws one FrameworkDataError that
 * lists every problem with its file and path.
 */
export function loadFramework(configDir: string = findConfigDir()): Framework {
  const problems = new DataProblems();
  const contents = validateFramework(readConfigFiles(configDir, problems), problems);
  if (!contents || problems.lines.length > 0) throw new FrameworkDataError(problems.lines);
  return createFramework(contents);
}
