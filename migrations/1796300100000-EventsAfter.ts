import type { MigrationInterface, QueryRunner } from 'typeorm';

// After the schedule (issue 13): check-in codes, arrivals and no-shows on registrations; each side's "held" mark and
// rating on meetings; volunteers at the door; introductions asked from meetings; the funnel's released figures.
// Registrations that exist already get their check-in codes here (unique per event, drawn until none collide).

export class EventsAfter1796300100000 implements MigrationInterface {
  name = 'EventsAfter1796300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"event_volunteers\" (\"event_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_c25a66b656c0df4f0cec6b3da8d\" PRIMARY KEY (\"event_id\", \"user_id\"))");
    await q.query("CREATE INDEX \"event_volunteers_user_idx\" ON \"event_volunteers\"  (\"user_id\") ");
    await q.query("CREATE TABLE \"event_meeting_introductions\" (\"introduction_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"from_organization_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_dd4431c1563484d3e15d0711402\" PRIMARY KEY (\"introduction_id\"))");
    await q.query("CREATE UNIQUE INDEX \"event_meeting_introductions_side_key\" ON \"event_meeting_introductions\"  (\"meeting_id\", \"from_organization_id\") ");
    await q.query("CREATE INDEX \"event_meeting_introductions_event_idx\" ON \"event_meeting_introductions\"  (\"event_id\") ");
    await q.query("CREATE TABLE \"event_funnel_releases\" (\"event_id\" uuid NOT NULL, \"meetings_held\" integer NOT NULL, \"introductions_asked\" integer NOT NULL, \"introductions_accepted\" integer NOT NULL, \"collaborations\" integer NOT NULL, \"released_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_d4ca93c5a3a16866ace82fc41df\" PRIMARY KEY (\"event_id\"))");
    await q.query("ALTER TABLE \"events\" ADD \"no_show_grace_minutes\" smallint");
    await q.query("ALTER TABLE \"event_registrations\" ADD \"checkin_code\" character varying(8)");
    await q.query("ALTER TABLE \"event_registrations\" ADD \"checked_in_at\" TIMESTAMP WITH TIME ZONE");
    await q.query("ALTER TABLE \"event_registrations\" ADD \"no_show_at\" TIMESTAMP WITH TIME ZONE");
    await q.query("ALTER TABLE \"event_meetings\" ADD \"held_a\" boolean");
    await q.query("ALTER TABLE \"event_meetings\" ADD \"held_b\" boolean");
    await q.query("ALTER TABLE \"event_meetings\" ADD \"rating_a\" smallint");
    await q.query("ALTER TABLE \"event_meetings\" ADD \"rating_b\" smallint");
    await q.query("ALTER TABLE \"event_meetings\" ADD \"marked_a_at\" TIMESTAMP WITH TIME ZONE");
    await q.query("ALTER TABLE \"event_meetings\" ADD \"marked_b_at\" TIMESTAMP WITH TIME ZONE");
    await q.query(`DO $$
      BEGIN
        LOOP
          UPDATE event_registrations r SET checkin_code = (
            SELECT string_agg(substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 1 + floor(random() * 32)::int, 1), '')
            FROM generate_series(1, 6 + 0 * length(r.id::text)))
          WHERE r.checkin_code IS NULL OR r.id IN (
            SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY event_id, checkin_code ORDER BY id) AS n FROM event_registrations) d
            WHERE d.n > 1);
          EXIT WHEN NOT EXISTS (SELECT 1 FROM event_registrations GROUP BY event_id, checkin_code HAVING count(*) > 1);
        END LOOP;
      END $$`);
    await q.query("CREATE UNIQUE INDEX \"event_registrations_checkin_code_key\" ON \"event_registrations\"  (\"event_id\", \"checkin_code\") WHERE \"checkin_code\" IS NOT NULL");
    await q.query("ALTER TABLE \"event_meetings\" ADD CONSTRAINT \"event_meetings_rating_b_check\" CHECK (\"rating_b\" BETWEEN 1 AND 5)");
    await q.query("ALTER TABLE \"event_meetings\" ADD CONSTRAINT \"event_meetings_rating_a_check\" CHECK (\"rating_a\" BETWEEN 1 AND 5)");
    await q.query("ALTER TABLE \"event_volunteers\" ADD CONSTRAINT \"FK_5b1c714378c002f25f3c813f2d9\" FOREIGN KEY (\"event_id\") REFERENCES \"events\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"event_volunteers\" ADD CONSTRAINT \"FK_1e3561228d3a8a4908e03c814d4\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"event_meeting_introductions\" ADD CONSTRAINT \"FK_dd4431c1563484d3e15d0711402\" FOREIGN KEY (\"introduction_id\") REFERENCES \"introductions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"event_meeting_introductions\" ADD CONSTRAINT \"FK_1826d76fbbe9de49aca60984d40\" FOREIGN KEY (\"event_id\") REFERENCES \"events\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"event_meeting_introductions\" ADD CONSTRAINT \"FK_5558b16e6cfd1c7146409a7e0ea\" FOREIGN KEY (\"meeting_id\") REFERENCES \"event_meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"event_meeting_introductions\" ADD CONSTRAINT \"FK_b27ca905916b20d17d12ab2ec73\" FOREIGN KEY (\"from_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"event_funnel_releases\" ADD CONSTRAINT \"FK_d4ca93c5a3a16866ace82fc41df\" FOREIGN KEY (\"event_id\") REFERENCES \"events\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"event_funnel_releases\" DROP CONSTRAINT \"FK_d4ca93c5a3a16866ace82fc41df\"");
    await q.query("ALTER TABLE \"event_meeting_introductions\" DROP CONSTRAINT \"FK_b27ca905916b20d17d12ab2ec73\"");
    await q.query("ALTER TABLE \"event_meeting_introductions\" DROP CONSTRAINT \"FK_5558b16e6cfd1c7146409a7e0ea\"");
    await q.query("ALTER TABLE \"event_meeting_introductions\" DROP CONSTRAINT \"FK_1826d76fbbe9de49aca60984d40\"");
    await q.query("ALTER TABLE \"event_meeting_introductions\" DROP CONSTRAINT \"FK_dd4431c1563484d3e15d0711402\"");
    await q.query("ALTER TABLE \"event_volunteers\" DROP CONSTRAINT \"FK_1e3561228d3a8a4908e03c814d4\"");
    await q.query("ALTER TABLE \"event_volunteers\" DROP CONSTRAINT \"FK_5b1c714378c002f25f3c813f2d9\"");
    await q.query("ALTER TABLE \"event_meetings\" DROP CONSTRAINT \"event_meetings_rating_a_check\"");
    await q.query("ALTER TABLE \"event_meetings\" DROP CONSTRAINT \"event_meetings_rating_b_check\"");
    await q.query("DROP INDEX \"public\".\"event_registrations_checkin_code_key\"");
    await q.query("ALTER TABLE \"event_meetings\" DROP COLUMN \"marked_b_at\"");
    await q.query("ALTER TABLE \"event_meetings\" DROP COLUMN \"marked_a_at\"");
    await q.query("ALTER TABLE \"event_meetings\" DROP COLUMN \"rating_b\"");
    await q.query("ALTER TABLE \"event_meetings\" DROP COLUMN \"rating_a\"");
    await q.query("ALTER TABLE \"event_meetings\" DROP COLUMN \"held_b\"");
    await q.query("ALTER TABLE \"event_meetings\" DROP COLUMN \"held_a\"");
    await q.query("ALTER TABLE \"event_registrations\" DROP COLUMN \"no_show_at\"");
    await q.query("ALTER TABLE \"event_registrations\" DROP COLUMN \"checked_in_at\"");
    await q.query("ALTER TABLE \"event_registrations\" DROP COLUMN \"checkin_code\"");
    await q.query("ALTER TABLE \"events\" DROP COLUMN \"no_show_grace_minutes\"");
    await q.query("DROP TABLE \"event_funnel_releases\"");
    await q.query("DROP INDEX \"public\".\"event_meeting_introductions_event_idx\"");
    await q.query("DROP INDEX \"public\".\"event_meeting_introductions_side_key\"");
    await q.query("DROP TABLE \"event_meeting_introductions\"");
    await q.query("DROP INDEX \"public\".\"event_volunteers_user_idx\"");
    await q.query("DROP TABLE \"event_volunteers\"");
  }
}
