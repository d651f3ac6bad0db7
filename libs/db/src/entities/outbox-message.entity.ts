import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A side effect committed with its transition, waiting for the relay to enqueue it. */
@Entity('outbox')
export class OutboxMessage {
  @PrimaryColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'application_id', type: 'uuid', nullable: true }) applicationId: string | null;
  @Column({ name: 'event_id', type: 'bigint', nullable: true }) eventId: string | null;
  @Column({ name: 'effect_type' }) effectType: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'written_at', type: 'timestamptz' }) writtenAt: Date;
  @Column({ name: 'republished_at', type: 'timestamptz', nullable: true }) republishedAt: Date | null;
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true }) processedAt: Date | null;
}
