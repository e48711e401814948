import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Offers1796200000000 implements MigrationInterface {
  name = 'Offers1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"offers\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"posted_by_user_id\" uuid, \"skill_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"description\" text NOT NULL DEFAULT '', \"format\" character varying(16) NOT NULL, \"seats\" integer, \"seats_taken\" integer NOT NULL DEFAULT '0', \"remote\" boolean NOT NULL DEFAULT false, \"place_country\" character(2), \"place_region\" character varying(120), \"place_city\" character varying(120), \"place_latitude\" double precision, \"place_longitude\" double precision, \"place_precision\" character varying(16), \"place_public_latitude\" double precision, \"place_public_longitude\" double precision, \"languages\" text array NOT NULL DEFAULT '{}', \"starts_at\" TIMESTAMP WITH TIME ZONE, \"ends_at\" TIMESTAMP WITH TIME ZONE, \"request_deadline\" TIMESTAMP WITH TIME ZONE, \"audience\" character varying(16) NOT NULL, \"status\" character varying(16) NOT NULL DEFAULT 'OPEN', \"closed_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"offers_deadline_check\" CHECK (\"request_deadline\" IS NULL OR \"ends_at\" IS NULL OR \"request_deadline\" <= \"ends_at\"), CONSTRAINT \"offers_window_check\" CHECK (\"starts_at\" IS NULL OR \"ends_at\" IS NULL OR \"ends_at\" > \"starts_at\"), CONSTRAINT \"offers_seats_taken_check\" CHECK (\"seats_taken\" >= 0 AND (\"seats\" IS NULL OR \"seats_taken\" <= \"seats\")), CONSTRAINT \"offers_seats_check\" CHECK (\"seats\" IS NULL OR \"seats\" >= 1), CONSTRAINT \"PK_4c88e956195bba85977da21b8f4\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"offers_skill_id_idx\" ON \"offers\"  (\"skill_id\") ");
    await q.query("CREATE INDEX \"offers_format_idx\" ON \"offers\"  (\"format\") ");
    await q.query("CREATE INDEX \"offers_live_skill_idx\" ON \"offers\"  (\"skill_id\") WHERE \"status\" <> 'CLOSED'");
    await q.query("CREATE INDEX \"offers_created_idx\" ON \"offers\"  (\"created_at\", \"id\") ");
    await q.query("CREATE INDEX \"offers_organization_created_idx\" ON \"offers\"  (\"organization_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"offer_issue_areas\" (\"offer_id\" uuid NOT NULL, \"issue_area_id\" uuid NOT NULL, CONSTRAINT \"PK_be14a66b26463c83ccb84d820b4\" PRIMARY KEY (\"offer_id\", \"issue_area_id\"))");
    await q.query("CREATE INDEX \"offer_issue_areas_issue_area_id_idx\" ON \"offer_issue_areas\"  (\"issue_area_id\") ");
    await q.query("ALTER TABLE \"offers\" ADD CONSTRAINT \"FK_efca5c2e908392eab0c3b3c3e50\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"offers\" ADD CONSTRAINT \"FK_3381a64f340ea6c13a701b313ea\" FOREIGN KEY (\"posted_by_user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"offers\" ADD CONSTRAINT \"FK_a4d1933c6b19828197d09d4cee3\" FOREIGN KEY (\"skill_id\") REFERENCES \"skills\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"offer_issue_areas\" ADD CONSTRAINT \"FK_98af1f7db091c85c7e626b0af0b\" FOREIGN KEY (\"offer_id\") REFERENCES \"offers\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"offer_issue_areas\" ADD CONSTRAINT \"FK_39ed1e278924dbbdba8317991b9\" FOREIGN KEY (\"issue_area_id\") REFERENCES \"issue_areas\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // Indexes TypeORM cannot describe (declared with synchronize: false on the entity).
    await q.query(`CREATE INDEX "offers_search_idx" ON "offers" USING gin (to_tsvector('english', "title" || ' ' || "description"))`);
    await q.query(`CREATE INDEX "offers_place_earth_idx" ON "offers" USING gist (ll_to_earth("place_public_latitude", "place_public_longitude")) WHERE "place_public_latitude" IS NOT NULL`);
    // A place is never more precise than its organization's location: when an organization coarsens its location
    // later, its offers' places follow (same grid as privacy/location-rules.ts: cell centres, 4 decimals).
    await q.query(`CREATE FUNCTION offer_place_coarsen(value double precision, cell double precision, bound double precision)
      RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN value IS NULL OR cell IS NULL THEN NULL
          ELSE LEAST(bound, GREATEST(-bound, round((floor(value / cell) * cell + cell / 2)::numeric, 4)::double precision)) END
      $$`);
    await q.query(`CREATE FUNCTION offers_follow_organization_precision() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ranks constant text[] := ARRAY['EXACT', 'CITY', 'REGION', 'COUNTRY'];
        cell double precision := CASE NEW.location_precision WHEN 'CITY' THEN 0.1 WHEN 'REGION' THEN 1 ELSE NULL END;
      BEGIN
        UPDATE offers f SET place_precision = NEW.location_precision,
            place_public_latitude = offer_place_coarsen(f.place_latitude, cell, 90),
            place_public_longitude = offer_place_coarsen(f.place_longitude, cell, 180)
          WHERE f.organization_id = NEW.id AND f.place_precision IS NOT NULL
            AND array_position(ranks, f.place_precision::text) < array_position(ranks, NEW.location_precision::text);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER offers_follow_organization_precision AFTER UPDATE OF location_precision ON organizations
      FOR EACH ROW WHEN (OLD.location_precision IS DISTINCT FROM NEW.location_precision)
      EXECUTE FUNCTION offers_follow_organization_precision()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER "offers_follow_organization_precision" ON "organizations"');
    await q.query('DROP FUNCTION "offers_follow_organization_precision"()');
    await q.query('DROP FUNCTION "offer_place_coarsen"(double precision, double precision, double precision)');
    await q.query('DROP INDEX "offers_place_earth_idx"');
    await q.query('DROP INDEX "offers_search_idx"');
    await q.query("ALTER TABLE \"offer_issue_areas\" DROP CONSTRAINT \"FK_39ed1e278924dbbdba8317991b9\"");
    await q.query("ALTER TABLE \"offer_issue_areas\" DROP CONSTRAINT \"FK_98af1f7db091c85c7e626b0af0b\"");
    await q.query("ALTER TABLE \"offers\" DROP CONSTRAINT \"FK_a4d1933c6b19828197d09d4cee3\"");
    await q.query("ALTER TABLE \"offers\" DROP CONSTRAINT \"FK_3381a64f340ea6c13a701b313ea\"");
    await q.query("ALTER TABLE \"offers\" DROP CONSTRAINT \"FK_efca5c2e908392eab0c3b3c3e50\"");
    await q.query("DROP INDEX \"public\".\"offer_issue_areas_issue_area_id_idx\"");
    await q.query("DROP TABLE \"offer_issue_areas\"");
    await q.query("DROP INDEX \"public\".\"offers_organization_created_idx\"");
    await q.query("DROP INDEX \"public\".\"offers_created_idx\"");
    await q.query("DROP INDEX \"public\".\"offers_live_skill_idx\"");
    await q.query("DROP INDEX \"public\".\"offers_format_idx\"");
    await q.query("DROP INDEX \"public\".\"offers_skill_id_idx\"");
    await q.query("DROP TABLE \"offers\"");
  }
}
