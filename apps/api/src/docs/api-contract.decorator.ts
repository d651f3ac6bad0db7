import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import type { ZodType } from 'zod';
import { problemResponse, type ErrorStatus, type ProblemCodes } from './problem-responses.js';

export interface OperationContract {
  /** A verb phrase (`submitApplication`): generated clients name their methods after it. */
  id: string;
  summary: string;
  description: string;
  /** 200 unless the route answers otherwise. */
  status?: 200 | 201 | 202 | 204;
  /** The success body; none for 202 and 204. */
  returns?: ZodType;
  /** Instead of `returns`: a success body that is not JSON (a PDF, a signed credential). */
  media?: { type: string; description: string; schema: SchemaObject };
  /** The problem codes of this operation. 400 validation_failed, 401 and 403 are added for every operation that has them. */
  problems?: ProblemCodes;
  /** `required`: staff steps (428 without it); `optional`: the applicant's own steps. */
  ifMatch?: 'required' | 'optional';
  /** The success answer carries the application's version as its ETag. */
  etag?: boolean;
}

const IF_MATCH_PROBLEMS: Record<NonNullable<OperationContract['ifMatch']>, ProblemCodes> = {
  required: { 400: ['validation_failed'], 409: ['version_conflict'], 428: ['version_required'] },
  optional: { 400: ['validation_failed'], 409: ['version_conflict'] },
};

/** What an operation is, what it returns and which problems it answers with, for the OpenAPI document. */
export function ApiContract(contract: OperationContract): MethodDecorator {
  const status = contract.status ?? 200;
  const problems = mergeProblems(contract.problems ?? {}, contract.ifMatch ? IF_MATCH_PROBLEMS[contract.ifMatch] : {});
  const decorators: MethodDecorator[] = [
    ApiOperation({ operationId: contract.id, summary: contract.summary, description: contract.description }),
    ApiResponse({
      status,
      description: contract.media?.description ?? contract.returns?.meta()?.description ?? (contract.returns ? 'Done.' : 'Done; no body.'),
      ...(contract.returns ? { standardSchema: contract.returns } : {}),
      ...(contract.media ? { content: { [contract.media.type]: { schema: contract.media.schema } } } : {}),
      ...(contract.etag
        ? { headers: { ETag: { description: 'The application\'s version, e.g. `"3"`: send it back as If-Match.', schema: { type: 'string' } } } }
        : {}),
    }),
  ];
  if (contract.ifMatch) {
    decorators.push(
      ApiHeader({
        name: 'If-Match',
        required: contract.ifMatch === 'required',
        description:
          contract.ifMatch === 'required'
            ? 'The version the caller saw, as its ETag gives it (e.g. `"3"`): missing is 428, stale is 409 with the current state and version.'
            : 'The version the caller saw, as its ETag gives it (e.g. `"3"`); when sent, a stale one is 409 with the current state and version.',
        schema: { type: 'string', example: '"3"' },
      }),
    );
  }
  for (const [code, codes] of Object.entries(problems)) decorators.push(ApiResponse({ status: Number(code), ...problemResponse(codes) }));
  return applyDecorators(...decorators);
}

function mergeProblems(a: ProblemCodes, b: ProblemCodes): ProblemCodes {
  const merged: ProblemCodes = { ...a };
  for (const [status, codes] of Object.entries(b) as [`${ErrorStatus}`, readonly string[]][])
    merged[Number(status) as ErrorStatus] = [...(a[Number(status) as ErrorStatus] ?? []), ...codes];
  return merged;
}
