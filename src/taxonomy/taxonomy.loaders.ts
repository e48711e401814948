import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { SKILL_JSON } from './taxonomy.sql.js';
import type { Skill } from './taxonomy.types.js';

export function createTaxonomyLoaders(db: DataSource) {
  return {
    skillsByCategory: new DataLoader<string, Skill[]>(async (categoryIds) => {
      const rows: { categoryId: string; skill: Skill }[] = await db.query(
        `SELECT s.category_id AS "categoryId", ${SKILL_JSON} AS skill FROM skills s
         JOIN capability_categories cc ON cc.id = s.category_id WHERE s.category_id = ANY($1::varchar[]) ORDER BY s.name`,
        [categoryIds],
      );
      return categoryIds.map((id) => rows.filter((row) => row.categoryId === id).map((row) => row.skill));
    }),
  };
}

export type TaxonomyLoaders = ReturnType<typeof createTaxonomyLoaders>;

// Added to the request's loaders (core/request-context.ts); api/loader-registry.ts creates them.
declare module '../core/request-context.js' {
  interface Loaders extends TaxonomyLoaders {}
}
