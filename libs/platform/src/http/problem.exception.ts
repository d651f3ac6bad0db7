import { HttpException } from '@nestjs/common';

/** An RFC 9457 problem with a stable machine-readable `code`; extra members are added as-is. */
export class ProblemException extends HttpException {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super({ code, title, detail, ...extra }, httpStatus);
  }
}
