import { Module } from '@nestjs/common';
import { ContinuingEducationModule } from '#endorsement';
import { ContinuingEducationController } from './continuing-education.controller.js';
import { RenewalsController } from './renewals.controller.js';
import { StaffContinuingEducationController } from './staff-continuing-education.controller.js';

/** Endorsements, the continuing-education log and renewal over HTTP, with staff review of the log. */
@Module({
  imports: [ContinuingEducationModule],
  controllers: [ContinuingEducationController, RenewalsController, StaffContinuingEducationController],
})
export class ContinuingEducationHttpModule {}
