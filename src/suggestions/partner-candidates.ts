import { onlyUuids } from '../common/ids.js';
import { SqlParams } from '../common/sql-params.js';
import type { RequestContext } from '../graphql/context.js';
import { BadInputError } from '../graphql/errors.js';
import { PRIORITY_WEIGHT } from '../matching/weights.js';
import { visibleOrganizationsSql } from '../organizations/organization-access.js';
import { MATCH_ORG_COLUMNS, MATCH_PROFILE_JOIN, toMatchOrg, type MatchOrg, type Taxonomy } from './engine-orgs.js';
import { suggestableSql, suggestionViewer } from './suggestion-access.js';
import type { PartnerSuggestionFilter } from './suggestion.types.js';

// Candidate generation for partner suggestions. Scoring every organization that shares a skill or an issue
// costs 150 ms of SQL at 100,000 organizations (popular skills have posting lists of 7,000), so candidates come
// from tiers, each an index-backed probe with a limit, ordered by how much of the engine's score it promises:
//   1. covers my two most urgent needs AND needs something I offer (GIN intersection on the match profile)
//   2. covers my two most urgent needs
//   3. covers one of my needs AND needs something I offer (mutual benefit); worked with one of my partners
//   4. the strongest providers of each need, most urgent need first (EXPERT first, by index order)
//   5. needs something I offer
//   6. nearest neighbours (GiST k-nearest on the public position)
//   7. shares an issue area
// The engine then scores the union. bench/partner-recall.ts measures what this misses against scoring all
// 100,000 organizations.

export const TIER_LIMITS = { bothTopNeeds: 200, mutual: 120, perNeed: 60, needsMine: 60, nearest: 60, sharedIssue: 40, commonPartners: 60 };
export const CANDIDATE_CAP = 600;

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

/** Needed skills, most urgent first (a skill needed twice counts at its highest priority). */
function neededSkillsByUrgency(requester: MatchOrg): string[] {
  const best = new Map<string, number>();
  for (const n of requester.needs) best.set(n.skillId, Math.max(best.get(n.skillId) ?? 0, PRIORITY_WEIGHT[n.priority]));
  return [...best.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
}

export async function loadPartnerCandidates(
  ctx: RequestContext, requester: MatchOrg, filter: PartnerSuggestionFilter, tax: Taxonomy, twoHopIds: string[] = [],
): Promise<MatchOrg[]> {
  const params = new SqlParams();
  const where = filterSql(ctx, requester, filter, params);
  const needed = neededSkillsByUrgency(requester);
  const offered = [...new Set(requester.capabilities.map((c) => c.skillId))];
  // Placeholders are added only when a tier uses them: PostgreSQL rejects parameters it cannot type.
  const once = (value: unknown) => { let p: string | null = null; return () => (p ??= params.add(value)); };
  const neededP = once(needed);
  const offeredP = once(offered);
  const topTwoP = once(needed.slice(0, 2));
  const profileTier = (tier: number, condition: string, limit: number) =>
    `(SELECT o.id, ${tier} AS tier FROM organization_match_profiles mp JOIN organizations o ON o.id = mp.organization_id
      WHERE ${condition} AND ${where} LIMIT ${limit})`;
  const tiers: string[] = [];
  if (needed.length >= 2) {
    // One GIN probe for both tiers: the mutual ones among them rank first.
    const mutual = offered.length ? `CASE WHEN mp.needed_skill_ids && ${offeredP()}::uuid[] THEN 1 ELSE 2 END` : '2';
    tiers.push(`(SELECT o.id, ${mutual} AS tier FROM organization_match_profiles mp JOIN organizations o ON o.id = mp.organization_id
      WHERE mp.offered_skill_ids @> ${topTwoP()}::uuid[] AND ${where} LIMIT ${TIER_LIMITS.bothTopNeeds})`);
  }
  if (needed.length && offered.length) {
    tiers.push(profileTier(3, `mp.offered_skill_ids && ${neededP()}::uuid[] AND mp.needed_skill_ids && ${offeredP()}::uuid[]`, TIER_LIMITS.mutual));
  }
  if (needed.length) {
    // Per needed skill, the highest levels first through the (skill_id, level rank) index.
    tiers.push(`(SELECT x.id, 4 AS tier FROM unnest(${neededP()}::uuid[]) WITH ORDINALITY AS s(skill_id, urgency)
      CROSS JOIN LATERAL (SELECT o.id FROM capabilities c JOIN organizations o ON o.id = c.organization_id
        WHERE c.skill_id = s.skill_id AND ${where} ORDER BY ${LEVEL_RANK_SQL} DESC LIMIT ${TIER_LIMITS.perNeed}) x)`);
  }
  if (offered.length) tiers.push(profileTier(5, `mp.needed_skill_ids && ${offeredP()}::uuid[]`, TIER_LIMITS.needsMine));
  if (twoHopIds.length) {
    tiers.push(`(SELECT o.id, 3 AS tier FROM organizations o WHERE o.id = ANY(${params.add(twoHopIds)}::uuid[]) AND ${where} LIMIT ${TIER_LIMITS.commonPartners})`);
  }
  if (requester.location) {
    const here = `ll_to_earth(${params.add(requester.location.lat)}, ${params.add(requester.location.lng)})`;
    tiers.push(`(SELECT o.id, 6 AS tier FROM organizations o WHERE o.public_latitude IS NOT NULL AND ${where}
      ORDER BY ll_to_earth(o.public_latitude, o.public_longitude) <-> ${here} LIMIT ${TIER_LIMITS.nearest})`);
  }
  if (requester.issueAreaIds.length) {
    tiers.push(`(SELECT o.id, 7 AS tier FROM organization_issue_areas i JOIN organizations o ON o.id = i.organization_id
      WHERE i.issue_area_id = ANY(${params.add(requester.issueAreaIds)}::uuid[]) AND ${where} LIMIT ${TIER_LIMITS.sharedIssue})`);
  }
  if (tiers.length === 0) return [];
  const rows = await ctx.db.query(
    `WITH pool AS (${tiers.join(' UNION ALL ')}),
     top AS (SELECT id FROM pool GROUP BY id ORDER BY min(tier), count(*) DESC, id LIMIT ${params.add(CANDIDATE_CAP)})
     SELECT ${MATCH_ORG_COLUMNS} FROM top JOIN organizations o ON o.id = top.id ${MATCH_PROFILE_JOIN}`,
    params.values,
  );
  return rows.map((row: Parameters<typeof toMatchOrg>[0]) => toMatchOrg(row, tax));
}

/** Matches the capabilities_skill_level_idx expression, so ORDER BY reads the index in order. */
export const LEVEL_RANK_SQL = `(CASE c.level WHEN 'EXPERT' THEN 3 WHEN 'PROFICIENT' THEN 2 ELSE 1 END)`;
