import type { MigrationInterface, QueryRunner } from 'typeorm';

// Vouch requests (src/vouching/vouch-request.entity.ts): a group asking one verified organization for a vouch; the
// grant it makes (the group's card to the asked organization while pending or while the vouch stands) is
// privacy/vouch-request-grant.ts. One pending request per pair (vouch_requests_pending_pair_key).

export class VouchRequests1796500120000 implements MigrationInterface {
  name = 'VouchRequests1796500120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"vouch_requests\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"voucher_organization_id\" uuid NOT NULL, \"message\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'PENDING', \"vouch_id\" uuid, \"requested_by_user_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"answered_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"vouch_requests_status_check\" CHECK (\"status\" IN ('PENDING', 'VOUCHED', 'DECLINED', 'WITHDRAWN')), CONSTRAINT \"vouch_requests_not_self_check\" CHECK (\"organization_id\" <> \"voucher_organization_id\"), CONSTRAINT \"PK_3e7a76133dd67d13bc0fbe88642\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"vouch_requests_voucher_group_idx\" ON \"vouch_requests\"  (\"voucher_organization_id\", \"organization_id\") ");
    await q.query("CREATE INDEX \"vouch_requests_group_created_idx\" ON \"vouch_requests\"  (\"organization_id\", \"created_at\") ");
    await q.query("CREATE UNIQUE INDEX \"vouch_requests_pending_pair_key\" ON \"vouch_requests\"  (\"organization_id\", \"voucher_organization_id\") WHERE \"status\" = 'PENDING'");
    await q.query("ALTER TABLE \"vouch_requests\" ADD CONSTRAINT \"FK_ea3bf9330584607eb1f17fa6bee\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"vouch_requests\" ADD CONSTRAINT \"FK_294d3b520ff3a69e8e2b4714f6c\" FOREIGN KEY (\"voucher_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"vouch_requests\" ADD CONSTRAINT \"FK_4ba02d81341ddaa099b0b0351a6\" FOREIGN KEY (\"vouch_id\") REFERENCES \"vouches\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"vouch_requests\" ADD CONSTRAINT \"FK_4c4924e6e4c10d5a264110c7206\" FOREIGN KEY (\"requested_by_user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"vouch_requests\" DROP CONSTRAINT \"FK_4c4924e6e4c10d5a264110c7206\"");
    await q.query("ALTER TABLE \"vouch_requests\" DROP CONSTRAINT \"FK_4ba02d81341ddaa099b0b0351a6\"");
    await q.query("ALTER TABLE \"vouch_requests\" DROP CONSTRAINT \"FK_294d3b520ff3a69e8e2b4714f6c\"");
    await q.query("ALTER TABLE \"vouch_requests\" DROP CONSTRAINT \"FK_ea3bf9330584607eb1f17fa6bee\"");
    await q.query("DROP INDEX \"public\".\"vouch_requests_pending_pair_key\"");
    await q.query("DROP INDEX \"public\".\"vouch_requests_group_created_idx\"");
    await q.query("DROP INDEX \"public\".\"vouch_requests_voucher_group_idx\"");
    await q.query("DROP TABLE \"vouch_requests\"");
  }
}
