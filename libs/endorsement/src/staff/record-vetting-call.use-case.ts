import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { Clock } from '#platform';
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
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordVettingCallCommand): Promise<{ id: string; referenceId: string; vettedAt: string | null }> {
    const now = this.clock.now();
    if (command.calledAt > now) throw StaffProblems.calledInFuture();
    const app = await this.staffQueue.findStaffApplication(command.caller, command.applicationId);
    return this.dataSource.transaction(async (manager) => {
      const [reference] = await manager.query<{ id: string }[]>(`SELECT id FROM application_references WHERE id = $1 AND application_id = $2 FOR UPDATE`, [
        command.referenceId,
        app.id,
      ]);
      if (!reference) throw StaffProblems.referenceNotFound();
      const [call] = await manager.query<{ id: string }[]>(
        `INSERT INTO reference_vetting_calls (reference_id, staff_account_id, called_at, outcome, notes, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [reference.id, command.caller.id, command.calledAt, command.outcome, command.notes, now],
      );
      // The verdict is the latest call that reached one, whatever order calls are recorded in.
      const [verdict] = await manager.query<{ vetted_at: Date | null }[]>(
        `WITH latest AS (
           SELECT CASE WHEN outcome = 'vetted' THEN called_at END AS verdict_at, CASE WHEN outcome = 'vetted' THEN staff_account_id END AS verdict_by
             FROM reference_vetting_calls WHERE reference_id = $1 AND outcome <> 'unreachable' ORDER BY called_at DESC, created_at DESC LIMIT 1),
         u AS (UPDATE application_references r SET vetted_at = latest.verdict_at, vetted_by = latest.verdict_by FROM latest WHERE r.id = $1 RETURNING r.vetted_at)
         SELECT CASE WHEN EXISTS (SELECT 1 FROM u) THEN (SELECT vetted_at FROM u) ELSE (SELECT vetted_at FROM application_references WHERE id = $1) END AS vetted_at`,
        [reference.id],
      );
      return { id: call.id, referenceId: reference.id, vettedAt: verdict.vetted_at?.toISOString() ?? null };
    });
  }
}
