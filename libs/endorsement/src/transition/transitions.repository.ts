import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PanelVoteEntry } from '../staff/get-application-timeline.use-case.js';
import type { ApplicationState, Effect, Role, WorkflowEvent } from '#workflow';
import type { EffectContext } from '../effects/effect-context.js';
import type { ApplicationRow, RenewalFacts } from './application-row.js';

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

// Each guard fact is read only in the state whose events use it (see ApplicationRow).
const SELECT_APPLICATION_ROW = `
  SELECT a.id, a.association_code, a.state, a.version, a.held_from, a.reinstatement, a.rules,
         CASE WHEN a.state IN ('draft', 'lapsed') THEN a.portfolio END AS portfolio,
         CASE WHEN a.state = 'draft' THEN (SELECT p.email FROM people p WHERE p.id = a.applicant_id) END AS applicant_email,
         a.amended_at, a.exam_approved_at, a.state_changed_at,
         CASE WHEN a.state = 'reference_checks'
              THEN ARRAY(SELECT DISTINCT r.role FROM application_references r WHERE r.application_id = a.id AND r.status = 'rated' AND r.revoked_at IS NULL)
              ELSE '{}' END AS rated_roles,
         CASE WHEN a.state = 'exam' THEN (
           SELECT json_build_object('attempts', count(*), 'part1', (array_agg(x.part1_percent ORDER BY x.attempt_no DESC))[1],
                                    'part2', (array_agg(x.part2_percent ORDER BY x.attempt_no DESC))[1],
                                    'pending', coalesce(bool_or(x.decided_at IS NULL), false))
             FROM exam_attempts x WHERE x.application_id = a.id) END AS exam
    FROM applications a
   WHERE a.id = $1`;

// A renew transition happens once a year per endorsement: its facts get a query of their own rather
// than weigh on the planning of every other transition.
const SELECT_RENEWAL_FACTS = `
  SELECT json_build_object(
           'entries', (SELECT coalesce(json_agg(json_build_object('kind', c.kind, 'hours', c.hours, 'dei', c.dei, 'aboutRsc', c.about_rsc)), '[]')
                         FROM ce_entries c WHERE c.person_id = a.applicant_id AND c.status = 'approved'
                          AND c.completed_on > a.renewal_due_on - interval '1 year'),
           'requirements', (SELECT json_agg(o.rules->'rules'->'renewal') FROM applications o
                             WHERE o.applicant_id = a.applicant_id AND o.state IN ('endorsed', 'renewal_due')),
           'firstCycle', extract(year FROM a.renewal_due_on) = extract(year FROM a.endorsed_at AT TIME ZONE (a.rules->'association'->>'timeZone')) + 1,
           'providesRsc', coalesce(a.portfolio->'work' @> '[{"providesRsc": true}]', false),
           'yearsEndorsed', coalesce(extract(year FROM age($2::timestamptz, a.endorsed_at))::int, 0)) AS renewal
    FROM applications a
   WHERE a.id = $1`; // $2: now, from the Clock

// All writes in one statement: fewer round trips while the row is locked. When the version guard
// matches no row, the event and outbox inserts have nothing to select from either.
const WRITE_TRANSITION = `
  WITH u AS (
    UPDATE applications SET state = $3, version = version + 1, held_from = $4, state_changed_at = $5, updated_at = $5
     WHERE id = $1 AND version = $2 RETURNING id, version),
  e AS (
    INSERT INTO application_events (application_id, version, event, from_state, to_state, actor_id, actor_role, reason, payload, occurred_at)
    SELECT u.id, u.version, $6, $7, $3, $8, $9, $10, $11, $5 FROM u RETURNING id, application_id),
  o AS (
    INSERT INTO outbox (application_id, event_id, effect_type, payload, created_at, request_id)
    SELECT e.application_id, e.id, x->>'type', x, $5, $13 FROM e, jsonb_array_elements($12::jsonb) AS x RETURNING id)
  SELECT u.version, e.id AS event_id, ARRAY(SELECT id FROM o ORDER BY id) AS outbox_ids FROM u, e`;

