import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account.entity.js';
import { ApplicationReference } from './application-reference.entity.js';

/** A phone call staff made to vet a reference rater; every call is kept. */
@Check('reference_vetting_calls_outcome_check', "outcome IN ('vetted', 'not_vetted', 'unreachable')")
@Check('reference_vetting_calls_notes_check', 'length(notes) <= 4000')
@Index('reference_vetting_calls_reference_idx', ['referenceId', 'calledAt'])
@Entity('reference_vetting_calls')
export class ReferenceVettingCall {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey(() => ApplicationReference, { name: 'reference_vetting_calls_reference_id_fkey' })
  @Column({ name: 'reference_id', type: 'uuid' })
  referenceId: string;
  @ForeignKey(() => Account, { name: 'reference_vetting_calls_staff_account_id_fkey' })
  @Column({ name: 'staff_account_id', type: 'uuid' })
  staffAccountId: string;
  @Column({ name: 'called_at', type: 'timestamptz' }) calledAt: Date;
  @Column({ type: 'text' }) outcome: string;
  @Column({ type: 'text', default: '' }) notes: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
