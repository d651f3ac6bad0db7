import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ApplicationEvent } from './application-event.entity.js';
import { Application } from './application.entity.js';

/**
 * A side effect committed with its transition, waiting for the relay to enqueue it. The view
 * outbox_unpublished (rows past the relay's cursor) has no entity: TypeORM only manages views it
 * created itself, so it neither reads nor drops this one.
 */
@Index('outbox_unprocessed_idx', ['id'], { where: 'processed_at IS NULL' })
@Entity('outbox')
export class OutboxMessage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @ForeignKey(() => Application, { name: 'outbox_application_id_fkey' })
  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId: string | null;
  @ForeignKey(() => ApplicationEvent, { name: 'outbox_event_id_fkey' })
  @Column({ name: 'event_id', type: 'bigint', nullable: true })
  eventId: string | null;
  @Column({ name: 'effect_type', type: 'text' }) effectType: string;
  @Column({ type: 'jsonb', default: {} }) payload: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'written_at', type: 'timestamptz', default: () => 'now()' }) writtenAt: Date;
  @Column({ name: 'republished_at', type: 'timestamptz', nullable: true }) republishedAt: Date | null;
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true }) processedAt: Date | null;
  /** The request (or job) whose transition wrote the row. */
  @Column({ name: 'request_id', type: 'text', nullable: true }) requestId: string | null;
}
