import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import type { DataProblems } from './data-problems.js';

/** Reads and parses one YAML file; records a problem and returns undefined when it cannot. */
export function readYamlFile(path: string, displayName: string, problems: DataProblems): { data: unknown } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    problems.add(displayName, [], missing ? 'file is missing' : 'cannot be read');
    return undefined;
  }
  try {
    // Unique keys: a repeated key in a rules file is a mistake, not an override.
    return { data: parse(text, { uniqueKeys: true }) };
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    problems.add(displayName, [], `is not valid YAML: ${error.message.split('\n')[0].replace(/:$/, '')}`);
    return undefined;
  }
}
