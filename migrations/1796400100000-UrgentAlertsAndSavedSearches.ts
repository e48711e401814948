import type { MigrationInterface, QueryRunner } from 'typeorm';

// Urgent-need alerts (src/alerts/): needs.urgent_at, one urgent_alerts row per marking (the daily limit counts them
// per organization on urgent_alerts_organization_created_idx) and the organizations each was addressed to.
// Saved searches (src/saved-searches/): the searches, their matches (once per subject) and each member's seen marks.

export class UrgentAlertsAndSavedSearches1796400100000 implements MigrationInterface {
  name = 'UrgentAlertsAndSavedSearches1796400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"urgent_alerts\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"need_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"marked_by_user_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_9bd70f0d07faa3a855c3ab0dfd4\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"urgent_alerts_need_id_idx\" ON \"urgent_alerts\"  (\"need_id\") ");
    await q.query("CREATE INDEX \"urgent_alerts_organization_created_idx\" ON \"urgent_alerts\"  (\"organization_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"urgent_alert_recipients\" (\"alert_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_46cc12f89e8a3a2b0551831f2db\" PRIMARY KEY (\"alert_id\", \"organization_id\"))");
    await q.query("CREATE INDEX \"urgent_alert_recipients_organization_created_idx\" ON \"urgent_alert_recipients\"  (\"organization_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"saved_searches\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"created_by_user_id\" uuid, \"name\" character varying(120) NOT NULL, \"kind\" character varying(16) NOT NULL, \"filter\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_d9a53c71ccc5cf66dcdc5b33dfe\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"saved_searches_kind_idx\" ON \"saved_searches\"  (\"kind\", \"organization_id\") ");
    await q.query("CREATE INDEX \"saved_searches_organization_created_idx\" ON \"saved_searches\"  (\"organization_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"saved_search_matches\" (\"id\" BIGSERIAL NOT NULL, \"saved_search_id\" uuid NOT NULL, \"kind\" character varying(16) NOT NULL, \"subject_id\" uuid NOT NULL, \"matched_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_87a68b5b941587d03e1fcaf686e\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"saved_search_matches_search_idx\" ON \"saved_search_matches\"  (\"saved_search_id\", \"id\") ");
    await q.query("CREATE UNIQUE INDEX \"saved_search_matches_subject_key\" ON \"saved_search_matches\"  (\"saved_search_id\", \"subject_id\") ");
    await q.query("CREATE TABLE \"saved_search_match_seen\" (\"match_id\" bigint NOT NULL, \"user_id\" uuid NOT NULL, CONSTRAINT \"PK_2f8793006191e18df366cb73544\" PRIMARY KEY (\"match_id\", \"user_id\"))");
    await q.query("CREATE INDEX \"saved_search_match_seen_user_idx\" ON \"saved_search_match_seen\"  (\"user_id\", \"match_id\") ");
    await q.query("CREATE TABLE \"saved_search_matcher_state\" (\"name\" character varying(40) NOT NULL, \"last_event_id\" bigint NOT NULL, CONSTRAINT \"PK_saved_search_matcher_state\" PRIMARY KEY (\"name\"))");
    await q.query("ALTER TABLE \"needs\" ADD \"urgent_at\" TIMESTAMP WITH TIME ZONE");
    await q.query("ALTER TABLE \"urgent_alerts\" ADD CONSTRAINT \"FK_0494d72bba2c6bdba116819f626\" FOREIGN KEY (\"need_id\") REFERENCES \"needs\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"urgent_alerts\" ADD CONSTRAINT \"FK_f9a14a0d9b598426987167a6d70\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"urgent_alerts\" ADD CONSTRAINT \"FK_9cd441ae7933e167678f2b130ac\" FOREIGN KEY (\"marked_by_user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"urgent_alert_recipients\" ADD CONSTRAINT \"FK_1a36fb53421c5f0a76337f31a0b\" FOREIGN KEY (\"alert_id\") REFERENCES \"urgent_alerts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"urgent_alert_recipients\" ADD CONSTRAINT \"FK_8083298c3e7a1d4fd5931e23084\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"saved_searches\" ADD CONSTRAINT \"FK_3b0957253925911ffe64de54d7c\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"saved_searches\" ADD CONSTRAINT \"FK_44b59a79004ff9eb12031468f9f\" FOREIGN KEY (\"created_by_user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"saved_search_matches\" ADD CONSTRAINT \"FK_c6b848d754399dd42a9d60f6cee\" FOREIGN KEY (\"saved_search_id\") REFERENCES \"saved_searches\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"saved_search_match_seen\" ADD CONSTRAINT \"FK_b92f6bfc6b2aacdb18ae46ae5bc\" FOREIGN KEY (\"match_id\") REFERENCES \"saved_search_matches\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"saved_search_match_seen\" ADD CONSTRAINT \"FK_d1f9dfe0a47b02277f8794b8486\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"saved_search_match_seen\" DROP CONSTRAINT \"FK_d1f9dfe0a47b02277f8794b8486\"");
    await q.query("ALTER TABLE \"saved_search_match_seen\" DROP CONSTRAINT \"FK_b92f6bfc6b2aacdb18ae46ae5bc\"");
    await q.query("ALTER TABLE \"saved_search_matches\" DROP CONSTRAINT \"FK_c6b848d754399dd42a9d60f6cee\"");
    await q.query("ALTER TABLE \"saved_searches\" DROP CONSTRAINT \"FK_44b59a79004ff9eb12031468f9f\"");
    await q.query("ALTER TABLE \"saved_searches\" DROP CONSTRAINT \"FK_3b0957253925911ffe64de54d7c\"");
    await q.query("ALTER TABLE \"urgent_alert_recipients\" DROP CONSTRAINT \"FK_8083298c3e7a1d4fd5931e23084\"");
    await q.query("ALTER TABLE \"urgent_alert_recipients\" DROP CONSTRAINT \"FK_1a36fb53421c5f0a76337f31a0b\"");
    await q.query("ALTER TABLE \"urgent_alerts\" DROP CONSTRAINT \"FK_9cd441ae7933e167678f2b130ac\"");
    await q.query("ALTER TABLE \"urgent_alerts\" DROP CONSTRAINT \"FK_f9a14a0d9b598426987167a6d70\"");
    await q.query("ALTER TABLE \"urgent_alerts\" DROP CONSTRAINT \"FK_0494d72bba2c6bdba116819f626\"");
    await q.query("ALTER TABLE \"needs\" DROP COLUMN \"urgent_at\"");
    await q.query("DROP TABLE \"saved_search_matcher_state\"");
    await q.query("DROP INDEX \"public\".\"saved_search_match_seen_user_idx\"");
    await q.query("DROP TABLE \"saved_search_match_seen\"");
    await q.query("DROP INDEX \"public\".\"saved_search_matches_subject_key\"");
    await q.query("DROP INDEX \"public\".\"saved_search_matches_search_idx\"");
    await q.query("DROP TABLE \"saved_search_matches\"");
    await q.query("DROP INDEX \"public\".\"saved_searches_organization_created_idx\"");
    await q.query("DROP INDEX \"public\".\"saved_searches_kind_idx\"");
    await q.query("DROP TABLE \"saved_searches\"");
    await q.query("DROP INDEX \"public\".\"urgent_alert_recipients_organization_created_idx\"");
    await q.query("DROP TABLE \"urgent_alert_recipients\"");
    await q.query("DROP INDEX \"public\".\"urgent_alerts_organization_created_idx\"");
    await q.query("DROP INDEX \"public\".\"urgent_alerts_need_id_idx\"");
    await q.query("DROP TABLE \"urgent_alerts\"");
  }
}
