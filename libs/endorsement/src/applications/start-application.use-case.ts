import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { emptyPortfolio, FrameworkLookupError, type Framework, type RulesSnapshot } from '#framework';
import { Clock, FRAMEWORK, ProblemException } from '#platform';
import { ApplicationsRepository } from './applications.repository.js';

export interface StartApplicationCommand {
  personId: string;
  associationCode: string;
  categoryCode: string;
  trackCode?: string;
}

/**
 * A new draft for a category (and track) an association offers, with its rules pinned from today's
 * data and an empty portfolio. One open application per category and track at a time. A person
 * applies through their own association (the one whose member they registered as), or one that
 * accepts its members (`acceptsApplicantsFrom`): see docs/framework.md.
 */
@Injectable()
export class StartApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(command: StartApplicationCommand): Promise<{ id: string; state: 'draft'; version: number }> {
    const snapshot = this.snapshotFor(command);
    const now = this.clock.now();
    // The conditional insert and the per-person lock make two concurrent starts yield one draft.
    const created = await this.dataSource.transaction(async (manager) => {
      const memberOf = await this.applications.lockApplicantAssociation(command.personId, manager);
      this.checkMembership(memberOf, command.associationCode);
      const draft = {
        associationCode: command.associationCode,
        applicantId: command.personId,
        categoryCode: command.categoryCode,
        trackCode: command.trackCode ?? null,
        rules: snapshot,
        portfolio: emptyPortfolio(),
      };
      return this.applications.insertDraftIfNone(draft, now, manager);
    });
    if (!created) {
      throw new ProblemException(
        409,
        'application_exists',
        'You already have this application',
        `You already have an application for ${snapshot.displayName}; continue that one.`,
      );
    }
    return { id: created.id, state: 'draft', version: created.version };
  }

  private checkMembership(memberOf: string, applyingTo: string): void {
    const target = this.framework.association(applyingTo);
    if (memberOf === applyingTo || target.acceptsApplicantsFrom.includes(memberOf)) return;
    const own = this.framework.associations.get(memberOf)?.name ?? memberOf;
    throw new ProblemException(
      403,
      'other_association',
      'Please apply through your own association',
      `You are registered with ${own}, so you apply for Endorsement through it. ${target.name} takes applications from its own members only. Endorsements are recognized across the associations of the Alliance, so one earned through ${own} counts there too.`,
    );
  }

  private snapshotFor({ associationCode, categoryCode, trackCode }: StartApplicationCommand): RulesSnapshot {
    if (!this.framework.associations.has(associationCode)) {
      throw new ProblemException(422, 'unknown_association', 'Unknown association', `There is no association with the code "${associationCode}".`);
    }
    try {
      return this.framework.rulesSnapshot(associationCode, categoryCode, trackCode);
    } catch (error) {
      if (!(error instanceof FrameworkLookupError)) throw error;
      throw new ProblemException(422, 'category_not_offered', 'This category cannot be applied for', error.message);
    }
  }
}
