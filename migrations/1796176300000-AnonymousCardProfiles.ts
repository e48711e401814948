import type { MigrationInterface, QueryRunner } from 'typeorm';

// Anonymous cards (PRIVATE organizations that opted in to anonymous suggestions) are found through their own
// small indexes (one over their REGION-cell positions, below): the match profile carries an `anonymous_card` flag and a partial GIN index over the skills those
// few offer, so the candidate tier that picks cards by their capabilities probes a few thousand rows at
// 100,000 organizations instead of joining every PRIVATE organization to its profile.
// The flag follows the organization: refresh_match_profiles() sets it whenever the children change, and a
// statement-level trigger on organizations sets it when visibility or the opt-in changes.
export class AnonymousCardProfiles1796176300000 implements MigrationInterface {
  name = 'AnonymousCardProfiles1796176300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "organization_match_profiles" ADD "anonymous_card" boolean NOT NULL DEFAULT false');
    await q.query(`CREATE INDEX "organization_match_profiles_anonymous_offered_idx" ON "organization_match_profiles"
      USING gin ("offered_skill_ids") WHERE "anonymous_card"`);
    // Distance filters on a card use the centre of its REGION cell (src/privacy/location-sql.ts, the same
    // expression to the letter, so the planner can match it): a partial GiST index over the few cards.
    await q.query(`CREATE INDEX "organizations_anonymous_earth_idx" ON "organizations" USING gist
      (ll_to_earth(LEAST(90, GREATEST(-90, floor("public_latitude") + 0.5)), LEAST(180, GREATEST(-180, floor("public_longitude") + 0.5))))
      WHERE "visibility" = 'PRIVATE' AND "anonymous_suggestions" AND "public_latitude" IS NOT NULL`);
    await q.query(`CREATE OR REPLACE FUNCTION refresh_match_profiles(org_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
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
        anonymous_card = EXCLUDED.anonymous_card;
    END $$`);
    await q.query(`CREATE FUNCTION match_profiles_after_organization_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE organization_match_profiles p SET anonymous_card = (n.visibility = 'PRIVATE' AND n.anonymous_suggestions)
      FROM new_rows n WHERE p.organization_id = n.id AND p.anonymous_card <> (n.visibility = 'PRIVATE' AND n.anonymous_suggestions);
      RETURN NULL;
    END $$`);
    await q.query(`CREATE TRIGGER "organizations_match_profile_update" AFTER UPDATE ON "organizations"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_profiles_after_organization_update()`);
    await q.query(`UPDATE organization_match_profiles p SET anonymous_card = true FROM organizations o
      WHERE p.organization_id = o.id AND o.visibility = 'PRIVATE' AND o.anonymous_suggestions`);
    // Fresh statistics for the new column: without them the planner takes a few percent of cards for half the
    // table and scans it sequentially instead of reading the partial index.
    await q.query('ANALYZE "organization_match_profiles"');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER "organizations_match_profile_update" ON "organizations"');
    await q.query('DROP FUNCTION match_profiles_after_organization_update()');
    await q.query(`CREATE OR REPLACE FUNCTION refresh_match_profiles(org_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM 1 FROM organizations WHERE id = ANY(org_ids) ORDER BY id FOR NO KEY UPDATE;
      INSERT INTO organization_match_profiles AS p
        (organization_id, offered_skill_ids, expert_skill_ids, needed_skill_ids, issue_area_ids, capabilities, needs)
      SELECT o.id,
        COALESCE((SELECT array_agg(c.skill_id ORDER BY c.skill_id) FROM capabilities c WHERE c.organization_id = o.id), '{}'),
        COALESCE((SELECT array_agg(c.skill_id ORDER BY c.skill_id) FROM capabilities c WHERE c.organization_id = o.id AND c.level = 'EXPERT'), '{}'),
        COALESCE((SELECT array_agg(DISTINCT n.skill_id) FROM needs n WHERE n.organization_id = o.id AND n.status = 'OPEN'), '{}'),
        COALESCE((SELECT array_agg(i.issue_area_id ORDER BY i.issue_area_id) FROM organization_issue_areas i WHERE i.organization_id = o.id), '{}'),
        COALESCE((SELECT jsonb_agg(jsonb_build_array(c.skill_id, c.level, c.remote, c.capacity) ORDER BY c.skill_id)
          FROM capabilities c WHERE c.organization_id = o.id), '[]'),
        COALESCE((SELECT jsonb_agg(jsonb_build_array(n.id, n.skill_id, n.priority, n.remote_ok, n.issue_area_id) ORDER BY n.id)
          FROM needs n WHERE n.organization_id = o.id AND n.status = 'OPEN'), '[]')
      FROM organizations o WHERE o.id = ANY(org_ids)
      ON CONFLICT (organization_id) DO UPDATE SET
        offered_skill_ids = EXCLUDED.offered_skill_ids, expert_skill_ids = EXCLUDED.expert_skill_ids, needed_skill_ids = EXCLUDED.needed_skill_ids,
        issue_area_ids = EXCLUDED.issue_area_ids, capabilities = EXCLUDED.capabilities, needs = EXCLUDED.needs;
    END $$`);
    await q.query('DROP INDEX "organization_match_profiles_anonymous_offered_idx"');
    await q.query('DROP INDEX "organizations_anonymous_earth_idx"');
    await q.query('ALTER TABLE "organization_match_profiles" DROP COLUMN "anonymous_card"');
  }
}
