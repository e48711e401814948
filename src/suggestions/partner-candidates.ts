import { onlyUuids } from '../common/ids.js';
import { SqlParams } from '../common/sql-params.js';
import type { RequestContext } from '../graphql/context.js';
import { BadInputError } from '../graphql/errors.js';
import { PRIORITY_WEIGHT } from '../matching/weights.js';
import { visibleOrganizationsSql } from '../organizations/organization-access.js';
import { publicPositionWithinSql } from '../organizations/location-precision.js';
import { LEVEL_RANK_SQL, MATCH_ORG_COLUMNS, MATCH_PROFILE_JOIN, toMatchOrg, type MatchOrg, type Taxonomy } from './engine-orgs.js';
import { suggestableSql } from './suggestion-access.js';
import type { PartnerSuggestionFilter } from './suggestion.types.js';

// Candidate generation for partner suggestions. Scoring every organization that shares a skill or an issue
// costs 150 ms of SQL at 100,000 organizations (a skill's posting list holds ~7,000 of them), so candidates come
// from tiers, each an index-backed probe with a limit, in the order of what the engine's score rewards most:
//   0. ranked: offers one of my needed skills AND needs one I offer (two GIN posting lists intersected, a few
//      thousand rows; one-way when I only need or only offer), ordered in SQL by a pre-score that mirrors the
//      engine: urgency-weighted share of my needs covered, share of theirs I can meet, shared issue areas;
//   2. covers my two most urgent needs;
//   3. worked with me or with one of my partners;  4. the strongest providers of each of my needs, EXPERT first;
//   5. nearest neighbours (GiST k-nearest on the public position);  6. shares an issue area.
// The engine then scores the union. bench/partner-recall.ts measures what this misses against scoring all
// 100,000 organizations.

export const TIER_LIMITS = { ranked: 170, bothTopNeeds: 60, commonPartners: 40, perNeed: 30, nearest: 30, sharedIssue: 20 };
export const CANDIDATE_CAP = 250;
/**
 * Rows of the ranked set evaluated at most. A requester with many needs and skills can match 10,000 rows at
 * ~5 µs each; beyond this many the set is so rich that a sample of it still holds the strong partners
 * (bench/partner-recall.ts shows what it costs in quality).
 */
const RANKED_SCAN_LIMIT = 2000;

function filterSql(ctx: RequestContext, requester: MatchOrg, filter: PartnerSuggestionFilter, params: SqlParams): string {
  const where = [suggestableSql(visibleOrganizationsSql(ctx.viewer.actingForOrganizations(), params)), `o.id <> ${params.add(requester.id)}`];
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
    where.push(publicPositionWithinSql(params, requester.location.lat, requester.location.lng, filter.maxDistanceKm).condition);
  }
  return where.join(' AND ');
}

function hasExplicitFilter(filter: PartnerSuggestionFilter): boolean {
  return Boolean(filter.issueAreaIds?.length || filter.skillIds?.length || filter.kinds?.length || filter.verifiedOnly || (filter.maxDistanceKm ?? null) !== null);
}

/** Needed skills with their urgency weight, most urgent first (a skill needed twice counts at its highest). */
function neededSkillsByUrgency(requester: MatchOrg): { skillId: string; weight: number }[] {
  const best = new Map<string, number>();
  for (const n of requester.needs) best.set(n.skillId, Math.max(best.get(n.skillId) ?? 0, PRIORITY_WEIGHT[n.priority]));
  return [...best.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([skillId, weight]) => ({ skillId, weight }));
}

