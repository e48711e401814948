import type { RequestContext } from '../core/request-context.js';
import type { Viewer } from '../core/viewer.js';
import type { ConnectionShape, Page } from '../core/connection.js';
import { queryPage } from '../core/page-query.js';
import { isUuid } from '../core/ids.js';
import { SqlParams } from '../core/sql-params.js';
import { positionWithinSql } from '../privacy/location.sql.js';
import { visibleOrganizationCountSql, visibleOrganizationsSql } from '../privacy/visibility.js';
import { CHILD_JSON, type ChildList } from './organization-children.sql.js';
import { needsSkillsSql, offersCategoriesSql, offersSkillsSql, worksOnIssueAreasSql } from './organization-filter.sql.js';
import type { OrganizationFilter } from './organization-filter.types.js';
import { ORGANIZATION_COLUMNS, type OrganizationRecord } from './organization.record.js';

/** Fetches one organization the viewer may see; null answers alike for missing and hidden. */
export async function findVisibleOrganization(
  ctx: RequestContext,
  by: { id?: string | null; slug?: string | null },
): Promise<OrganizationRecord | null> {
  const params = new SqlParams();
  let where: string;
  if (by.id !== undefined && by.id !== null) {
    if (!isUuid(by.id)) return null;
    where = `o.id = ${params.add(by.id)}`;
  } else if (by.slug) {
    where = `o.slug = ${params.add(by.slug.toLowerCase())}`;
  } else {
    return null;
  }
  const rows: OrganizationRecord[] = await ctx.db.query(
    `SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE ${where} AND ${visibleOrganizationsSql(ctx.viewer, params)}`,
    params.values,
  );
  return rows[0] ?? null;
}

export interface BuiltFilter {
  where: string[];
  rank: string | null;
  distance: string | null;
}

// City and region filters match only organizations that reveal that much: otherwise a filter would answer
// "is this REGION-precision organization in city X?" and leak what the profile hides. Exported for saved searches,
// which match one new organization against a stored filter with exactly the list's rules.
export function buildFilter(viewer: Viewer, filter: OrganizationFilter, params: SqlParams): BuiltFilter {
  // The visibility condition comes first, and alone when nothing is filtered (listOrganizations relies on it).
  const where = [visibleOrganizationsSql(viewer, params)];
  let rank: string | null = null;
  let distance: string | null = null;
  if (filter.issueAreaIds) where.push(worksOnIssueAreasSql(params, filter.issueAreaIds));
  if (filter.skillIdsOffered) where.push(offersSkillsSql(params, filter.skillIdsOffered));
  if (filter.categoryIdsOffered) where.push(offersCategoriesSql(params, filter.categoryIdsOffered));
  if (filter.skillIdsNeeded) where.push(needsSkillsSql(params, filter.skillIdsNeeded));
  if (filter.country) where.push(`o.country = ${params.add(filter.country.toUpperCase())}`);
  if (filter.region) {
    where.push(`lower(o.region) = lower(${params.add(filter.region)}) AND o.location_precision <> 'COUNTRY'`);
  }
  if (filter.city) {
    where.push(`lower(o.city) = lower(${params.add(filter.city)}) AND o.location_precision IN ('EXACT', 'CITY')`);
  }
  if (filter.kinds) where.push(`o.kind = ANY(${params.add(filter.kinds)}::varchar[])`);
  if (filter.verified !== undefined && filter.verified !== null) where.push(`o.verified = ${params.add(filter.verified)}`);
  if (filter.near) {
    const circle = positionWithinSql(params, filter.near.latitude, filter.near.longitude, filter.near.radiusKm);
    distance = circle.distanceKm;
    where.push(circle.condition);
  }
  if (filter.search) {
    const text = params.add(filter.search.trim());
    const tsq = `websearch_to_tsquery('english', ${text})`;
    const doc = `to_tsvector('english', o.name || ' ' || o.mission)`;
    // Each branch of the union can use its own index (full-text, trigram, capability descriptions).
    where.push(`o.id IN (
      SELECT id FROM organizations WHERE to_tsvector('english', name || ' ' || mission) @@ ${tsq}
      UNION SELECT id FROM organizations WHERE ${text} <% name OR name % ${text}
      UNION SELECT organization_id FROM capabilities WHERE to_tsvector('english', description) @@ ${tsq})`);
    rank = `ts_rank(${doc}, ${tsq}) + word_similarity(${text}, o.name)`;
  }
  return { where, rank, distance };
}

/** A page of organizations; `include` embeds child lists so the whole page is one statement. */
export async function listOrganizations(
  ctx: RequestContext,
  filter: OrganizationFilter,
  page: Page,
  include: ReadonlySet<ChildList>,
): Promise<ConnectionShape<OrganizationRecord>> {
  const params = new SqlParams();
  const built = buildFilter(ctx.viewer, filter, params);
  const extra = [...include].map((child) => `, ${CHILD_JSON[child]('o.id')} AS "${child}Json"`).join('');
  const orderBy = built.rank
    ? `${built.rank} DESC, o.id`
    : built.distance ? `${built.distance}, o.id` : 'o.name, o.id';
  const query = {
    columns: `${ORGANIZATION_COLUMNS}${built.distance ? `, ${built.distance} AS "distanceKm"` : ''}${extra}`,
    from: 'organizations o',
    where: built.where.join(' AND '),
    orderBy,
    params,
    // Without a filter the total is how many organizations the viewer may see: kept by the database, not counted.
    count: built.where.length === 1 ? visibleOrganizationCountSql(ctx.viewer, params) : undefined,
  };
  return queryPage(ctx.db, query, page, (rows: (OrganizationRecord & Record<string, unknown>)[]) => {
    for (const row of rows) {
      for (const child of include) {
        childLoaderFor(ctx, child).prime(row.id, row[`${child}Json`] as never);
        delete row[`${child}Json`];
      }
    }
    return rows as OrganizationRecord[];
  });
}

function childLoaderFor(ctx: RequestContext, child: ChildList) {
  switch (child) {
    case 'capabilities':
      return ctx.loaders.capabilitiesByOrganization;
    case 'needs':
      return ctx.loaders.needsByOrganization;
    case 'issueAreas':
      return ctx.loaders.issueAreasByOrganization;
  }
}
