import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { Account } from './account.entity.js';

/** A single-use token behind an emailed link (staff invitation, password reset), stored as a hash. */
@Unique('account_tokens_hash_uq', ['tokenHash'])
@Check('account_tokens_purpose_ck', "purpose IN ('password_reset', 'staff_invitation')")
@Index('account_tokens_account_idx', ['accountId', 'purpose'])
@Entity('account_tokens')
export class AccountToken {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @ForeignKey(() => Account, { name: 'account_tokens_account_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;
  @Column({ type: 'text' }) purpose: string;
  @Column({ name: 'token_hash', type: 'text' }) tokenHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
