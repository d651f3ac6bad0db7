import { Module } from '@nestjs/common';
import { EndorsementModule } from '#endorsement';
import { StaffApplicationController } from './staff-application.controller.js';
import { StaffQueueController } from './staff-queue.controller.js';

/** The staff side of review: queues, an application's record and timeline, claims, transitions, vetting calls. */
@Module({
  imports: [EndorsementModule],
  controllers: [StaffQueueController, StaffApplicationController],
})
export class StaffModule {}
