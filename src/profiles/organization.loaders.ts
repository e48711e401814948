import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { IssueArea } from '../taxonomy/taxonomy.types.js';
import { CHILD_JSON, type ChildList } from './organization-children.sql.js';

/** One organization's child list (as JSON built in SQL), batched for the request: the list query primes it. */
export function childListLoader<T>(db: DataSource, list: ChildList): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows: { id: string; items: T[] }[] = await db.query(
      `SELECT u.id, ${CHILD_JSON[list]('u.id')} AS items FROM unnest($1::uuid[]) AS u(id)`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row.items]));
    return ids.map((id) => byId.get(id) ?? []);
  });
}

export function createOrganizationLoaders(db: DataSource) {
  return {
    issueAreasByOrganization: childListLoader<IssueArea>(db, 'issueAreas'),
  };
}

export type OrganizationLoaders = ReturnType<typeof createOrganizationLoaders>;

// Added to the request's loaders (core/request-context.ts); api/loader-registry.ts creates them.
declare module '../core/request-context.js' {
  interface Loaders extends OrganizationLoaders {}
}
