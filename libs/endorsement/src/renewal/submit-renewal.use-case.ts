import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxNotifier } from '#db';
import type { Framework } from '#framework';
import { Clock, FRAMEWORK } from '#platform';
import { loadApplicationRow } from '../transition/application-row.js';
import { TransitionApplication } from '../transition/transition-application.use-case.js';
import { checkRenewalRequirements, type RenewalGap } from './check-renewal-requirements.js';
import { nextDueOn, renewalCycle } from './renewal-calendar.js';

/** What a renewal costs: the association's fee, plus its late fee once the due day has passed. */
export interface RenewalFee {
  amount: number;
  currency: string;
  late: boolean;
}

export interface SubmitRenewalResult {
  /** Endorsements renewed, with their next due day and fee; empty when something is missing. */
  renewed: { applicationId: string; nextDueOn: string; fee: RenewalFee }[];
  /** What the cycle still lacks, in plain language; empty when renewed. */
  gaps: RenewalGap[];
}

/**
 * An endorsee asks to renew: every endorsement of theirs that is due renews at once on the same
 * approved hours, or nothing renews and they are told exactly what is missing.
 */
@Injectable()
export class SubmitRenewal {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transition: TransitionApplication,
    private readonly outbox: OutboxNotifier,
    private readonly clock: Clock,
    @Inject(FRAMEWORK) private readonly framework: Framework,
  ) {}

  async execute(personId: string): Promise<SubmitRenewalResult> {
    const now = this.clock.now();
    const result = await this.dataSource.transaction(async (manager): Promise<SubmitRenewalResult> => {
      const due = (await manager.query(
        `SELECT id, association_code, to_char(renewal_due_on, 'YYYY-MM-DD') AS due_on FROM applications
          WHERE applicant_id = $1 AND state = 'renewal_due' ORDER BY renewal_due_on, id FOR UPDATE`,
        [personId],
      )) as { id: string; association_code: string; due_on: string }[];
      if (!due.length) return { renewed: [], gaps: [] };
      const row = (await loadApplicationRow(manager, due[0]!.id, now))!;
      const gaps = checkRenewalRequirements(row.renewal!.entries, row.renewal!);
      if (gaps.length) return { renewed: [], gaps };
      const renewed = [];
      for (const { id, association_code, due_on } of due) {
        const association = this.framework.association(association_code);
        const next = nextDueOn(due_on, association.renewal, association.timeZone);
        const late = now >= renewalCycle(due_on, association.renewal, association.timeZone).lateFrom;
        const fee = { amount: association.renewal.fee + (late ? association.renewal.lateFee : 0), currency: association.currency, late };
        // The guard judges this cycle's hours; the event records the fee charged, for staff and audit.
        await this.transition.executeIn(manager, { applicationId: id, event: 'renew', actor: { id: personId, role: 'system' }, payload: { dueOn: due_on, fee } });
        // Then the next cycle's due day, which the `renewed` email names.
        await manager.query(`UPDATE applications SET renewal_due_on = $2::date WHERE id = $1`, [id, next]);
        renewed.push({ applicationId: id, nextDueOn: next, fee });
      }
      return { renewed, gaps: [] };
    });
    if (result.renewed.length) this.outbox.poke();
    return result;
  }
}
