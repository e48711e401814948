import type { MigrationInterface, QueryRunner } from 'typeorm';

// Email verification (codes, users.email_verified_at), the mail outbox and organization invitations.
export class AccountVerificationAndInvitations1796176093056 implements MigrationInterface {
  name = 'AccountVerificationAndInvitations1796176093056';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"email_verification_codes\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"code_hash\" bytea NOT NULL, \"password_hash\" character varying(255) NOT NULL, \"display_name\" character varying(200) NOT NULL, \"attempts\" smallint NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_5bb1cbeebcbcb38996911bff8d4\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"email_verification_codes_user_id_idx\" ON \"email_verification_codes\"  (\"user_id\") ");
    await q.query("CREATE TABLE \"outbox_messages\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"to_email\" character varying(254) NOT NULL, \"kind\" character varying(32) NOT NULL, \"subject\" character varying(300) NOT NULL, \"body\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"sent_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_0171348f527c64b137e4d4f5b66\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"outbox_messages_to_email_idx\" ON \"outbox_messages\"  (\"to_email\") ");
    await q.query("CREATE INDEX \"outbox_messages_unsent_idx\" ON \"outbox_messages\"  (\"created_at\") WHERE \"sent_at\" IS NULL");
    await q.query("CREATE TABLE \"organization_invitations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"email\" character varying(254) NOT NULL, \"role\" character varying(16) NOT NULL, \"invited_by_user_id\" uuid, \"status\" character varying(16) NOT NULL DEFAULT 'PENDING', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"responded_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_f172f12b8a9ee6584b661f57e24\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"organization_invitations_email_pending_idx\" ON \"organization_invitations\"  (\"email\") WHERE \"status\" = 'PENDING'");
    await q.query("CREATE INDEX \"organization_invitations_organization_email_idx\" ON \"organization_invitations\"  (\"organization_id\", \"email\") ");
    await q.query("ALTER TABLE \"users\" ADD \"email_verified_at\" TIMESTAMP WITH TIME ZONE");
    // Accounts that exist before verification was introduced keep working: they count as verified.
    await q.query('UPDATE "users" SET "email_verified_at" = "created_at"');
    await q.query("ALTER TABLE \"email_verification_codes\" ADD CONSTRAINT \"FK_d18df5dff26676faed7d3e1640b\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"organization_invitations\" ADD CONSTRAINT \"FK_7f88954e8d667a76ae3ced6f446\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"organization_invitations\" ADD CONSTRAINT \"FK_f04dacf9d9c2b791f06c0fc8b7e\" FOREIGN KEY (\"invited_by_user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"organization_invitations\" DROP CONSTRAINT \"FK_f04dacf9d9c2b791f06c0fc8b7e\"");
    await q.query("ALTER TABLE \"organization_invitations\" DROP CONSTRAINT \"FK_7f88954e8d667a76ae3ced6f446\"");
    await q.query("ALTER TABLE \"email_verification_codes\" DROP CONSTRAINT \"FK_d18df5dff26676faed7d3e1640b\"");
    await q.query("ALTER TABLE \"users\" DROP COLUMN \"email_verified_at\"");
    await q.query("DROP INDEX \"public\".\"organization_invitations_organization_email_idx\"");
    await q.query("DROP INDEX \"public\".\"organization_invitations_email_pending_idx\"");
    await q.query("DROP TABLE \"organization_invitations\"");
    await q.query("DROP INDEX \"public\".\"outbox_messages_unsent_idx\"");
    await q.query("DROP INDEX \"public\".\"outbox_messages_to_email_idx\"");
    await q.query("DROP TABLE \"outbox_messages\"");
    await q.query("DROP INDEX \"public\".\"email_verification_codes_user_id_idx\"");
    await q.query("DROP TABLE \"email_verification_codes\"");
  }
}
