import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per transition, append-only (a trigger refuses updates and deletes). */
@Entity('application_events')
export class ApplicationEvent {
  @PrimaryColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Column() version: number;
  @Column() event: string;
  @Column({ name: 'from_state' }) fromState: string;
  @Column({ name: 'to_state' }) toState: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_role' }) actorRole: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
}