export async function loadPartnerCandidates(
  ctx: RequestContext, requester: MatchOrg, filter: PartnerSuggestionFilter, tax: Taxonomy, circleIds: string[] = [],
): Promise<MatchOrg[]> {
  const params = new SqlParams();
  const where = filterSql(ctx, requester, filter, params);
  const needs = neededSkillsByUrgency(requester);
  const needed = needs.map((n) => n.skillId);
  const offered = [...new Set(requester.capabilities.map((c) => c.skillId))];
  // Placeholders are added only when a tier uses them: PostgreSQL rejects parameters it cannot type.
  const once = (value: unknown) => { let p: string | null = null; return () => (p ??= params.add(value)); };
  const neededP = once(needed);
  const offeredP = once(offered);
  const profileTier = (tier: number, condition: string, limit: number) =>
    `(SELECT o.id, ${tier} AS tier, 0 AS pre FROM organization_match_profiles mp JOIN organizations o ON o.id = mp.organization_id
      WHERE ${condition} AND ${where} LIMIT ${limit})`;
  const tiers: string[] = [];
  if (needed.length || offered.length) {
    // The engine's benefit in miniature: shares of my needs they cover (by urgency, ignoring levels) and of
    // their needs I can meet (exact when all are, else the lower bound one of n), mean plus geometric bonus,
    // plus shared issue areas. The set ranked is the mutual one (offers a skill I need AND needs one I offer),
    // or the one-way one when I only need or only offer.
    const urgencyTotal = needs.reduce((sum, n) => sum + n.weight, 0);
    const inShare = needed.length
      ? `((${needs.map((n) => `${n.weight} * (mp.offered_skill_ids @> ARRAY[${params.add(n.skillId)}::uuid])::int`).join(' + ')})::float8 / ${urgencyTotal})`
      : '0';
    const outShare = offered.length
      ? `GREATEST((mp.needed_skill_ids <@ ${offeredP()}::uuid[])::int, 1.0 / GREATEST(cardinality(mp.needed_skill_ids), 1))`
      : '0';
    const sharedIssues = requester.issueAreaIds.length
      ? `LEAST(${requester.issueAreaIds.map((id) => `(mp.issue_area_ids @> ARRAY[${params.add(id)}::uuid])::int`).join(' + ')}, 3) / 10.0`
      : '0';
    const preScore = `(0.5 * (${inShare} + ${outShare}) + 0.5 * sqrt(${inShare} * ${outShare}) + ${sharedIssues})`;
    const ranked = [needed.length ? `mp.offered_skill_ids && ${neededP()}::uuid[]` : null, offered.length ? `mp.needed_skill_ids && ${offeredP()}::uuid[]` : null]
      .filter(Boolean).join(' AND ');
    // Ranking on the profile alone, then checking visibility and filters on the best few, saves a primary-key
    // probe per row of a set that can hold 10,000; explicit filters may reject many, so with them the check
    // comes first.
    tiers.push(hasExplicitFilter(filter)
      ? `(SELECT o.id, 0 AS tier, ${preScore} AS pre FROM organization_match_profiles mp JOIN organizations o ON o.id = mp.organization_id
          WHERE ${ranked} AND ${where} ORDER BY pre DESC LIMIT ${TIER_LIMITS.ranked})`
      : `(SELECT o.id, 0 AS tier, best.pre FROM (SELECT mp.organization_id, ${preScore} AS pre
            FROM (SELECT mp.organization_id, mp.offered_skill_ids, mp.needed_skill_ids, mp.issue_area_ids
              FROM organization_match_profiles mp WHERE ${ranked} LIMIT ${RANKED_SCAN_LIMIT}) mp
            ORDER BY pre DESC LIMIT ${Math.round(TIER_LIMITS.ranked * 1.5)}) best
          JOIN organizations o ON o.id = best.organization_id WHERE ${where} ORDER BY best.pre DESC LIMIT ${TIER_LIMITS.ranked})`);
  }
  if (needed.length) tiers.push(profileTier(2, `mp.offered_skill_ids @> ${params.add(needed.slice(0, 2))}::uuid[]`, TIER_LIMITS.bothTopNeeds));
  if (circleIds.length) {
    tiers.push(`(SELECT o.id, 3 AS tier, 0 AS pre FROM organizations o WHERE o.id = ANY(${params.add(circleIds)}::uuid[]) AND ${where} LIMIT ${TIER_LIMITS.commonPartners})`);
  }
  if (needed.length) {
    // Per needed skill, the highest levels first through the (skill_id, level rank) index.
    tiers.push(`(SELECT x.id, 4 AS tier, 0 AS pre FROM unnest(${neededP()}::uuid[]) AS s(skill_id)
      CROSS JOIN LATERAL (SELECT o.id FROM capabilities c JOIN organizations o ON o.id = c.organization_id
        WHERE c.skill_id = s.skill_id AND ${where} ORDER BY ${LEVEL_RANK_SQL} DESC LIMIT ${TIER_LIMITS.perNeed}) x)`);
  }
  if (requester.location) {
    const here = `ll_to_earth(${params.add(requester.location.lat)}, ${params.add(requester.location.lng)})`;
    tiers.push(`(SELECT o.id, 5 AS tier, 0 AS pre FROM organizations o WHERE o.public_latitude IS NOT NULL AND ${where}
      ORDER BY ll_to_earth(o.public_latitude, o.public_longitude) <-> ${here} LIMIT ${TIER_LIMITS.nearest})`);
  }
  if (requester.issueAreaIds.length) {
    tiers.push(`(SELECT o.id, 6 AS tier, 0 AS pre FROM organization_issue_areas i JOIN organizations o ON o.id = i.organization_id
      WHERE i.issue_area_id = ANY(${params.add(requester.issueAreaIds)}::uuid[]) AND ${where} LIMIT ${TIER_LIMITS.sharedIssue})`);
  }
  if (tiers.length === 0) return [];
  const rows = await ctx.db.query(
    `WITH pool AS (${tiers.join(' UNION ALL ')}),
     top AS (SELECT id FROM pool GROUP BY id ORDER BY min(tier), max(pre) DESC, count(*) DESC, id LIMIT ${params.add(CANDIDATE_CAP)})
     SELECT ${MATCH_ORG_COLUMNS} FROM top JOIN organizations o ON o.id = top.id ${MATCH_PROFILE_JOIN}`,
    params.values,
  );
  return rows.map((row: Parameters<typeof toMatchOrg>[0]) => toMatchOrg(row, tax));
}
