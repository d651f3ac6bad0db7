import { Module } from '@nestjs/common';
import { Clock, SystemClock } from '#platform';
import { GuardFactsLoader } from './transition/guard-facts.loader.js';
import { PinnedRulesGuardFactsLoader } from './transition/pinned-rules-guard-facts.loader.js';
import { TransitionApplication } from './transition/transition-application.use-case.js';

/** The endorsement use cases; requires the database module in the importing app. */
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: GuardFactsLoader, useClass: PinnedRulesGuardFactsLoader },
    TransitionApplication,
  ],
  exports: [TransitionApplication, Clock],
})
export class EndorsementModule {}
