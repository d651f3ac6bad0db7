import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { raterIndependenceGaps, type Portfolio } from '#framework';
import { OutboxNotifier } from '#db';
import { Clock, ProblemException } from '#platform';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import type { TransitionResult } from '../transition/transition.command.js';
import { TransitionRefusedError } from '../transition/transition.errors.js';
import { applicationNotFound } from './application-not-found.js';
import { ApplicationsRepository } from './applications.repository.js';
import { ReferencesRepository } from '../references/references.repository.js';
import { transitionProblem } from '../staff/transition-problem.js';
import { RaterChangeProblems } from '../references/rater-change.problems.js';

export interface ReinstateEndorsementCommand {
  personId: string;
  applicationId: string;
  /** The raters for the new references; absent: the raters already in the portfolio are asked again. */
  references?: Portfolio['references'];
  expectedVersion?: number;
}

/**
 * A lapsed endorsee asks to be reinstated: the earlier references stop counting (their links are
 * revoked), new ones are requested, and the application goes back through review without the exam.
 * The new raters must be independent of the endorsee and of each other, as at submission.
 */
@Injectable()
export class ReinstateEndorsement {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly references: ReferencesRepository,
    private readonly transition: TransitionApplication,
    private readonly outbox: OutboxNotifier,
    private readonly clock: Clock,
  ) {}

  async execute(command: ReinstateEndorsementCommand): Promise<TransitionResult> {
    const now = this.clock.now();
    const result = await this.dataSource.transaction(async (manager) => {
      const app = await this.applications.findOwnForUpdate(command.personId, command.applicationId, manager);
      if (!app) throw applicationNotFound();
      const gaps = raterIndependenceGaps(command.references ?? app.portfolio.references, app.applicant_email);
      if (gaps.length) throw RaterChangeProblems.notIndependent(gaps.map((g) => g.message).join(' '), { eligibilityGaps: gaps });
      // Only a lapsed endorsement may be marked; in any other state the transition below refuses and all of this rolls back.
      await this.applications.markReinstatement(app.id, command.references, manager);
      await this.references.revokeAllOf(app.id, now, manager);
      return this.transition
        .executeIn(manager, {
          applicationId: app.id,
          event: 'reinstate',
          actor: { id: command.personId, role: 'applicant' },
          expectedVersion: command.expectedVersion,
        })
        .catch((error: unknown) => {
          throw missingReferencesProblem(error) ?? transitionProblem(error);
        });
    });
    this.outbox.poke();
    return result;
  }
}

/** Too few new references: said as the gap to fill, since with fewer the references could never complete. */
function missingReferencesProblem(error: unknown): ProblemException | undefined {
  if (!(error instanceof TransitionRefusedError)) return undefined;
  const gap = error.details.failedGuards?.find((g) => g.guard === 'rater_per_reference_role');
  return (
    gap &&
    new ProblemException(422, 'reinstatement_references_missing', 'More references needed', `To reinstate, ${gap.message}.`, {
      failedGuards: error.details.failedGuards,
    })
  );
}
