import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity.js';

/** Where an endorsement's bit sits in its association's status list; the bit is computed from the application's state. */
@Check('credential_status_entries_index_check', 'status_index >= 0 AND status_index < 131072')
@Index('credential_status_entries_index_uq', ['associationCode', 'statusIndex'], { unique: true })
@Entity('credential_status_entries')
export class CredentialStatusEntry {
  @ForeignKey(() => Application, { name: 'credential_status_entries_application_id_fkey' })
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;
  @Column({ name: 'association_code', type: 'text' }) associationCode: string;
  @Column({ name: 'status_index', type: 'integer' }) statusIndex: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
