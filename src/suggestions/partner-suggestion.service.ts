import type { RequestContext } from '../graphql/context.js';
import { toConnection, type ConnectionShape, type Page } from '../graphql/connection.js';
import { BadInputError } from '../graphql/errors.js';
import { onlyUuids } from '../common/ids.js';
import { SqlParams } from '../common/sql-params.js';
import { visibleOrganizationsSql } from '../organizations/organization-access.js';
import { suggestPartners, type TrustGraph } from '../matching/index.js';
import { loadMatchOrgs, loadTaxonomy, MATCH_ORG_COLUMNS, toMatchOrg, type MatchOrg, type Taxonomy } from './engine-orgs.js';
import {
  AnonymousTokens, anonymousName, isAnonymousFor, loadVisibleRecords, requireMemberOrganization, suggestableSql, suggestionViewer,
} from './suggestion-access.js';
import type { PartnerSuggestion, PartnerSuggestionFilter } from './suggestion.types.js';

// Candidates come from SQL through indexes (skill ids, issue areas, the GiST index on public positions), each
// branch capped, so the cost follows the asking organization's profile, not the size of the table; the engine
// then scores the few thousand candidates in memory.

/**
 * Rows taken per pre-score branch, and candidates scored by the engine at most. Measured at 100,000 orgs on
 * PostgreSQL 15: loading 3,000 candidates with their children costs ~100 ms of SQL alone (the engine scores
 * them in ~5 ms), so the cap is what keeps a request within the 30 ms p50 target.
 */
const BRANCH_LIMIT = 400;
export const CANDIDATE_CAP = 600;

/** No collaborations table yet: the trust graph is empty until one exists. */
export const EMPTY_TRUST: TrustGraph = { collaborators: new Map() };

function filterSql(ctx: RequestContext, requester: MatchOrg, filter: PartnerSuggestionFilter, params: SqlParams): string {
  const where = [suggestableSql(visibleOrganizationsSql(suggestionViewer(ctx.viewer), params)), `o.id <> ${params.add(requester.id)}`];
  if (filter.issueAreaIds?.length) {
    where.push(`EXISTS (SELECT 1 FROM organization_issue_areas f WHERE f.organization_id = o.id
      AND f.issue_area_id = ANY(${params.add(onlyUuids(filter.issueAreaIds))}::uuid[]))`);
  }
  if (filter.skillIds?.length) {
    where.push(`EXISTS (SELECT 1 FROM capabilities f WHERE f.organization_id = o.id
      AND f.skill_id = ANY(${params.add(onlyUuids(filter.skillIds))}::uuid[]))`);
  }
  if (filter.kinds?.length) where.push(`o.kind = ANY(${params.add(filter.kinds)}::varchar[])`);
  if (filter.verifiedOnly) where.push('o.verified');
  if (filter.maxDistanceKm !== undefined && filter.maxDistanceKm !== null) {
    if (!requester.location) throw new BadInputError('filter.maxDistanceKm', 'Your organization shares no position precise enough for a distance filter');
    const center = `ll_to_earth(${params.add(requester.location.lat)}, ${params.add(requester.location.lng)})`;
    const meters = params.add(filter.maxDistanceKm * 1000);
    // earth_box uses the GiST index; earth_distance trims the box's corners.
    where.push(`o.public_latitude IS NOT NULL AND o.location_precision <> 'COUNTRY'
      AND earth_box(${center}, ${meters}) @> ll_to_earth(o.public_latitude, o.public_longitude)
      AND earth_distance(${center}, ll_to_earth(o.public_latitude, o.public_longitude)) <= ${meters}`);
  }
  return where.join(' AND ');
}

/**
 * Candidates by a cheap pre-score: offers a skill A needs (4), needs a skill A offers (3), offers a skill in a
 * category A needs (1), shares an issue area (1). Each branch is capped so one popular skill or issue cannot
 * drag in a large share of the table.
 */
