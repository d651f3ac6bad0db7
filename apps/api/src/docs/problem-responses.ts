import type { ResponseObject, SchemaObject } from '@nestjs/swagger';

/** An error status an operation documents, with the problem `code`s it answers with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 422 | 428 | 429;
export type ProblemCodes = Partial<Record<ErrorStatus, readonly string[]>>;

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description:
    'RFC 9457 problem details; `code` is stable and meant for programs, `title` and `detail` for people. ' +
    'Some problems carry more members: `errors` (validation_failed: `[{ field, message }]`), `currentState` and `currentVersion` (version_conflict), `gaps`, `retryAfter`.',
  required: ['type', 'status', 'code', 'title'],
  properties: {
    type: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', example: 'validation_failed' },
    title: { type: 'string' },
    detail: { type: 'string' },
    instance: { type: 'string' },
  },
};

/** The problem+json answer of one status, naming each code it may carry. */
export function problemResponse(codes: readonly string[]): ResponseObject {
  const sorted = [...new Set(codes)].sort();
  return {
    description: `Problem codes: ${sorted.map((c) => `\`${c}\``).join(', ')}.`,
    content: {
      [PROBLEM_MEDIA_TYPE]: {
        schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { code: { type: 'string', enum: sorted } } }] },
      },
    },
  };
}

/** The codes a problem response documents (as problemResponse wrote them). */
export function codesOf(response: ResponseObject): string[] {
  const schema = response.content?.[PROBLEM_MEDIA_TYPE]?.schema as { allOf?: { properties?: { code?: { enum?: string[] } } }[] } | undefined;
  return schema?.allOf?.[1]?.properties?.code?.enum ?? [];
}

/** What the one transition path may refuse with (a role that may not fire the event is 403 `role_not_allowed`). */
export const TRANSITION_PROBLEMS = {
  403: ['role_not_allowed'],
  404: ['application_not_found'],
  409: ['event_not_allowed', 'version_conflict'],
  422: ['guard_failed'],
} as const satisfies ProblemCodes;
