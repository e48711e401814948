import type { MigrationInterface, QueryRunner } from 'typeorm';

// organization_counts (src/profiles/organization-count.entity.ts): organizations per visibility, followed by
// statement triggers on organizations so that it changes in the same transaction as the rows it counts. Rows are
// locked in visibility order, so two statements that change several visibilities cannot deadlock on them.

export class OrganizationCounts1796500130000 implements MigrationInterface {
  name = 'OrganizationCounts1796500130000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE "organization_counts" ("visibility" character varying(16) NOT NULL, "organizations" integer NOT NULL, CONSTRAINT "organization_counts_pkey" PRIMARY KEY ("visibility"))');
    // Each adds what one statement changed, per visibility; a visibility not counted yet gets its row.
    const add = (deltas: string) => `INSERT INTO organization_counts AS c (visibility, organizations) ${deltas}
      ON CONFLICT (visibility) DO UPDATE SET organizations = c.organizations + excluded.organizations`;
    await q.query(`CREATE FUNCTION organization_counts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      ${add('SELECT visibility, count(*) FROM new_rows GROUP BY visibility ORDER BY visibility')};
      RETURN NULL; END $$`);
    await q.query(`CREATE FUNCTION organization_counts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      ${add('SELECT visibility, -count(*) FROM old_rows GROUP BY visibility ORDER BY visibility')};
      RETURN NULL; END $$`);
    // Most updates change no visibility: then nothing is written and no count row is locked.
    await q.query(`CREATE FUNCTION organization_counts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      ${add(`SELECT visibility, sum(n) FROM (SELECT visibility, 1 AS n FROM new_rows UNION ALL SELECT visibility, -1 FROM old_rows) x
        GROUP BY visibility HAVING sum(n) <> 0 ORDER BY visibility`)};
      RETURN NULL; END $$`);
    await q.query(`CREATE FUNCTION organization_counts_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      UPDATE organization_counts SET organizations = 0; RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER "organizations_count_insert" AFTER INSERT ON "organizations"
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organization_counts_after_insert()`);
    await q.query(`CREATE TRIGGER "organizations_count_delete" AFTER DELETE ON "organizations"
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION organization_counts_after_delete()`);
    await q.query(`CREATE TRIGGER "organizations_count_update" AFTER UPDATE ON "organizations"
      REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION organization_counts_after_update()`);
    await q.query(`CREATE TRIGGER "organizations_count_truncate" AFTER TRUNCATE ON "organizations"
      FOR EACH STATEMENT EXECUTE FUNCTION organization_counts_after_truncate()`);
    // Existing rows. CREATE TRIGGER holds a lock that keeps writers out of organizations until the migration
    // commits, so this count and the triggers follow the same rows.
    await q.query(`INSERT INTO organization_counts (visibility, organizations)
      SELECT visibility, count(*) FROM organizations GROUP BY visibility`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'delete', 'update', 'truncate']) await q.query(`DROP TRIGGER "organizations_count_${event}" ON "organizations"`);
    for (const fn of ['after_insert', 'after_delete', 'after_update', 'after_truncate']) await q.query(`DROP FUNCTION organization_counts_${fn}()`);
    await q.query('DROP TABLE "organization_counts"');
  }
}
