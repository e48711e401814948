import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795291060724 implements MigrationInterface {
  name = 'Initial1795291060724';

  async up(q: QueryRunner): Promise<void> {
    // Trigram search for misspelled names; cube + earthdistance for index-backed radius search.
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE EXTENSION IF NOT EXISTS cube');
    await q.query('CREATE EXTENSION IF NOT EXISTS earthdistance');
    await q.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" character varying(254) NOT NULL, \"display_name\" character varying(200) NOT NULL, \"password_hash\" character varying(255) NOT NULL, \"is_admin\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"users_email_key\" ON \"users\"  (\"email\") ");
    await q.query("CREATE TABLE \"access_tokens\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"token_hash\" bytea NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_65140f59763ff994a0252488166\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"access_tokens_user_id_idx\" ON \"access_tokens\"  (\"user_id\") ");
    await q.query("CREATE UNIQUE INDEX \"access_tokens_token_hash_key\" ON \"access_tokens\"  (\"token_hash\") ");
    await q.query("CREATE TABLE \"capability_categories\" (\"id\" character varying(40) NOT NULL, \"name\" character varying(120) NOT NULL, \"description\" text NOT NULL DEFAULT '', \"position\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_0fa450fb13ffbea5bc647ffd763\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE TABLE \"skills\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"slug\" character varying(80) NOT NULL, \"category_id\" character varying(40) NOT NULL, \"name\" character varying(120) NOT NULL, \"description\" text NOT NULL DEFAULT '', CONSTRAINT \"PK_0d3212120f4ecedf90864d7e298\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"skills_slug_key\" ON \"skills\"  (\"slug\") ");
    await q.query("CREATE INDEX \"skills_category_id_idx\" ON \"skills\"  (\"category_id\") ");
    await q.query("CREATE TABLE \"issue_areas\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"slug\" character varying(80) NOT NULL, \"name\" character varying(120) NOT NULL, \"description\" text NOT NULL DEFAULT '', CONSTRAINT \"PK_d128f27f46cf8882a7bfe47833a\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"issue_areas_slug_key\" ON \"issue_areas\"  (\"slug\") ");
    await q.query("CREATE TABLE \"organizations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"slug\" character varying(80) NOT NULL, \"name\" character varying(200) NOT NULL, \"mission\" text NOT NULL DEFAULT '', \"kind\" character varying(32) NOT NULL, \"size_band\" character varying(32), \"country\" character(2), \"region\" character varying(120), \"city\" character varying(120), \"latitude\" double precision, \"longitude\" double precision, \"location_precision\" character varying(16) NOT NULL DEFAULT 'CITY', \"public_latitude\" double precision, \"public_longitude\" double precision, \"visibility\" character varying(16) NOT NULL DEFAULT 'NETWORK', \"anonymous_suggestions\" boolean NOT NULL DEFAULT false, \"languages\" text array NOT NULL DEFAULT '{}', \"website\" character varying(500), \"contact_email\" character varying(254), \"funding_disclosure\" text, \"verified\" boolean NOT NULL DEFAULT false, \"dealbreaker_kinds\" text array NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6b031fcd0863e3f6b44230163f9\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"organizations_slug_key\" ON \"organizations\"  (\"slug\") ");
    await q.query("CREATE INDEX \"organizations_kind_idx\" ON \"organizations\"  (\"kind\") ");
    await q.query("CREATE INDEX \"organizations_visibility_idx\" ON \"organizations\"  (\"visibility\") ");
    await q.query("CREATE INDEX \"organizations_place_idx\" ON \"organizations\"  (\"country\", \"region\", \"city\") ");
    await q.query("CREATE TABLE \"memberships\" (\"organization_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"role\" character varying(16) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_d43d9c8d18fcd49de0fa44bbd79\" PRIMARY KEY (\"organization_id\", \"user_id\"))");
    await q.query("CREATE INDEX \"memberships_user_id_idx\" ON \"memberships\"  (\"user_id\") ");
    await q.query("CREATE TABLE \"capabilities\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"skill_id\" uuid NOT NULL, \"level\" character varying(16) NOT NULL, \"capacity\" integer, \"remote\" boolean NOT NULL DEFAULT false, \"description\" text NOT NULL DEFAULT '', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_c94fe6cafdb7646522a915893fd\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"capabilities_skill_id_idx\" ON \"capabilities\"  (\"skill_id\") ");
    await q.query("CREATE UNIQUE INDEX \"capabilities_organization_skill_key\" ON \"capabilities\"  (\"organization_id\", \"skill_id\") ");
    await q.query("CREATE TABLE \"needs\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"skill_id\" uuid NOT NULL, \"priority\" character varying(16) NOT NULL, \"issue_area_id\" uuid, \"needed_by\" date, \"status\" character varying(16) NOT NULL DEFAULT 'OPEN', \"remote_ok\" boolean NOT NULL DEFAULT true, \"description\" text NOT NULL DEFAULT '', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_fdb71d393bc390a1a09ac047dd1\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"needs_organization_id_idx\" ON \"needs\"  (\"organization_id\") ");
    await q.query("CREATE INDEX \"needs_skill_id_idx\" ON \"needs\"  (\"skill_id\") ");
    await q.query("CREATE TABLE \"organization_issue_areas\" (\"organization_id\" uuid NOT NULL, \"issue_area_id\" uuid NOT NULL, CONSTRAINT \"PK_69b0e0221e34e2792917c58a7a0\" PRIMARY KEY (\"organization_id\", \"issue_area_id\"))");
    await q.query("CREATE INDEX \"IDX_811fbdeff30863a731da6fdc7d\" ON \"organization_issue_areas\"  (\"organization_id\") ");
    await q.query("CREATE INDEX \"IDX_a6c5575f293b35ffc4a8957853\" ON \"organization_issue_areas\"  (\"issue_area_id\") ");
    await q.query("ALTER TABLE \"access_tokens\" ADD CONSTRAINT \"FK_09ee750a035b06e0c7f0704687e\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"skills\" ADD CONSTRAINT \"FK_47dd0ade7ed449a7aca9b9e6752\" FOREIGN KEY (\"category_id\") REFERENCES \"capability_categories\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"memberships\" ADD CONSTRAINT \"FK_e5380c394ec7912046d07b54290\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"memberships\" ADD CONSTRAINT \"FK_7c1e2fdfed4f6838e0c05ae5051\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"capabilities\" ADD CONSTRAINT \"FK_4507e940215c381ab8bd3f92604\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"capabilities\" ADD CONSTRAINT \"FK_ff0f1e2b615dcf567c303c3c87b\" FOREIGN KEY (\"skill_id\") REFERENCES \"skills\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"needs\" ADD CONSTRAINT \"FK_7238fa481416cd29fed606b8321\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"needs\" ADD CONSTRAINT \"FK_91f154ef23b646f34ca2a3d526a\" FOREIGN KEY (\"skill_id\") REFERENCES \"skills\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"needs\" ADD CONSTRAINT \"FK_cee46ca5557c68cbeb5074d86c1\" FOREIGN KEY (\"issue_area_id\") REFERENCES \"issue_areas\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"organization_issue_areas\" ADD CONSTRAINT \"FK_811fbdeff30863a731da6fdc7d3\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE CASCADE");
    await q.query("ALTER TABLE \"organization_issue_areas\" ADD CONSTRAINT \"FK_a6c5575f293b35ffc4a89578537\" FOREIGN KEY (\"issue_area_id\") REFERENCES \"issue_areas\"(\"id\") ON DELETE CASCADE ON UPDATE CASCADE");
    // Indexes TypeORM cannot express (the entities name them with synchronize: false).
    await q.query(`CREATE INDEX "organizations_public_earth_idx" ON "organizations" USING gist (ll_to_earth("public_latitude", "public_longitude")) WHERE "public_latitude" IS NOT NULL`);
    await q.query(`CREATE INDEX "organizations_search_idx" ON "organizations" USING gin (to_tsvector('english', "name" || ' ' || "mission"))`);
    await q.query(`CREATE INDEX "organizations_name_trgm_idx" ON "organizations" USING gin ("name" gin_trgm_ops)`);
    await q.query(`CREATE INDEX "capabilities_description_search_idx" ON "capabilities" USING gin (to_tsvector('english', "description"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "capabilities_description_search_idx"');
    await q.query('DROP INDEX "organizations_name_trgm_idx"');
    await q.query('DROP INDEX "organizations_search_idx"');
    await q.query('DROP INDEX "organizations_public_earth_idx"');
    await q.query("ALTER TABLE \"organization_issue_areas\" DROP CONSTRAINT \"FK_a6c5575f293b35ffc4a89578537\"");
    await q.query("ALTER TABLE \"organization_issue_areas\" DROP CONSTRAINT \"FK_811fbdeff30863a731da6fdc7d3\"");
    await q.query("ALTER TABLE \"needs\" DROP CONSTRAINT \"FK_cee46ca5557c68cbeb5074d86c1\"");
    await q.query("ALTER TABLE \"needs\" DROP CONSTRAINT \"FK_91f154ef23b646f34ca2a3d526a\"");
    await q.query("ALTER TABLE \"needs\" DROP CONSTRAINT \"FK_7238fa481416cd29fed606b8321\"");
    await q.query("ALTER TABLE \"capabilities\" DROP CONSTRAINT \"FK_ff0f1e2b615dcf567c303c3c87b\"");
    await q.query("ALTER TABLE \"capabilities\" DROP CONSTRAINT \"FK_4507e940215c381ab8bd3f92604\"");
    await q.query("ALTER TABLE \"memberships\" DROP CONSTRAINT \"FK_7c1e2fdfed4f6838e0c05ae5051\"");
    await q.query("ALTER TABLE \"memberships\" DROP CONSTRAINT \"FK_e5380c394ec7912046d07b54290\"");
    await q.query("ALTER TABLE \"skills\" DROP CONSTRAINT \"FK_47dd0ade7ed449a7aca9b9e6752\"");
    await q.query("ALTER TABLE \"access_tokens\" DROP CONSTRAINT \"FK_09ee750a035b06e0c7f0704687e\"");
    await q.query("DROP INDEX \"public\".\"IDX_a6c5575f293b35ffc4a8957853\"");
    await q.query("DROP INDEX \"public\".\"IDX_811fbdeff30863a731da6fdc7d\"");
    await q.query("DROP TABLE \"organization_issue_areas\"");
    await q.query("DROP INDEX \"public\".\"needs_skill_id_idx\"");
    await q.query("DROP INDEX \"public\".\"needs_organization_id_idx\"");
    await q.query("DROP TABLE \"needs\"");
    await q.query("DROP INDEX \"public\".\"capabilities_organization_skill_key\"");
    await q.query("DROP INDEX \"public\".\"capabilities_skill_id_idx\"");
    await q.query("DROP TABLE \"capabilities\"");
    await q.query("DROP INDEX \"public\".\"memberships_user_id_idx\"");
    await q.query("DROP TABLE \"memberships\"");
    await q.query("DROP INDEX \"public\".\"organizations_place_idx\"");
    await q.query("DROP INDEX \"public\".\"organizations_visibility_idx\"");
    await q.query("DROP INDEX \"public\".\"organizations_kind_idx\"");
    await q.query("DROP INDEX \"public\".\"organizations_slug_key\"");
    await q.query("DROP TABLE \"organizations\"");
    await q.query("DROP INDEX \"public\".\"issue_areas_slug_key\"");
    await q.query("DROP TABLE \"issue_areas\"");
    await q.query("DROP INDEX \"public\".\"skills_category_id_idx\"");
    await q.query("DROP INDEX \"public\".\"skills_slug_key\"");
    await q.query("DROP TABLE \"skills\"");
    await q.query("DROP TABLE \"capability_categories\"");
    await q.query("DROP INDEX \"public\".\"access_tokens_token_hash_key\"");
    await q.query("DROP INDEX \"public\".\"access_tokens_user_id_idx\"");
    await q.query("DROP TABLE \"access_tokens\"");
    await q.query("DROP INDEX \"public\".\"users_email_key\"");
    await q.query("DROP TABLE \"users\"");
  }
}