/** One transition's writes: the application's new state under its version guard, the audit event, one outbox row per effect. */
export interface TransitionWrite {
  applicationId: string;
  /** The version read in this transaction: no row is written when another transition came first. */
  version: number;
  from: ApplicationState;
  to: ApplicationState;
  heldFrom: ApplicationState | null;
  event: WorkflowEvent;
  actor: { readonly id: string | null; readonly role: Role };
  reason: string | null;
  payload: Record<string, unknown>;
  effects: readonly Effect[];
  at: Date;
  /** The request (or job) that fired the event, for operators. */
  requestId: string | null;
}

export interface WrittenTransition {
  version: number;
  event_id: string;
  outbox_ids: string[];
}

/** An outbox row whose effect is still to apply, with the application (and applicant) it concerns. */
export type PendingEffectRow = EffectContext['application'] & {
  id: string;
  application_id: string;
  event_id: string | null;
  payload: Effect;
  /** The renewal cycle's due day the event names, else null. */
  cycle_due_on: string | null;
  request_id: string | null;
};

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

  /** Reads an application and the guard facts its state's events need, inside the caller's transaction. */
  async findApplicationRow(id: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<ApplicationRow | undefined> {
    const [app] = await manager.query<ApplicationRow[]>(SELECT_APPLICATION_ROW, [id]);
    if (app?.state === 'renewal_due') app.renewal = await this.findRenewalFacts(id, now, manager);
    return app;
  }

  /** The renewal facts of an endorsement's current cycle (also what its holder's progress is shown against). */
  async findRenewalFacts(id: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<RenewalFacts> {
    const [{ renewal }] = await manager.query<{ renewal: RenewalFacts }[]>(SELECT_RENEWAL_FACTS, [id, now]);
    return renewal;
  }

  /**
   * Writes the transition in one statement: one row, or none when the version guard matched no row.
   * Hands back the query's own promise, so the hot path awaits nothing more than it did inline.
   */
  writeTransition(write: TransitionWrite, manager: EntityManager): Promise<WrittenTransition[]> {
    return manager.query<WrittenTransition[]>(WRITE_TRANSITION, [
      write.applicationId,
      write.version,
      write.to,
      write.heldFrom,
      write.at,
      write.event,
      write.from,
      write.actor.id,
      write.actor.role,
      write.reason,
      write.payload,
      JSON.stringify(write.effects),
      write.requestId,
    ]);
  }

  /** Where the application stands now (after a lost version race). */
  async findStateAndVersion(id: string, manager: EntityManager = this.dataSource.manager): Promise<Pick<ApplicationRow, 'state' | 'version'>> {
    const [current] = await manager.query<Pick<ApplicationRow, 'state' | 'version'>[]>(`SELECT state, version FROM applications WHERE id = $1`, [id]);
    return current;
  }

  /** The rows among `outboxIds` not processed yet, with their application, locked in id order (overlapping runs wait instead of deadlocking). */
  async findPendingEffectsForUpdate(outboxIds: readonly string[], manager: EntityManager): Promise<PendingEffectRow[]> {
    return manager.query<PendingEffectRow[]>(
      `SELECT o.id, o.event_id, o.payload, o.request_id, a.id AS application_id, a.association_code, a.rules, a.portfolio,
              a.applicant_id, p.full_name AS applicant_name, p.email AS applicant_email, e.payload->>'dueOn' AS cycle_due_on
         FROM outbox o JOIN applications a ON a.id = o.application_id JOIN people p ON p.id = a.applicant_id
         LEFT JOIN application_events e ON e.id = o.event_id
        WHERE o.id = ANY($1::bigint[]) AND o.processed_at IS NULL ORDER BY o.id FOR UPDATE OF o`,
      [outboxIds],
    );
  }

  /** Marks outbox rows' effects applied. */
  async markEffectsProcessed(ids: readonly string[], at: Date, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE outbox SET processed_at = $2 WHERE id = ANY($1::bigint[])`, [ids, at]);
  }
}
