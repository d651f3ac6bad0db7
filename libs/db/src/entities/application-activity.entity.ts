import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account.entity.js';
import { Application } from './application.entity.js';
import { ApplicationReference } from './application-reference.entity.js';

/** What staff did to an application besides transitions; append-only (a trigger TypeORM does not model). */
@Check('application_activities_kind_check', "kind IN ('claimed', 'assigned', 'unassigned', 'panel_assigned', 'rater_replaced')")
@Index('application_activities_application_idx', ['applicationId', 'id'])
@Entity('application_activities')
export class ApplicationActivity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @ForeignKey(() => Application, { name: 'application_activities_application_id_fkey' })
  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;
  @Column({ type: 'text' }) kind: string;
  @ForeignKey(() => Account, { name: 'application_activities_actor_id_fkey' })
  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;
  @Column({ name: 'account_ids', type: 'uuid', array: true, default: () => "'{}'" }) accountIds: string[];
  /** The reference whose rater got a new address (rater_replaced). */
  @ForeignKey(() => ApplicationReference, { name: 'application_activities_reference_id_fkey' })
  @Column({ name: 'reference_id', type: 'uuid', nullable: true })
  referenceId: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
}
