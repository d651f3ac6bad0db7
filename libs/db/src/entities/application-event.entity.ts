import { Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Application } from './application.entity.js';

/** One row per transition, append-only (a trigger, which TypeORM does not model, refuses updates and deletes). */
@Unique('application_events_version_uq', ['applicationId', 'version'])
@Entity('application_events')
export class ApplicationEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @ForeignKey(() => Application, { name: 'application_events_application_id_fkey' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) event: string;
  @Column({ name: 'from_state', type: 'text' }) fromState: string;
  @Column({ name: 'to_state', type: 'text' }) toState: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_role', type: 'text' }) actorRole: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'jsonb', default: {} }) payload: Record<string, unknown>;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
}
