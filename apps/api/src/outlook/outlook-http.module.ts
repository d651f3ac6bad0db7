import { Module } from '@nestjs/common';
import { EndorsementModule } from '#endorsement';
import { OutlookController } from './outlook.controller.js';

/** The HTTP side of the outlook: what goes out in the next days, for staff. */
@Module({
  imports: [EndorsementModule],
  controllers: [OutlookController],
})
export class OutlookHttpModule {}
