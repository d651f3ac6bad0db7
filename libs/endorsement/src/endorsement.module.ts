import { Module } from '@nestjs/common';
import { OutboxNotifier } from '#db';
import { Clock, SystemClock } from '#platform';
import { TransitionApplication } from './transition/transition-application.use-case.js';

/** The endorsement use cases; requires the database module in the importing app. */
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    OutboxNotifier,
    TransitionApplication,
  ],
  exports: [TransitionApplication, Clock],
})
export class EndorsementModule {}
