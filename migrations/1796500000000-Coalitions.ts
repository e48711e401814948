import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Coalitions (src/coalitions/coalition.entity.ts): coalitions, members (history kept: left_at), charter versions
// (current = highest), endorsements of a version, invitations (double opt-in; undelivered ones answer like any
// other). server_keys holds the random key that seals anonymous cards' tokens (privacy/anonymous-token.ts), so an
// anonymous coalition suggestion can be invited without the token naming it; it is written here, once, from
// Node's CSPRNG.

export class Coalitions1796500000000 implements MigrationInterface {
  name = 'Coalitions1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"coalitions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"issue_area_id\" uuid NOT NULL, \"scope_country\" character(2), \"scope_region\" character varying(120), \"scope_latitude\" double precision, \"scope_longitude\" double precision, \"scope_radius_km\" double precision, \"required_category_ids\" character varying(40) array NOT NULL DEFAULT '{}', \"visibility\" character varying(16) NOT NULL DEFAULT 'NETWORK', \"created_by_organization_id\" uuid, \"status\" character varying(16) NOT NULL DEFAULT 'FORMING', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"coalitions_scope_radius_check\" CHECK (\"scope_radius_km\" IS NULL OR \"scope_radius_km\" >= 0), CONSTRAINT \"PK_bfab7dde4976166d259530073ef\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"coalitions_visibility_idx\" ON \"coalitions\"  (\"visibility\") ");
    await q.query("CREATE INDEX \"coalitions_issue_area_idx\" ON \"coalitions\"  (\"issue_area_id\", \"created_at\") ");
    await q.query("CREATE INDEX \"coalitions_created_idx\" ON \"coalitions\"  (\"created_at\", \"id\") ");
    await q.query("CREATE TABLE \"coalition_members\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"coalition_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"role\" character varying(16) NOT NULL DEFAULT 'MEMBER', \"visibility\" character varying(16) NOT NULL DEFAULT 'NETWORK', \"joined_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"left_at\" TIMESTAMP WITH TIME ZONE, \"removed\" boolean NOT NULL DEFAULT false, CONSTRAINT \"PK_78d93f7a02f9d0b60a724ef5c84\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"coalition_members_organization_idx\" ON \"coalition_members\"  (\"organization_id\", \"coalition_id\") WHERE \"left_at\" IS NULL");
    await q.query("CREATE UNIQUE INDEX \"coalition_members_current_key\" ON \"coalition_members\"  (\"coalition_id\", \"organization_id\") WHERE \"left_at\" IS NULL");
    await q.query("CREATE TABLE \"coalition_charters\" (\"coalition_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"purpose\" text NOT NULL, \"decision_rule\" character varying(24) NOT NULL DEFAULT 'CONSENSUS', \"quorum\" double precision NOT NULL DEFAULT '0.5', \"resource_sharing\" text NOT NULL DEFAULT '', \"non_negotiables\" jsonb NOT NULL DEFAULT '[]', \"rotation_period_days\" integer, \"rotation_order\" uuid array NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"coalition_charters_rotation_check\" CHECK (\"rotation_period_days\" IS NULL OR \"rotation_period_days\" >= 1), CONSTRAINT \"coalition_charters_quorum_check\" CHECK (\"quorum\" >= 0 AND \"quorum\" <= 1), CONSTRAINT \"PK_90308a0e3cb5f5f9f6d7ce0f0f4\" PRIMARY KEY (\"coalition_id\", \"version\"))");
    await q.query("CREATE TABLE \"coalition_charter_endorsements\" (\"coalition_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"organization_id\" uuid NOT NULL, \"endorsed_by_user_id\" uuid, \"endorsed_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_60e13384def319c3150acaf891e\" PRIMARY KEY (\"coalition_id\", \"version\", \"organization_id\"))");
    await q.query("CREATE TABLE \"coalition_invitations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"coalition_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"invited_by_organization_id\" uuid, \"invited_by_user_id\" uuid, \"anonymous\" boolean NOT NULL DEFAULT false, \"anonymous_card\" jsonb, \"category_id\" character varying(40), \"message\" text NOT NULL DEFAULT '', \"status\" character varying(16) NOT NULL DEFAULT 'PENDING', \"delivered\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"responded_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_6713f19e3583dbff906fecaaa34\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"coalition_invitations_organization_idx\" ON \"coalition_invitations\"  (\"organization_id\", \"created_at\") WHERE \"delivered\"");
    await q.query("CREATE INDEX \"coalition_invitations_coalition_idx\" ON \"coalition_invitations\"  (\"coalition_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"server_keys\" (\"name\" character varying(64) NOT NULL, \"value\" character varying(128) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_bce3d7702735c7c59874675e4fd\" PRIMARY KEY (\"name\"))");
    await q.query('INSERT INTO server_keys (name, value) VALUES ($1, $2)', ['anonymous-token', randomBytes(32).toString('hex')]);
    await q.query("ALTER TABLE \"coalitions\" ADD CONSTRAINT \"FK_c2a692b15a8a2345d40a6f90e9c\" FOREIGN KEY (\"issue_area_id\") REFERENCES \"issue_areas\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalitions\" ADD CONSTRAINT \"FK_fb46c7ad5bcbb7b41a44940a851\" FOREIGN KEY (\"created_by_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_members\" ADD CONSTRAINT \"FK_078631f9d8e22ef75e666f5aa5c\" FOREIGN KEY (\"coalition_id\") REFERENCES \"coalitions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_members\" ADD CONSTRAINT \"FK_55f9ae956e275971bb8c69f286d\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_charters\" ADD CONSTRAINT \"FK_53d51a8a864b121ddd0c1c9ba10\" FOREIGN KEY (\"coalition_id\") REFERENCES \"coalitions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_charter_endorsements\" ADD CONSTRAINT \"FK_d2d028f5dd800aa5c25da70c094\" FOREIGN KEY (\"coalition_id\") REFERENCES \"coalitions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_charter_endorsements\" ADD CONSTRAINT \"FK_f241580861c64c843b4751b3fc1\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_charter_endorsements\" ADD CONSTRAINT \"FK_729a3603a2c0c6627d37c41f0eb\" FOREIGN KEY (\"endorsed_by_user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_invitations\" ADD CONSTRAINT \"FK_71161a900b91d8b23b543b882e2\" FOREIGN KEY (\"coalition_id\") REFERENCES \"coalitions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_invitations\" ADD CONSTRAINT \"FK_cb24b05b67fe547ee780a24c9f0\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_invitations\" ADD CONSTRAINT \"FK_7c3ab6eee0fded8af3dec9b8560\" FOREIGN KEY (\"invited_by_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_invitations\" ADD CONSTRAINT \"FK_20494e2c2d250d6ea8f0faafbe8\" FOREIGN KEY (\"invited_by_user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"coalition_invitations\" DROP CONSTRAINT \"FK_20494e2c2d250d6ea8f0faafbe8\"");
    await q.query("ALTER TABLE \"coalition_invitations\" DROP CONSTRAINT \"FK_7c3ab6eee0fded8af3dec9b8560\"");
    await q.query("ALTER TABLE \"coalition_invitations\" DROP CONSTRAINT \"FK_cb24b05b67fe547ee780a24c9f0\"");
    await q.query("ALTER TABLE \"coalition_invitations\" DROP CONSTRAINT \"FK_71161a900b91d8b23b543b882e2\"");
    await q.query("ALTER TABLE \"coalition_charter_endorsements\" DROP CONSTRAINT \"FK_729a3603a2c0c6627d37c41f0eb\"");
    await q.query("ALTER TABLE \"coalition_charter_endorsements\" DROP CONSTRAINT \"FK_f241580861c64c843b4751b3fc1\"");
    await q.query("ALTER TABLE \"coalition_charter_endorsements\" DROP CONSTRAINT \"FK_d2d028f5dd800aa5c25da70c094\"");
    await q.query("ALTER TABLE \"coalition_charters\" DROP CONSTRAINT \"FK_53d51a8a864b121ddd0c1c9ba10\"");
    await q.query("ALTER TABLE \"coalition_members\" DROP CONSTRAINT \"FK_55f9ae956e275971bb8c69f286d\"");
    await q.query("ALTER TABLE \"coalition_members\" DROP CONSTRAINT \"FK_078631f9d8e22ef75e666f5aa5c\"");
    await q.query("ALTER TABLE \"coalitions\" DROP CONSTRAINT \"FK_fb46c7ad5bcbb7b41a44940a851\"");
    await q.query("ALTER TABLE \"coalitions\" DROP CONSTRAINT \"FK_c2a692b15a8a2345d40a6f90e9c\"");
    await q.query("DROP TABLE \"server_keys\"");
    await q.query("DROP INDEX \"public\".\"coalition_invitations_coalition_idx\"");
    await q.query("DROP INDEX \"public\".\"coalition_invitations_organization_idx\"");
    await q.query("DROP TABLE \"coalition_invitations\"");
    await q.query("DROP TABLE \"coalition_charter_endorsements\"");
    await q.query("DROP TABLE \"coalition_charters\"");
    await q.query("DROP INDEX \"public\".\"coalition_members_current_key\"");
    await q.query("DROP INDEX \"public\".\"coalition_members_organization_idx\"");
    await q.query("DROP TABLE \"coalition_members\"");
    await q.query("DROP INDEX \"public\".\"coalitions_created_idx\"");
    await q.query("DROP INDEX \"public\".\"coalitions_issue_area_idx\"");
    await q.query("DROP INDEX \"public\".\"coalitions_visibility_idx\"");
    await q.query("DROP TABLE \"coalitions\"");
  }
}
