import { Module } from '@nestjs/common';
import { EndorsementModule } from '#endorsement';
import { StaffApplicationController } from './staff-application.controller.js';
import { StaffColleaguesController } from './staff-colleagues.controller.js';
import { StaffQueueController } from './staff-queue.controller.js';

/** The staff side of review: queues, an application's record and timeline, claims, transitions, vetting calls; who in the association can take work. */
@Module({
  imports: [EndorsementModule],
  controllers: [StaffQueueController, StaffApplicationController, StaffColleaguesController],
})
export class StaffModule {}
