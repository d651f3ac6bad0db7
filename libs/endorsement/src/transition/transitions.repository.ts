import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PanelVoteEntry } from '../staff/get-application-timeline.use-case.js';

/** An application_events row as the staff timeline shows it: the actor's name, and the named votes behind a panel outcome. */
export interface TimelineEventRow {
  version: number;
  event: string;
  from_state: string;
  to_state: string;
  actor_id: string | null;
  actor_role: string;
  actor_name: string | null;
  reason: string | null;
  payload: Record<string, unknown>;
  occurred_at: Date;
  votes: PanelVoteEntry[] | null;
}

/** The transitions of applications (application_events): the audit trail of every state change. */
@Injectable()
export class TransitionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every transition of the application, oldest first, with the actor's and the panel voters' names (staff timeline). */
  async listTimelineEvents(applicationId: string, manager: EntityManager = this.dataSource.manager): Promise<TimelineEventRow[]> {
    return manager.query<TimelineEventRow[]>(
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
      [applicationId],
    );
  }
}
