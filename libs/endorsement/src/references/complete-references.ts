import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import type { TransitionResult } from '../transition/transition.command.js';
import { TransitionRefusedError } from '../transition/transition.errors.js';

/**
 * Moves an application in reference checks on to panel review once every required role has a valid
 * rating and no exam follows: the state machine's guards decide. With an exam, staff approve it.
 */
@Injectable()
export class CompleteReferences {
  constructor(private readonly transition: TransitionApplication) {}

  /** In the caller's transaction: the move, or null when the application stays. */
  async ifReadyIn(manager: EntityManager, applicationId: string): Promise<TransitionResult | null> {
    try {
      return await this.transition.executeIn(manager, { applicationId, event: 'complete_references', actor: { id: null, role: 'system' } });
    } catch (e) {
      // A reference still missing, an exam to come, or another state: not an error.
      if (e instanceof TransitionRefusedError) return null;
      throw e;
    }
  }
}
