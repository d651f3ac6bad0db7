import { Injectable } from '@nestjs/common';
import type { AuthenticatedAccount } from '#auth';
import { TransitionsRepository } from '../transition/transitions.repository.js';
import { ActivitiesRepository } from './activities.repository.js';
import { StaffQueueRepository } from './staff-queue.repository.js';

export interface TimelineEntry {
  version: number;
  event: string;
  from: string;
  to: string;
  actor: { id: string | null; role: string; name: string | null };
  reason: string | null;
  payload: Record<string, unknown>;
  /** The panel's votes behind a panel outcome (agreement, escalation, an administrator's decision). */
  votes?: PanelVoteEntry[];
  occurredAt: string;
}

export interface PanelVoteEntry {
  reviewer: { id: string; name: string | null };
  recommendation: string;
  votedAt: string;
}

/** What staff did besides transitions: a claim, an assignment (to someone or nobody), a panel set, a rater's new address. */
export interface ActivityEntry {
  kind: 'claimed' | 'assigned' | 'unassigned' | 'panel_assigned' | 'rater_replaced';
  actor: { id: string; name: string | null };
  /** The assignee, or the panel's reviewers. */
  accounts: { id: string; name: string | null }[];
  /** The reference whose rater got a new address (rater_replaced). */
  reference?: { id: string; raterName: string; role: string };
  occurredAt: string;
}

/**
 * The full audit trail of an application, oldest first: every transition, who made it and why (with
 * the panel's votes, by reviewer's name, behind a panel outcome), and who claimed it, was assigned it,
 * sat on its panel or gave a rater a new address.
 */
@Injectable()
export class GetApplicationTimeline {
  constructor(
    private readonly staffQueue: StaffQueueRepository,
    private readonly transitions: TransitionsRepository,
    private readonly activities: ActivitiesRepository,
  ) {}

  async execute(command: {
    caller: AuthenticatedAccount;
    applicationId: string;
  }): Promise<{ applicationId: string; events: TimelineEntry[]; activities: ActivityEntry[] }> {
    const app = await this.staffQueue.findStaffApplication(command.caller, command.applicationId);
    const [rows, activities] = await Promise.all([this.transitions.listTimelineEvents(app.id), this.activities.listForTimeline(app.id)]);
    return {
      applicationId: app.id,
      events: rows.map((e) => ({
        version: e.version,
        event: e.event,
        from: e.from_state,
        to: e.to_state,
        actor: { id: e.actor_id, role: e.actor_role, name: e.actor_name },
        reason: e.reason,
        payload: e.payload,
        ...(e.votes && { votes: e.votes }),
        occurredAt: e.occurred_at.toISOString(),
      })),
      activities: activities.map((t) => ({
        kind: t.kind,
        actor: { id: t.actor_id, name: t.actor_name },
        accounts: t.accounts,
        ...(t.reference && { reference: t.reference }),
        occurredAt: t.occurred_at.toISOString(),
      })),
    };
  }
}
