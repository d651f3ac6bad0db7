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
  occurredAt: string;
}

/** The full audit trail of an application, oldest first: every transition, who made it and why. */
@Injectable()
export class GetApplicationTimeline {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: { caller: AuthenticatedAccount; applicationId: string }): Promise<{ applicationId: string; events: TimelineEntry[] }> {
    const app = await findStaffApplication(this.dataSource, command.caller, command.applicationId);
    const rows = (await this.dataSource.query(
      `SELECT e.version, e.event, e.from_state, e.to_state, e.actor_id, e.actor_role, ap.full_name AS actor_name, e.reason, e.payload, e.occurred_at
         FROM application_events e
         LEFT JOIN accounts ac ON ac.id = e.actor_id
         LEFT JOIN people ap ON ap.id = ac.person_id
        WHERE e.application_id = $1
        ORDER BY e.version`,
      [app.id],
    )) as {
      version: number; event: string; from_state: string; to_state: string; actor_id: string | null; actor_role: string;
      actor_name: string | null; reason: string | null; payload: Record<string, unknown>; occurred_at: Date;
    }[];
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
        occurredAt: e.occurred_at.toISOString(),
      })),
    };
  }
}
