import type { MigrationInterface, QueryRunner } from 'typeorm';

// Networking events (issue 12): events, registrations (one per organization and event), meetings of the schedule
// (sides ordered, one row per pair and round; the unique key also serves the per-round reads of an event) and the
// changes repairs made to a published schedule.

export class NetworkingEvents1796300000000 implements MigrationInterface {
  name = 'NetworkingEvents1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"events\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organizer_organization_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"description\" text NOT NULL DEFAULT '', \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"registration_deadline\" TIMESTAMP WITH TIME ZONE NOT NULL, \"online\" boolean NOT NULL DEFAULT false, \"venue\" character varying(200), \"country\" character(2), \"region\" character varying(120), \"city\" character varying(120), \"latitude\" double precision, \"longitude\" double precision, \"place_precision\" character varying(16) NOT NULL DEFAULT 'CITY', \"rounds\" smallint NOT NULL, \"minutes_per_meeting\" smallint NOT NULL, \"format\" character varying(16) NOT NULL, \"seats_per_table\" smallint, \"capacity\" integer, \"status\" character varying(16) NOT NULL DEFAULT 'DRAFT', \"attendee_list_visibility\" character varying(16) NOT NULL DEFAULT 'ORGANIZER_ONLY', \"kind_rules\" jsonb NOT NULL DEFAULT '[]', \"met_before\" character varying(16) NOT NULL DEFAULT 'RANK_LOWER', \"schedule_seed\" integer, \"scheduled_at\" TIMESTAMP WITH TIME ZONE, \"published_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"events_capacity_check\" CHECK (\"capacity\" IS NULL OR \"capacity\" BETWEEN 2 AND 1000), CONSTRAINT \"events_tables_check\" CHECK ((\"format\" = 'TABLES') = (\"seats_per_table\" IS NOT NULL)), CONSTRAINT \"events_minutes_check\" CHECK (\"minutes_per_meeting\" BETWEEN 5 AND 240), CONSTRAINT \"events_rounds_check\" CHECK (\"rounds\" BETWEEN 1 AND 24), CONSTRAINT \"events_time_check\" CHECK (\"ends_at\" > \"starts_at\" AND \"registration_deadline\" <= \"starts_at\"), CONSTRAINT \"PK_40731c7151fe4be3116e45ddf73\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"events_status_starts_idx\" ON \"events\"  (\"status\", \"starts_at\") ");
    await q.query("CREATE INDEX \"events_organizer_starts_idx\" ON \"events\"  (\"organizer_organization_id\", \"starts_at\") ");
    await q.query("CREATE TABLE \"event_registrations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"event_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"status\" character varying(16) NOT NULL DEFAULT 'ACTIVE', \"source\" character varying(16) NOT NULL, \"people\" text array NOT NULL DEFAULT '{}', \"contact_email\" character varying(254), \"seeking_skill_ids\" uuid array NOT NULL DEFAULT '{}', \"offering_skill_ids\" uuid array NOT NULL DEFAULT '{}', \"available_rounds\" smallint array, \"do_not_meet_ids\" uuid array NOT NULL DEFAULT '{}', \"max_meetings\" smallint, \"registered_by_user_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"cancelled_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"event_registrations_max_meetings_check\" CHECK (\"max_meetings\" IS NULL OR \"max_meetings\" >= 0), CONSTRAINT \"PK_953d3b862c2487289a92b2356e9\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"event_registrations_organization_idx\" ON \"event_registrations\"  (\"organization_id\") ");
    await q.query("CREATE UNIQUE INDEX \"event_registrations_event_organization_key\" ON \"event_registrations\"  (\"event_id\", \"organization_id\") ");
    await q.query("CREATE TABLE \"event_meetings\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"event_id\" uuid NOT NULL, \"round\" smallint NOT NULL, \"registration_a_id\" uuid NOT NULL, \"registration_b_id\" uuid NOT NULL, \"table_number\" smallint, \"score\" double precision NOT NULL, \"reasons_a\" jsonb NOT NULL DEFAULT '[]', \"reasons_b\" jsonb NOT NULL DEFAULT '[]', \"locked\" boolean NOT NULL DEFAULT false, \"manual\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"event_meetings_pair_order_check\" CHECK (\"registration_a_id\" < \"registration_b_id\"), CONSTRAINT \"PK_ea25ee87e5082cda9b6abc3f131\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"event_meetings_pair_key\" ON \"event_meetings\"  (\"event_id\", \"round\", \"registration_a_id\", \"registration_b_id\") ");
    await q.query("CREATE INDEX \"event_meetings_registration_b_idx\" ON \"event_meetings\"  (\"registration_b_id\") ");
    await q.query("CREATE INDEX \"event_meetings_registration_a_idx\" ON \"event_meetings\"  (\"registration_a_id\") ");
    await q.query("CREATE TABLE \"event_schedule_changes\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"event_id\" uuid NOT NULL, \"round\" smallint NOT NULL, \"registration_ids\" uuid array NOT NULL, \"was\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_14158b6d3587762e53ebe2c863e\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"event_schedule_changes_event_idx\" ON \"event_schedule_changes\"  (\"event_id\", \"created_at\") ");
    await q.query("ALTER TABLE \"events\" ADD CONSTRAINT \"FK_65bd632d036ae1842c5ed07a630\" FOREIGN KEY (\"organizer_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"event_registrations\" ADD CONSTRAINT \"FK_28b0a253c87a80a4b013c437f7d\" FOREIGN KEY (\"event_id\") REFERENCES \"events\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"event_registrations\" ADD CONSTRAINT \"FK_ee997080e379f82e9ce636b6948\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"event_registrations\" ADD CONSTRAINT \"FK_b5e9edbf6664d43a43a12b396b5\" FOREIGN KEY (\"registered_by_user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"event_meetings\" ADD CONSTRAINT \"FK_88678075440871156b9c9ee1ff0\" FOREIGN KEY (\"event_id\") REFERENCES \"events\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"event_meetings\" ADD CONSTRAINT \"FK_cfa395af9b863fd78b3695f4805\" FOREIGN KEY (\"registration_a_id\") REFERENCES \"event_registrations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"event_meetings\" ADD CONSTRAINT \"FK_0d0d90eb54dc81474b143c7beec\" FOREIGN KEY (\"registration_b_id\") REFERENCES \"event_registrations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"event_schedule_changes\" ADD CONSTRAINT \"FK_de7d4d17952e3dc0c08334f5a39\" FOREIGN KEY (\"event_id\") REFERENCES \"events\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"event_schedule_changes\" DROP CONSTRAINT \"FK_de7d4d17952e3dc0c08334f5a39\"");
    await q.query("ALTER TABLE \"event_meetings\" DROP CONSTRAINT \"FK_0d0d90eb54dc81474b143c7beec\"");
    await q.query("ALTER TABLE \"event_meetings\" DROP CONSTRAINT \"FK_cfa395af9b863fd78b3695f4805\"");
    await q.query("ALTER TABLE \"event_meetings\" DROP CONSTRAINT \"FK_88678075440871156b9c9ee1ff0\"");
    await q.query("ALTER TABLE \"event_registrations\" DROP CONSTRAINT \"FK_b5e9edbf6664d43a43a12b396b5\"");
    await q.query("ALTER TABLE \"event_registrations\" DROP CONSTRAINT \"FK_ee997080e379f82e9ce636b6948\"");
    await q.query("ALTER TABLE \"event_registrations\" DROP CONSTRAINT \"FK_28b0a253c87a80a4b013c437f7d\"");
    await q.query("ALTER TABLE \"events\" DROP CONSTRAINT \"FK_65bd632d036ae1842c5ed07a630\"");
    await q.query("DROP INDEX \"public\".\"event_schedule_changes_event_idx\"");
    await q.query("DROP TABLE \"event_schedule_changes\"");
    await q.query("DROP INDEX \"public\".\"event_meetings_registration_a_idx\"");
    await q.query("DROP INDEX \"public\".\"event_meetings_registration_b_idx\"");
    await q.query("DROP INDEX \"public\".\"event_meetings_pair_key\"");
    await q.query("DROP TABLE \"event_meetings\"");
    await q.query("DROP INDEX \"public\".\"event_registrations_event_organization_key\"");
    await q.query("DROP INDEX \"public\".\"event_registrations_organization_idx\"");
    await q.query("DROP TABLE \"event_registrations\"");
    await q.query("DROP INDEX \"public\".\"events_organizer_starts_idx\"");
    await q.query("DROP INDEX \"public\".\"events_status_starts_idx\"");
    await q.query("DROP TABLE \"events\"");
  }
}
