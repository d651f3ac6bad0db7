import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { emptyPortfolio, FrameworkLookupError, type Framework, type RulesSnapshot } from '#framework';
import { Clock, FRAMEWORK, ProblemException } from '#platform';

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
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(command: StartApplicationCommand): Promise<{ id: string; state: 'draft'; version: number }> {
    const snapshot = this.snapshotFor(command);
    const now = this.clock.now();
    // The conditional insert and the per-person lock make two concurrent starts yield one draft.
    const rows = await this.dataSource.transaction(async (manager) => {
      const [person] = await manager.query<{ association_code: string }[]>(`SELECT association_code FROM people WHERE id = $1 FOR UPDATE`, [command.personId]);
      this.checkMembership(person.association_code, command.associationCode);
      return await manager.query<{ id: string; version: number }[]>(
        `INSERT INTO applications (association_code, applicant_id, category_code, track_code, framework_version, rules, portfolio, state_changed_at, created_at, updated_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $8, $8
          WHERE NOT EXISTS (SELECT 1 FROM applications WHERE applicant_id = $2 AND category_code = $3 AND track_code IS NOT DISTINCT FROM $4
                              AND state NOT IN ('withdrawn', 'denied'))
         RETURNING id, version`,
        [command.associationCode, command.personId, command.categoryCode, command.trackCode ?? null, snapshot.version, snapshot, emptyPortfolio(), now],
      );
    });
    if (!rows[0]) {
      throw new ProblemException(409, 'application_exists', 'You already have this application', `You already have an application for ${snapshot.displayName}; continue that one.`);
    }
    return { id: rows[0].id, state: 'draft', version: rows[0].version };
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
