import type { z } from 'zod';
import { describeIssue } from './describe-issue.js';

export type DataPath = readonly PropertyKey[];

/** A problem found by a check beyond the schema, relative to the data it was given. */
export interface Finding {
  path: DataPath;
  message: string;
}

function formatPath(path: DataPath): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** Collects every problem in the data files so that boot fails once, listing all of them. */
export class DataProblems {
  readonly #lines: string[] = [];

  get lines(): readonly string[] {
    return this.#lines;
  }

  add(file: string, path: DataPath, message: string): void {
    const where = formatPath(path);
    const line = `${file}: ${where ? `${where} ` : ''}${message}`;
    // One override checked under several tracks would otherwise report the same line per track.
    if (!this.#lines.includes(line)) this.#lines.push(line);
  }

  addFindings(file: string, findings: readonly Finding[], prefix: DataPath = []): void {
    for (const finding of findings) this.add(file, [...prefix, ...finding.path], finding.message);
  }

  addIssues(file: string, issues: readonly z.core.$ZodIssue[], prefix: DataPath = []): void {
    for (const issue of issues) {
      // One line per unknown field, so each points at the exact key to fix.
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) this.add(file, [...prefix, ...issue.path, key], 'is not a known field');
      } else {
        this.add(file, [...prefix, ...issue.path], describeIssue(issue));
      }
    }
  }

  /** Validates `data` with `schema`, recording any issues under `file`; undefined when invalid. */
  parse<S extends z.ZodType>(schema: S, data: unknown, file: string, prefix: DataPath = []): z.output<S> | undefined {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return result.data;
    this.addIssues(file, result.error.issues, prefix);
    return undefined;
  }
}
