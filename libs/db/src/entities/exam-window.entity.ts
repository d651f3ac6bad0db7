import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account.entity.js';

/** An exam sitting an association offers. */
@Check('exam_windows_location_check', 'length(location) <= 200')
@Check('exam_windows_capacity_check', 'capacity > 0')
@Check('exam_windows_place_ck', 'online OR location IS NOT NULL')
@Index('exam_windows_association_idx', ['associationCode', 'sitsOn'])
@Entity('exam_windows')
export class ExamWindow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'association_code', type: 'text' }) associationCode: string;
  @Column({ name: 'sits_on', type: 'date' }) sitsOn: string;
  @Column({ name: 'registration_closes_at', type: 'timestamptz' }) registrationClosesAt: Date;
  @Column({ type: 'boolean' }) online: boolean;
  @Column({ type: 'text', nullable: true }) location: string | null;
  @Column({ type: 'integer' }) capacity: number;
  @ForeignKey(() => Account, { name: 'exam_windows_created_by_fkey' })
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
