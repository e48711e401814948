import type { MigrationInterface, QueryRunner } from 'typeorm';

// Offer requests (src/offers/offer-request.entity.ts): one row per organization asking for seats in an offer, with
// each side's rating of the exchange; at most one PENDING request per organization and offer
// (offer_requests_pending_key, answered TAKEN). organizations.contact_person: who to ask for, shown with the
// contact email under privacy/contact-rules.ts.

export class OfferRequests1796200100000 implements MigrationInterface {
  name = 'OfferRequests1796200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"offer_requests\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"offer_id\" uuid NOT NULL, \"requesting_organization_id\" uuid NOT NULL, \"requested_by_user_id\" uuid, \"need_id\" uuid, \"message\" text NOT NULL, \"seats\" integer NOT NULL DEFAULT '1', \"status\" character varying(16) NOT NULL DEFAULT 'PENDING', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"responded_at\" TIMESTAMP WITH TIME ZONE, \"completed_at\" TIMESTAMP WITH TIME ZONE, \"requester_rating\" smallint, \"requester_comment\" text, \"offerer_rating\" smallint, \"offerer_comment\" text, CONSTRAINT \"offer_requests_offerer_rating_check\" CHECK (\"offerer_rating\" BETWEEN 1 AND 5), CONSTRAINT \"offer_requests_requester_rating_check\" CHECK (\"requester_rating\" BETWEEN 1 AND 5), CONSTRAINT \"offer_requests_seats_check\" CHECK (\"seats\" >= 1), CONSTRAINT \"PK_6af2b564a95bec77152b93697b0\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"offer_requests_need_id_idx\" ON \"offer_requests\"  (\"need_id\") WHERE \"need_id\" IS NOT NULL");
    await q.query("CREATE INDEX \"offer_requests_requester_created_idx\" ON \"offer_requests\"  (\"requesting_organization_id\", \"created_at\") ");
    await q.query("CREATE INDEX \"offer_requests_offer_created_idx\" ON \"offer_requests\"  (\"offer_id\", \"created_at\") ");
    await q.query("CREATE UNIQUE INDEX \"offer_requests_pending_key\" ON \"offer_requests\"  (\"offer_id\", \"requesting_organization_id\") WHERE \"status\" = 'PENDING'");
    await q.query("ALTER TABLE \"organizations\" ADD \"contact_person\" character varying(200)");
    await q.query("ALTER TABLE \"offer_requests\" ADD CONSTRAINT \"FK_61bb89d75adbe4f5269ba4ee2f2\" FOREIGN KEY (\"offer_id\") REFERENCES \"offers\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"offer_requests\" ADD CONSTRAINT \"FK_634bd0aceaf41289dd0237afcda\" FOREIGN KEY (\"requesting_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"offer_requests\" ADD CONSTRAINT \"FK_2f664e613660ce573a2de5576c3\" FOREIGN KEY (\"requested_by_user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"offer_requests\" ADD CONSTRAINT \"FK_fd71e0d21e80d1a5e5e1ed6feff\" FOREIGN KEY (\"need_id\") REFERENCES \"needs\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"offer_requests\" DROP CONSTRAINT \"FK_fd71e0d21e80d1a5e5e1ed6feff\"");
    await q.query("ALTER TABLE \"offer_requests\" DROP CONSTRAINT \"FK_2f664e613660ce573a2de5576c3\"");
    await q.query("ALTER TABLE \"offer_requests\" DROP CONSTRAINT \"FK_634bd0aceaf41289dd0237afcda\"");
    await q.query("ALTER TABLE \"offer_requests\" DROP CONSTRAINT \"FK_61bb89d75adbe4f5269ba4ee2f2\"");
    await q.query("ALTER TABLE \"organizations\" DROP COLUMN \"contact_person\"");
    await q.query("DROP INDEX \"public\".\"offer_requests_pending_key\"");
    await q.query("DROP INDEX \"public\".\"offer_requests_offer_created_idx\"");
    await q.query("DROP INDEX \"public\".\"offer_requests_requester_created_idx\"");
    await q.query("DROP INDEX \"public\".\"offer_requests_need_id_idx\"");
    await q.query("DROP TABLE \"offer_requests\"");
  }
}
