import type { StandardSchemaValidationPipeOptions } from '@nestjs/common';
import { ProblemException } from './problem.exception.js';

/** At most this many field errors in one answer: the rest add nothing but size. */
export const MAX_ERRORS = 50;

type Issues = Parameters<NonNullable<StandardSchemaValidationPipeOptions['exceptionFactory']>>[0];

export interface FieldError {
  /** Dotted path inside the validated input ("email", "roles.0"); "(root)" for the input itself. */
  field: string;
  message: string;
}

/** Schema issues (zod, through Nest's StandardSchemaValidationPipe) as a 400 `validation_failed` problem. */
export function validationProblem(issues: Issues): ProblemException {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment));
    // zod reports unknown fields as one issue listing them; each becomes its own entry.
    const unknownKeys = (issue as { code?: string; keys?: unknown }).code === 'unrecognized_keys' ? (issue as { keys?: unknown }).keys : undefined;
    if (Array.isArray(unknownKeys)) {
      for (const key of unknownKeys) errors.push({ field: [...path, String(key)].join('.'), message: 'is not a known field' });
    } else {
      errors.push({ field: path.join('.') || '(root)', message: issue.message });
    }
  }
  const shown = errors.slice(0, MAX_ERRORS);
  return new ProblemException(400, 'validation_failed', 'Invalid request', shown.map((e) => `${e.field}: ${e.message}`).join('; '), { errors: shown });
}