async function loadCandidates(ctx: RequestContext, requester: MatchOrg, filter: PartnerSuggestionFilter, tax: Taxonomy): Promise<MatchOrg[]> {
  const params = new SqlParams();
  const where = filterSql(ctx, requester, filter, params);
  const needSkills = params.add(requester.needs.map((n) => n.skillId));
  const needCategories = params.add([...new Set(requester.needs.map((n) => n.categoryId))]);
  const offerSkills = params.add(requester.capabilities.map((c) => c.skillId));
  const issues = params.add(requester.issueAreaIds);
  const limit = params.add(BRANCH_LIMIT);
  const branch = (weight: number, from: string) => `(SELECT o.id, ${weight} AS w FROM ${from} AND ${where} LIMIT ${limit})`;
  const rows = await ctx.db.query(
    `WITH pre AS (
       ${branch(4, `capabilities c JOIN organizations o ON o.id = c.organization_id WHERE c.skill_id = ANY(${needSkills}::uuid[])`)}
       UNION ALL ${branch(3, `needs n JOIN organizations o ON o.id = n.organization_id WHERE n.skill_id = ANY(${offerSkills}::uuid[]) AND n.status = 'OPEN'`)}
       UNION ALL ${branch(1, `skills s JOIN capabilities c ON c.skill_id = s.id JOIN organizations o ON o.id = c.organization_id
         WHERE s.category_id = ANY(${needCategories}::varchar[]) AND NOT (s.id = ANY(${needSkills}::uuid[]))`)}
       UNION ALL ${branch(1, `organization_issue_areas i JOIN organizations o ON o.id = i.organization_id WHERE i.issue_area_id = ANY(${issues}::uuid[])`)}
     ), top AS (SELECT id, sum(w) AS w FROM pre GROUP BY id ORDER BY sum(w) DESC, id LIMIT ${params.add(CANDIDATE_CAP)})
     SELECT ${MATCH_ORG_COLUMNS} FROM top JOIN organizations o ON o.id = top.id`,
    params.values,
  );
  return rows.map((row: Parameters<typeof toMatchOrg>[0]) => toMatchOrg(row, tax));
}

export interface PartnerSuggestionsResult {
  requester: MatchOrg;
  candidates: MatchOrg[];
}

/** Requester and candidates as the engine sees them (the bench uses this directly). */
export async function partnerCandidates(ctx: RequestContext, organizationId: string, filter: PartnerSuggestionFilter): Promise<PartnerSuggestionsResult> {
  if (filter.maxDistanceKm !== undefined && filter.maxDistanceKm !== null && !(filter.maxDistanceKm >= 0)) {
    throw new BadInputError('filter.maxDistanceKm', 'The distance must be 0 or more');
  }
  // The taxonomy is public, so it may load while membership is checked: one round trip less per request.
  const [, tax] = await Promise.all([requireMemberOrganization(ctx, organizationId), loadTaxonomy(ctx.db)]);
  const [requester] = await loadMatchOrgs(ctx.db, [organizationId], tax);
  const candidates = await loadCandidates(ctx, requester, filter, tax);
  // The engine may print candidate names in reasons: anonymous ones get a description instead of a name.
  for (const c of candidates) if (isAnonymousFor(ctx.viewer, c)) c.name = anonymousName(c.kind);
  return { requester, candidates };
}

export async function listPartnerSuggestions(
  ctx: RequestContext,
  organizationId: string,
  filter: PartnerSuggestionFilter,
  page: Page,
): Promise<ConnectionShape<PartnerSuggestion>> {
  const { requester, candidates } = await partnerCandidates(ctx, organizationId, filter);
  const ranked = suggestPartners(requester, candidates, EMPTY_TRUST, { limit: page.offset + page.limit + 1 });
  const slice = ranked.slice(page.offset);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const records = await loadVisibleRecords(ctx, slice.filter((s) => !isAnonymousFor(ctx.viewer, byId.get(s.orgId)!)).map((s) => s.orgId));
  const tokens = new AnonymousTokens();
  const rows: PartnerSuggestion[] = [];
  for (const s of slice) {
    const org = byId.get(s.orgId)!;
    const record = records.get(s.orgId) ?? null;
    const anonymous = isAnonymousFor(ctx.viewer, org) ? tokens.describe(org) : null;
    // A candidate that became invisible between the two statements is dropped rather than shown.
    if (!record && !anonymous) continue;
    rows.push({ organization: record, anonymous, score: s.score, parts: { ...s.parts }, reasons: s.reasons, distanceKm: s.distanceKm, distanceBand: s.distanceBand });
  }
  // Counting scores every candidate again, so it runs only when a client selects totalCount.
  const totalCount = async () => suggestPartners(requester, candidates, EMPTY_TRUST, { limit: candidates.length }).length;
  return toConnection(rows, page, totalCount);
}
