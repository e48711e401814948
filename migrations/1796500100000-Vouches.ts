import type { MigrationInterface, QueryRunner } from 'typeorm';

// Vouches (src/vouching/vouch.entity.ts): a verified organization vouching for another, with a statement; withdrawn
// ones keep their row (withdrawn_at) for the admins' chain. At most one active vouch per pair
// (vouches_active_pair_key); the badge counts active vouches per vouchee (vouches_vouchee_created_idx).

export class Vouches1796500100000 implements MigrationInterface {
  name = 'Vouches1796500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"vouches\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"voucher_organization_id\" uuid NOT NULL, \"vouchee_organization_id\" uuid NOT NULL, \"statement\" text NOT NULL, \"vouched_by_user_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"withdrawn_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"vouches_not_self_check\" CHECK (\"voucher_organization_id\" <> \"vouchee_organization_id\"), CONSTRAINT \"PK_9da430ca43241b887484e589bc4\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"vouches_voucher_created_idx\" ON \"vouches\"  (\"voucher_organization_id\", \"created_at\") ");
    await q.query("CREATE INDEX \"vouches_vouchee_created_idx\" ON \"vouches\"  (\"vouchee_organization_id\", \"created_at\") ");
    await q.query("CREATE UNIQUE INDEX \"vouches_active_pair_key\" ON \"vouches\"  (\"voucher_organization_id\", \"vouchee_organization_id\") WHERE \"withdrawn_at\" IS NULL");
    await q.query("ALTER TABLE \"vouches\" ADD CONSTRAINT \"FK_fdfa0ce572d0ee717d17ce7a0a1\" FOREIGN KEY (\"voucher_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"vouches\" ADD CONSTRAINT \"FK_b97774918b0ba2fb58e832bc690\" FOREIGN KEY (\"vouchee_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"vouches\" ADD CONSTRAINT \"FK_f6650427f396e2441085311fb62\" FOREIGN KEY (\"vouched_by_user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP TABLE \"vouches\"");
  }
}
