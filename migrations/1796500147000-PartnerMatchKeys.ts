import type { MigrationInterface, QueryRunner } from 'typeorm';

// The partner pre-score's narrow read model (src/suggestions/match-keys.entity.ts): skills get a small ordinal,
// and each organization a row of skill-indexed arrays plus (offered, needed) pair keys under a GIN index. It is
// kept by refresh_match_keys(), which refresh_match_profiles() now calls, so the same statement-level triggers
// on capabilities, needs and issue areas keep both read models current.
const PROFILE_FUNCTION_BODY = `
      PERFORM 1 FROM organizations WHERE id = ANY(org_ids) ORDER BY id FOR NO KEY UPDATE;
      INSERT INTO organization_match_profiles AS p
        (organization_id, offered_skill_ids, expert_skill_ids, needed_skill_ids, issue_area_ids, capabilities, needs, anonymous_card)
      SELECT o.id,
        COALESCE((SELECT array_agg(c.skill_id ORDER BY c.skill_id) FROM capabilities c WHERE c.organization_id = o.id), '{}'),
        COALESCE((SELECT array_agg(c.skill_id ORDER BY c.skill_id) FROM capabilities c WHERE c.organization_id = o.id AND c.level = 'EXPERT'), '{}'),
        COALESCE((SELECT array_agg(DISTINCT n.skill_id) FROM needs n WHERE n.organization_id = o.id AND n.status = 'OPEN'), '{}'),
        COALESCE((SELECT array_agg(i.issue_area_id ORDER BY i.issue_area_id) FROM organization_issue_areas i WHERE i.organization_id = o.id), '{}'),
        COALESCE((SELECT jsonb_agg(jsonb_build_array(c.skill_id, c.level, c.remote, c.capacity) ORDER BY c.skill_id)
          FROM capabilities c WHERE c.organization_id = o.id), '[]'),
        COALESCE((SELECT jsonb_agg(jsonb_build_array(n.id, n.skill_id, n.priority, n.remote_ok, n.issue_area_id) ORDER BY n.id)
          FROM needs n WHERE n.organization_id = o.id AND n.status = 'OPEN'), '[]'),
        o.visibility = 'PRIVATE' AND o.anonymous_suggestions
      FROM organizations o WHERE o.id = ANY(org_ids)
      ON CONFLICT (organization_id) DO UPDATE SET
        offered_skill_ids = EXCLUDED.offered_skill_ids, expert_skill_ids = EXCLUDED.expert_skill_ids, needed_skill_ids = EXCLUDED.needed_skill_ids,
        issue_area_ids = EXCLUDED.issue_area_ids, capabilities = EXCLUDED.capabilities, needs = EXCLUDED.needs,
        anonymous_card = EXCLUDED.anonymous_card;`;

export class PartnerMatchKeys1796500147000 implements MigrationInterface {
  name = 'PartnerMatchKeys1796500147000';

