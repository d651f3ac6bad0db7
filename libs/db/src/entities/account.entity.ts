import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Person } from './person.entity.js';

/** A sign-in account with its roles. */
@Unique('accounts_person_uq', ['personId'])
@Check('accounts_roles_ck', "cardinality(roles) > 0 AND roles <@ ARRAY['applicant', 'coordinator', 'reviewer', 'exam_reviewer', 'administrator']::text[]")
@Check('accounts_association_ck', "association_code IS NOT NULL OR roles = ARRAY['administrator']::text[]")
// An expression index (lower(email)): TypeORM can neither describe nor read one back, so it is only named here,
// with synchronize: false telling the schema builder to leave it alone.
@Index('accounts_email_uq', { synchronize: false })
@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn('uuid') id: string;
  @ForeignKey(() => Person, { name: 'accounts_person_id_fkey' })
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'password_hash', type: 'text', nullable: true }) passwordHash: string | null;
  @Column({ type: 'text', array: true }) roles: string[];
  @Column({ name: 'association_code', type: 'text', nullable: true }) associationCode: string | null;
  @Column({ name: 'failed_logins', type: 'integer', default: 0 }) failedLogins: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
