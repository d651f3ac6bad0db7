import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { Clock } from '#platform';
import { ReferencesRepository } from '../references/references.repository.js';
import { StaffQueueRepository } from './staff-queue.repository.js';
import { StaffProblems } from './staff.problems.js';

export const VETTING_OUTCOMES = ['vetted', 'not_vetted', 'unreachable'] as const;

export type VettingOutcome = (typeof VETTING_OUTCOMES)[number];

export interface RecordVettingCallCommand {
  caller: AuthenticatedAccount;
  applicationId: string;
  referenceId: string;
  calledAt: Date;
  outcome: VettingOutcome;
  notes: string;
}

/**
 * A coordinator phoned a rater who is not endorsed, to vet them. Every call is kept; the reference's
 * vetted_at/vetted_by follow the latest verdict: set by a call that vetted the rater, cleared by one
 * that could not, unchanged by a call nobody answered.
 */
@Injectable()
export class RecordVettingCall {
  constructor(
    private readonly dataSource: DataSource,
    private readonly staffQueue: StaffQueueRepository,
    private readonly references: ReferencesRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordVettingCallCommand): Promise<{ id: string; referenceId: string; vettedAt: string | null }> {
    const now = this.clock.now();
    if (command.calledAt > now) throw StaffProblems.calledInFuture();
    const app = await this.staffQueue.findStaffApplication(command.caller, command.applicationId);
    return this.dataSource.transaction(async (manager) => {
      const reference = await this.references.lockOfApplication(command.referenceId, app.id, manager);
      if (!reference) throw StaffProblems.referenceNotFound();
      const id = await this.references.insertVettingCall(
        { referenceId: reference.id, staffAccountId: command.caller.id, calledAt: command.calledAt, outcome: command.outcome, notes: command.notes },
        now,
        manager,
      );
      const vettedAt = await this.references.applyVettingVerdict(reference.id, manager);
      return { id, referenceId: reference.id, vettedAt: vettedAt?.toISOString() ?? null };
    });
  }
}
