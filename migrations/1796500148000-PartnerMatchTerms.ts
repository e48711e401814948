import type { MigrationInterface, QueryRunner } from 'typeorm';

// Search terms for the partner candidates of a requester that only needs or only offers (no pair key can
// match them): organization_match_keys.match_terms, under a GIN index, so the one-way tier can ask for the
// strong part of a posting list of thousands (providers at PROFICIENT or EXPERT, needs that are at least half of
// what an organization asks for, a shared issue area, two of my needs covered) and pre-score only that.
// The terms are computed from the row itself by a row trigger, so whatever writes the keys (refresh_match_keys,
// called by the match profile's statement triggers) keeps them current. The encoding is mirrored in
// src/suggestions/match-terms.ts:
//   offers skill s at any level: s * 8; at level rank r (BASIC 1, PROFICIENT 2, EXPERT 3): s * 8 + r
//   needs skill s: 2^20 + s * 8; and + 1 when its open needs of s weigh at least half of all its open needs
//   works on issue area a: 2^21 + the first 20 bits of a's uuid (a shared value only brings an extra
//   candidate, which the pre-score then ranks on the exact issue ids)
export class PartnerMatchTerms1796500148000 implements MigrationInterface {
  name = 'PartnerMatchTerms1796500148000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "organization_match_keys" ADD "match_terms" integer array NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE FUNCTION match_terms_of(offer_levels smallint[], need_weights smallint[], need_total int, issue_area_ids uuid[])
      RETURNS int[] LANGUAGE sql IMMUTABLE AS $$
      SELECT COALESCE(array_agg(t ORDER BY t), '{}') FROM (
        SELECT s * 8 AS t FROM generate_subscripts(offer_levels, 1) s WHERE offer_levels[s] > 0
        UNION ALL SELECT s * 8 + offer_levels[s] - 1 FROM generate_subscripts(offer_levels, 1) s WHERE offer_levels[s] > 0
        UNION ALL SELECT 1048576 + s * 8 FROM generate_subscripts(need_weights, 1) s WHERE need_weights[s] > 0
        UNION ALL SELECT 1048576 + s * 8 + 1 FROM generate_subscripts(need_weights, 1) s WHERE need_weights[s] > 0 AND 2 * need_weights[s] >= need_total
        UNION ALL SELECT DISTINCT 2097152 + ('x' || substr(a::text, 1, 5))::bit(20)::int FROM unnest(issue_area_ids) a
      ) terms $$`);
    await q.query(`CREATE FUNCTION match_keys_fill_terms() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.match_terms := match_terms_of(NEW.offer_levels, NEW.need_weights, NEW.need_total, NEW.issue_area_ids);
      RETURN NEW;
    END $$`);
    await q.query(`CREATE TRIGGER "organization_match_keys_terms" BEFORE INSERT OR UPDATE ON "organization_match_keys"
      FOR EACH ROW EXECUTE FUNCTION match_keys_fill_terms()`);
    await q.query('UPDATE "organization_match_keys" SET "match_terms" = match_terms_of("offer_levels", "need_weights", "need_total", "issue_area_ids")');
    // Without the pending list, as for the pair keys (see the PartnerMatchKeys migration): a bulk load would
    // otherwise leave a list that every search reads in full until a vacuum.
    await q.query('CREATE INDEX "organization_match_keys_terms_idx" ON "organization_match_keys" USING gin ("match_terms") WITH (fastupdate = off)');
    await q.query('ANALYZE "organization_match_keys"');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER "organization_match_keys_terms" ON "organization_match_keys"');
    await q.query('DROP FUNCTION match_keys_fill_terms()');
    await q.query('DROP FUNCTION match_terms_of(smallint[], smallint[], int, uuid[])');
    await q.query('ALTER TABLE "organization_match_keys" DROP COLUMN "match_terms"');
  }
}
