import { Module } from '@nestjs/common';
import { ExamModule } from '#endorsement';
import { ExamApprovalController } from './exam-approval.controller.js';
import { ExamPapersController } from './exam-papers.controller.js';
import { ExamRegistrationController } from './exam-registration.controller.js';
import { StaffExamWindowsController } from './staff-exam-windows.controller.js';

/** The exam over HTTP: sittings, approval to sit, registration, blind scoring. */
@Module({
  imports: [ExamModule],
  controllers: [StaffExamWindowsController, ExamApprovalController, ExamRegistrationController, ExamPapersController],
})
export class ExamHttpModule {}
