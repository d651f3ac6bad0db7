import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The outbox relay's cursor: a single row, with the ids it passed before their transactions committed. */
@Check('outbox_relay_singleton_check', 'singleton')
@Entity('outbox_relay')
export class OutboxRelay {
  @PrimaryColumn({ type: 'boolean', default: true }) singleton: boolean;
  @Column({ name: 'published_through', type: 'bigint' }) publishedThrough: string;
  @Column({ name: 'gap_ids', type: 'bigint', array: true, default: () => "'{}'" }) gapIds: string[];
}
