import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CATEGORY_SEEDS, ISSUE_AREA_SEEDS } from '../src/taxonomy/taxonomy.data.js';

// Reference data every environment needs (tests included), so it is a migration rather than demo seed data.
export class SeedTaxonomy1795291060725 implements MigrationInterface {
  name = 'SeedTaxonomy1795291060725';

  async up(q: QueryRunner): Promise<void> {
    for (const [position, category] of CATEGORY_SEEDS.entries()) {
      await q.query(
        `INSERT INTO capability_categories (id, name, description, position) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO NOTHING`,
        [category.id, category.name, category.description, position],
      );
      for (const [slug, name] of category.skills) {
        await q.query(
          `INSERT INTO skills (slug, category_id, name) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING`,
          [slug, category.id, name],
        );
      }
    }
    for (const [slug, name] of ISSUE_AREA_SEEDS) {
      await q.query(`INSERT INTO issue_areas (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING`, [slug, name]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM skills WHERE slug = ANY($1)`, [CATEGORY_SEEDS.flatMap((c) => c.skills.map(([s]) => s))]);
    await q.query(`DELETE FROM capability_categories WHERE id = ANY($1)`, [CATEGORY_SEEDS.map((c) => c.id)]);
    await q.query(`DELETE FROM issue_areas WHERE slug = ANY($1)`, [ISSUE_AREA_SEEDS.map(([s]) => s)]);
  }
}
