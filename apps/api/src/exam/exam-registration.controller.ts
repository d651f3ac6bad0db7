import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CurrentAccount, Roles, type AuthenticatedAccount } from '#auth';
import { ListOpenExamWindows, RegisterForExam, type ExamSeat, type ExamWindowView } from '#endorsement';
import { applicationParamsSchema, type ApplicationParams } from '../staff/dto/staff-application.schema.js';
import { examRegistrationSchema, type ExamRegistrationBody } from './dto/exam-registration.schema.js';

/** Applicants approved to sit the exam see the open sittings of their association and register. */
@Controller()
@Roles('applicant')
export class ExamRegistrationController {
  constructor(
    private readonly listOpenWindows: ListOpenExamWindows,
    private readonly register: RegisterForExam,
  ) {}

  @Get('exam-windows')
  windows(@CurrentAccount() caller: AuthenticatedAccount): Promise<{ windows: ExamWindowView[] }> {
    return this.listOpenWindows.execute(caller);
  }

  /** Another applicant's application answers 404, as one that does not exist. */
  @Post('applications/:id/exam-registration')
  registration(
    @CurrentAccount() caller: AuthenticatedAccount,
    @Param({ schema: applicationParamsSchema }) params: ApplicationParams,
    @Body({ schema: examRegistrationSchema }) body: ExamRegistrationBody,
  ): Promise<ExamSeat> {
    return this.register.execute({ caller, applicationId: params.id, ...body });
  }
}