  async up(q: QueryRunner): Promise<void> {
    // Existing skills are numbered in the order the table holds them; new ones take the next number.
    await q.query('ALTER TABLE "skills" ADD "ordinal" SERIAL NOT NULL');
    await q.query('CREATE UNIQUE INDEX "skills_ordinal_key" ON "skills" ("ordinal")');
    await q.query(`CREATE TABLE "organization_match_keys" ("organization_id" uuid NOT NULL, "pair_keys" integer array NOT NULL DEFAULT '{}',
      "offer_levels" smallint array NOT NULL DEFAULT '{}', "need_weights" smallint array NOT NULL DEFAULT '{}',
      "need_total" smallint NOT NULL DEFAULT '0', "issue_area_ids" uuid array NOT NULL DEFAULT '{}',
      CONSTRAINT "PK_5440cf0ff6c22c6bcf9d8086a71" PRIMARY KEY ("organization_id"))`);
    await q.query(`ALTER TABLE "organization_match_keys" ADD CONSTRAINT "FK_5440cf0ff6c22c6bcf9d8086a71" FOREIGN KEY ("organization_id")
      REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // An array that holds only the ordinals present, from the lowest to the highest (its lower bound is the
    // lowest ordinal, so a row stays small); reading outside it gives NULL, which the pre-score takes as 0.
    await q.query(`CREATE FUNCTION match_key_vector(ordinals int[], vals int[]) RETURNS smallint[] LANGUAGE plpgsql IMMUTABLE AS $$
    DECLARE lo int; hi int; v smallint[];
    BEGIN
      IF ordinals IS NULL OR cardinality(ordinals) = 0 THEN RETURN '{}'; END IF;
      SELECT min(x), max(x) INTO lo, hi FROM unnest(ordinals) x;
      v := array_fill(0::smallint, ARRAY[hi - lo + 1], ARRAY[lo]);
      FOR i IN 1 .. cardinality(ordinals) LOOP v[ordinals[i]] := vals[i]; END LOOP;
      RETURN v;
    END $$`);
    await q.query(`CREATE FUNCTION refresh_match_keys(org_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO organization_match_keys AS k (organization_id, pair_keys, offer_levels, need_weights, need_total, issue_area_ids)
      SELECT o.id,
        COALESCE((SELECT array_agg(DISTINCT so.ordinal * 65536 + sn.ordinal)
          FROM capabilities c JOIN skills so ON so.id = c.skill_id
          JOIN needs n ON n.organization_id = c.organization_id AND n.status = 'OPEN' JOIN skills sn ON sn.id = n.skill_id
          WHERE c.organization_id = o.id), '{}'),
        (SELECT match_key_vector(array_agg(l.ordinal), array_agg(l.weight)) FROM (
          SELECT s.ordinal, max(CASE c.level WHEN 'EXPERT' THEN 4 WHEN 'PROFICIENT' THEN 3 ELSE 2 END) AS weight
          FROM capabilities c JOIN skills s ON s.id = c.skill_id WHERE c.organization_id = o.id GROUP BY s.ordinal) l),
        (SELECT match_key_vector(array_agg(w.ordinal), array_agg(w.weight)) FROM (
          SELECT s.ordinal, sum(CASE n.priority WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END)::int AS weight
          FROM needs n JOIN skills s ON s.id = n.skill_id WHERE n.organization_id = o.id AND n.status = 'OPEN' GROUP BY s.ordinal) w),
        COALESCE((SELECT sum(CASE n.priority WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END)
          FROM needs n WHERE n.organization_id = o.id AND n.status = 'OPEN'), 0),
        COALESCE((SELECT array_agg(i.issue_area_id ORDER BY i.issue_area_id) FROM organization_issue_areas i WHERE i.organization_id = o.id), '{}')
      FROM organizations o WHERE o.id = ANY(org_ids)
      ON CONFLICT (organization_id) DO UPDATE SET
        pair_keys = EXCLUDED.pair_keys, offer_levels = EXCLUDED.offer_levels, need_weights = EXCLUDED.need_weights,
        need_total = EXCLUDED.need_total, issue_area_ids = EXCLUDED.issue_area_ids;
    END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION refresh_match_profiles(org_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN${PROFILE_FUNCTION_BODY}
      PERFORM refresh_match_keys(org_ids);
    END $$`);
    await q.query('SELECT refresh_match_keys(ARRAY(SELECT id FROM organizations))');
    // Built after the fill (one bulk build), and without the pending list: with fastupdate a GIN index queues
    // new entries in a list that every search reads in full until a vacuum merges them, which after a bulk
    // load made this probe 30 times slower (and the planner, which counts those pages, chose a sequential scan).
    // Profiles change a few rows at a time, so writing the index directly costs little.
    await q.query('CREATE INDEX "organization_match_keys_pairs_idx" ON "organization_match_keys" USING gin ("pair_keys") WITH (fastupdate = off)');
    await q.query('ANALYZE "organization_match_keys"');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION refresh_match_profiles(org_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN${PROFILE_FUNCTION_BODY}
    END $$`);
    await q.query('DROP FUNCTION refresh_match_keys(uuid[])');
    await q.query('DROP FUNCTION match_key_vector(int[], int[])');
    await q.query('DROP TABLE "organization_match_keys"');
    await q.query('DROP INDEX "public"."skills_ordinal_key"');
    await q.query('ALTER TABLE "skills" DROP COLUMN "ordinal"');
  }
}
