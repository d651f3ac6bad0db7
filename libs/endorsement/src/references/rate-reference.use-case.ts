import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxNotifier } from '#db';
import type { Framework } from '#framework';
import { EmailDeliveriesRepository } from '#mail';
import { Clock, FRAMEWORK } from '#platform';
import { EmailHandover } from '../notifications/email-handover.js';
import { RemindersRepository } from '../reminders/reminders.repository.js';
import { CompleteReferences } from './complete-references.js';
import { loadOpenReference } from './find-reference-by-token.js';
import { judgeRating } from './judge-rating.js';
import type { RatingAnswer } from './rating-answer.js';
import { ReferencesRepository, type ReferenceByToken } from './references.repository.js';

export interface RateReferenceCommand {
  /** The secret from the rater's link. */
  token: string;
  /** One answer per item code of the rating form (validated at the edge). */
  answers: Readonly<Record<string, RatingAnswer>>;
  comments: string;
}

export interface RateReferenceResult {
  /** `invalid`: too many "not enough information" answers, so the form does not count. */
  status: 'rated' | 'invalid';
  /** The application moved on to panel review with this rating. */
  referencesCompleted: boolean;
  /** For the thank-you page: whom the reference was for and who received it. */
  applicantName: string;
  associationName: string;
  associationEmail: string;
}

interface RatingWritten {
  result: RateReferenceResult;
  /** Emails to hand to the queue and outbox rows to announce, after the commit. */
  deliveryIds: string[];
  outboxIds: string[];
}

/**
 * A rater sends the form behind their link, once. In one transaction: the rating is stored (rated, or
 * invalid when it cannot count), the reference's reminders stop, the applicant is told a reference
 * arrived (or, when it cannot count, asked for another rater) and, when this was the last one a
 * category without exam needs, the application moves to panel review. The rating itself never leaves
 * this row: emails only say that it arrived.
 */
@Injectable()
export class RateReference {
  constructor(
    private readonly dataSource: DataSource,
    private readonly references: ReferencesRepository,
    private readonly reminders: RemindersRepository,
    private readonly completion: CompleteReferences,
    private readonly ledger: EmailDeliveriesRepository,
    private readonly emails: EmailHandover,
    private readonly outbox: OutboxNotifier,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(command: RateReferenceCommand): Promise<RateReferenceResult> {
    const now = this.clock.now();
    const form = this.framework.ratingForm;
    const { result, deliveryIds, outboxIds } = await this.dataSource.transaction(async (manager): Promise<RatingWritten> => {
      const ref = await loadOpenReference(this.references, command.token, now, true, manager);
      const judgement = judgeRating(form, command.answers);
      const status = judgement.counts ? 'rated' : 'invalid';
      const validUntil = new Date(now);
      validUntil.setUTCMonth(validUntil.getUTCMonth() + form.validMonths);
      const rating = {
        frameworkVersion: this.framework.version,
        answers: Object.fromEntries(form.items.map((item) => [item.code, command.answers[item.code]])),
        comments: command.comments,
        notEnoughInformation: judgement.notEnoughInformation,
        validUntil: validUntil.toISOString(),
      };
      await this.references.markRated(ref.id, status, rating, now, manager);
      await this.reminders.cancelPendingForReference(ref.id, manager);
      const association = this.framework.association(ref.association_code);
      const about = { applicantName: ref.applicant_name, associationName: association.name, associationEmail: association.coordinatorEmail };
      // The applicant hears either way; a form that cannot count asks them for another rater.
      const deliveryIds = await this.ledger.record(
        [
          {
            businessKey: `reference-${ref.id}-${judgement.counts ? 'received' : 'not-counted'}`,
            applicationId: ref.application_id,
            referenceId: ref.id,
            template: judgement.counts ? 'reference_received' : 'reference_not_counted',
            recipientKind: 'applicant',
            recipientEmail: ref.applicant_email,
            recipientName: ref.applicant_name,
          },
        ],
        now,
        manager,
      );
      if (!judgement.counts) return { result: { status, referencesCompleted: false, ...about }, deliveryIds, outboxIds: [] };
      const outboxIds = await this.completeReferences(manager, ref);
      return { result: { status, referencesCompleted: outboxIds !== null, ...about }, deliveryIds, outboxIds: outboxIds ?? [] };
    });
    if (outboxIds.length) this.outbox.poke();
    await this.emails.send(deliveryIds);
    return result;
  }

  /** Tries the move only where it can happen, sparing the common case a refused transition. */
  private async completeReferences(manager: EntityManager, ref: ReferenceByToken): Promise<string[] | null> {
    const examFollows = ref.rules.rules.exam !== null && !ref.reinstatement;
    if (ref.state !== 'reference_checks' || examFollows) return null;
    return (await this.completion.ifReadyIn(manager, ref.application_id))?.outboxIds ?? null;
  }
}
