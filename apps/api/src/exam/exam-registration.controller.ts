import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { ListOpenExamWindows, RegisterForExam } from '#endorsement';
import { applicationParamsSchema, type ApplicationParams } from '../staff/dto/staff-application.schema.js';
import { examRegistrationSchema, type ExamRegistrationBody } from './dto/exam-registration.schema.js';
import { ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContract } from '../docs/api-contract.decorator.js';
import { examSeatResponse, examWindowListResponse } from './dto/exam.responses.js';

/** Applicants approved to sit the exam see the open sittings of their association and register. */
@ApiTags('exam')
@Controller()
@Roles('applicant')
export class ExamRegistrationController {
  constructor(
    private readonly listOpenWindows: ListOpenExamWindows,
    private readonly register: RegisterForExam,
  ) {}

  @Get('exam-windows')
  @ApiContract({
    id: 'listOpenExamWindows',
    summary: 'List the sittings open for registration',
    description: "The sittings of the applicant's association still open for registration, with seats left.",
    returns: examWindowListResponse,
  })
  windows(@CurrentAccount() caller: AuthenticatedAccount): Promise<z.output<typeof examWindowListResponse>> {
    return this.listOpenWindows.execute(caller);
  }

  /** Another applicant's application answers 404, as one that does not exist. */
  @Post('applications/:id/exam-registration')
  @ApiContract({
    id: 'registerForExam',
    summary: 'Register for an exam sitting',
    description: 'Books a seat at a sitting for an application approved to sit the exam; the seat and candidate code are emailed.',
    status: 201,
    returns: examSeatResponse,
    problems: {
      404: ['application_not_found', 'exam_window_not_found'],
      409: ['not_approved_to_sit', 'exam_approval_expired', 'already_registered', 'registration_closed', 'exam_window_full'],
      422: ['approval_expires_before_sitting', 'retake_request_required', 'retake_too_soon'],
    },
  })
  registration(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Body({ schema: examRegistrationSchema }) body: ExamRegistrationBody,
  ): Promise<z.output<typeof examSeatResponse>> {
    return this.register.execute({ caller, applicationId: params.id, ...body });
  }
}
