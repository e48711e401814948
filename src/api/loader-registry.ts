import type { DataSource } from 'typeorm';
import { createOrganizationLoaders } from '../profiles/organization.loaders.js';
import { createTaxonomyLoaders } from '../taxonomy/taxonomy.loaders.js';

export function createLoaders(db: DataSource) {
  return { ...createOrganizationLoaders(db), ...createTaxonomyLoaders(db) };
}

export type Loaders = ReturnType<typeof createLoaders>;
