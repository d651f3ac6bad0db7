import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in: accounts with roles, refresh tokens (hashed, rotated within a family), and the single-use
 * tokens behind emailed links (staff invitations, password resets), also stored only as hashes.
 */
export class Accounts1764000000000 implements MigrationInterface {
  name = 'Accounts1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people(id),
        email text NOT NULL,
        password_hash text,
        roles text[] NOT NULL,
        association_code text,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT accounts_person_uq UNIQUE (person_id),
        CONSTRAINT accounts_roles_ck CHECK (
          cardinality(roles) > 0 AND roles <@ ARRAY['applicant', 'coordinator', 'reviewer', 'exam_reviewer', 'administrator']::text[]
        ),
        -- Only an administrator may stand above the associations (Alliance-wide); everyone else belongs to one.
        CONSTRAINT accounts_association_ck CHECK (association_code IS NOT NULL OR roles = ARRAY['administrator']::text[])
      )`);
    await q.query(`CREATE UNIQUE INDEX accounts_email_uq ON accounts (lower(email))`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT refresh_tokens_hash_uq UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_account_idx ON refresh_tokens (account_id)`);

    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        purpose text NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT account_tokens_hash_uq UNIQUE (token_hash),
        CONSTRAINT account_tokens_purpose_ck CHECK (purpose IN ('password_reset', 'staff_invitation'))
      )`);
    await q.query(`CREATE INDEX account_tokens_account_idx ON account_tokens (account_id, purpose)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_tokens`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE accounts`);
  }
}
