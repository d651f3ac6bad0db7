/** What the API answers when it refuses (RFC 9457 problem details with our stable `code`). */
export interface ProblemBody {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  retryAfter?: number;
  [member: string]: unknown;
}

/**
 * A refusal, an unreachable server or a server fault, as one error the pages show. `code` is the
 * API's stable code, or `network_error` / `server_error` when there was no usable answer.
 */
export class ApiProblem extends Error {
  constructor(readonly problem: ProblemBody) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
  }

  get code(): string {
    return this.problem.code;
  }

  get status(): number {
    return this.problem.status;
  }

  /** Worth trying again as is: the network or the server failed, not the request. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }

  /** The API's field errors keyed by field, as forms show them beside their fields. */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.field, e.message]));
  }

  static network(): ApiProblem {
    return new ApiProblem({ status: 0, code: 'network_error', title: 'No connection' });
  }

  static server(status: number): ApiProblem {
    return new ApiProblem({ status, code: 'server_error', title: 'Server error' });
  }

  /** The problem in an answer, whatever its shape: a body without a code is treated as a server fault. */
  static from(status: number, body: unknown): ApiProblem {
    const candidate = body as Partial<ProblemBody> | undefined;
    if (candidate && typeof candidate.code === 'string' && typeof candidate.title === 'string') {
      return new ApiProblem({ ...candidate, status, code: candidate.code, title: candidate.title });
    }
    return ApiProblem.server(status);
  }
}
