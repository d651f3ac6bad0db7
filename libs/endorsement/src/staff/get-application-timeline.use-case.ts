import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedAccount } from '#auth';
import { findStaffApplication } from './find-staff-application.js';

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
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: { caller: AuthenticatedAccount; applicationId: string }): Promise<{ applicationId: string; events: TimelineEntry[]; activities: ActivityEntry[] }> {
    const app = await findStaffApplication(this.dataSource, command.caller, command.applicationId);
    const [rows, activities] = await Promise.all([
      this.dataSource.query<{
        version: number; event: string; from_state: string; to_state: string; actor_id: string | null; actor_role: string;
        actor_name: string | null; reason: string | null; payload: Record<string, unknown>; occurred_at: Date; votes: PanelVoteEntry[] | null;
      }[]>(
        `SELECT e.version, e.event, e.from_state, e.to_state, e.actor_id, e.actor_role, ap.full_name AS actor_name, e.reason, e.payload, e.occurred_at,
                (SELECT json_agg(json_build_object('reviewer', json_build_object('id', v.vote->>'reviewerId', 'name', vp.full_name),
                                                   'recommendation', v.vote->>'recommendation', 'votedAt', v.vote->>'votedAt') ORDER BY v.i)
                   FROM jsonb_array_elements(e.payload->'votes') WITH ORDINALITY AS v(vote, i)
                   LEFT JOIN accounts va ON va.id = (v.vote->>'reviewerId')::uuid
                   LEFT JOIN people vp ON vp.id = va.person_id) AS votes
           FROM application_events e
           LEFT JOIN accounts ac ON ac.id = e.actor_id
           LEFT JOIN people ap ON ap.id = ac.person_id
          WHERE e.application_id = $1
          ORDER BY e.version`,
        [app.id],
      ),
      this.dataSource.query<{
        kind: ActivityEntry['kind']; actor_id: string; actor_name: string | null; accounts: { id: string; name: string | null }[];
        reference: ActivityEntry['reference'] | null; occurred_at: Date;
      }[]>(
        `SELECT t.kind, t.actor_id, (SELECT p.full_name FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.id = t.actor_id) AS actor_name,
                ARRAY(SELECT json_build_object('id', a.id, 'name', p.full_name) FROM unnest(t.account_ids) WITH ORDINALITY AS n(id, i)
                        JOIN accounts a ON a.id = n.id JOIN people p ON p.id = a.person_id ORDER BY n.i) AS accounts,
                (SELECT json_build_object('id', r.id, 'raterName', r.rater_name, 'role', r.role) FROM application_references r WHERE r.id = t.reference_id) AS reference,
                t.occurred_at
           FROM application_activities t WHERE t.application_id = $1 ORDER BY t.id`,
        [app.id],
      ),
    ]);
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
