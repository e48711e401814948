import type { MigrationInterface, QueryRunner } from 'typeorm';

// The matching read model (src/suggestions/match-profile.entity.ts) and the triggers that keep it current.
// Statement-level triggers with transition tables refresh each touched organization once per statement, so a
// bulk insert of 300,000 capabilities costs one refresh per organization, not one per row. The refresh locks
// the organization rows first, then reads in a new statement (a fresh snapshot under READ COMMITTED): two
// transactions changing the same organization's children cannot overwrite each other's profile.
export class MatchProfiles1795292800000 implements MigrationInterface {
  name = 'MatchProfiles1795292800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "organization_match_profiles" (
      "organization_id" uuid NOT NULL,
      "offered_skill_ids" uuid array NOT NULL DEFAULT '{}',
      "expert_skill_ids" uuid array NOT NULL DEFAULT '{}',
      "needed_skill_ids" uuid array NOT NULL DEFAULT '{}',
      "issue_area_ids" uuid array NOT NULL DEFAULT '{}',
      "capabilities" jsonb NOT NULL DEFAULT '[]',
      "needs" jsonb NOT NULL DEFAULT '[]',
      CONSTRAINT "PK_organization_match_profiles" PRIMARY KEY ("organization_id"),
      CONSTRAINT "FK_7fe86bdaf07e54036ceebc81bf9" FOREIGN KEY ("organization_id")
        REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await q.query('CREATE INDEX "organization_match_profiles_offered_idx" ON "organization_match_profiles" USING gin ("offered_skill_ids")');
    await q.query('CREATE INDEX "organization_match_profiles_needed_idx" ON "organization_match_profiles" USING gin ("needed_skill_ids")');
    await q.query('CREATE INDEX "organization_match_profiles_issues_idx" ON "organization_match_profiles" USING gin ("issue_area_ids")');

    // The strongest providers of a skill first (partner-candidates.ts LEVEL_RANK_SQL must match this expression).
    await q.query(`CREATE INDEX "capabilities_skill_level_idx" ON "capabilities"
      ("skill_id", (CASE "level" WHEN 'EXPERT' THEN 3 WHEN 'PROFICIENT' THEN 2 ELSE 1 END))`);
    await q.query(`CREATE FUNCTION refresh_match_profiles(org_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
    // One function per transition-table shape: PostgreSQL allows transition tables only on single-event triggers.
    await q.query(`CREATE FUNCTION match_profiles_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM refresh_match_profiles(ARRAY(SELECT DISTINCT organization_id FROM new_rows)); RETURN NULL; END $$`);
    await q.query(`CREATE FUNCTION match_profiles_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM refresh_match_profiles(ARRAY(SELECT DISTINCT organization_id FROM old_rows)); RETURN NULL; END $$`);
    await q.query(`CREATE FUNCTION match_profiles_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM refresh_match_profiles(ARRAY(SELECT organization_id FROM new_rows UNION SELECT organization_id FROM old_rows));
      RETURN NULL;
    END $$`);
    for (const table of CHILD_TABLES) {
      await q.query(`CREATE TRIGGER "${table}_match_profile_insert" AFTER INSERT ON "${table}"
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION match_profiles_after_insert()`);
      await q.query(`CREATE TRIGGER "${table}_match_profile_delete" AFTER DELETE ON "${table}"
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION match_profiles_after_delete()`);
      await q.query(`CREATE TRIGGER "${table}_match_profile_update" AFTER UPDATE ON "${table}"
        REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION match_profiles_after_update()`);
    }
    // Organizations created before this migration.
    await q.query('SELECT refresh_match_profiles(ARRAY(SELECT id FROM organizations))');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of CHILD_TABLES) {
      for (const event of ['insert', 'delete', 'update']) await q.query(`DROP TRIGGER "${table}_match_profile_${event}" ON "${table}"`);
    }
    for (const fn of ['match_profiles_after_insert()', 'match_profiles_after_delete()', 'match_profiles_after_update()', 'refresh_match_profiles(uuid[])']) {
      await q.query(`DROP FUNCTION ${fn}`);
    }
    await q.query('DROP INDEX "capabilities_skill_level_idx"');
    await q.query('DROP TABLE "organization_match_profiles"');
  }
}

const CHILD_TABLES = ['capabilities', 'needs', 'organization_issue_areas'];
