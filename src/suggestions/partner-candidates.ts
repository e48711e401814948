import { offersSkillsSql, worksOnIssueAreasSql } from '../profiles/organization-filter.sql.js';
import { SqlParams } from '../core/sql-params.js';
import type { RequestContext } from '../core/request-context.js';
import { BadInputError } from '../core/errors.js';
import { PRIORITY_WEIGHT } from '../matching/weights.js';
import { actingViewer, type ActingViewer } from '../privacy/acting-viewer.js';
import { positionWithinSql, type PositionKind } from '../privacy/location.sql.js';
import { LEVEL_RANK_SQL, MATCH_ORG_COLUMNS, MATCH_PROFILE_JOIN, toMatchOrg, type MatchOrg, type Taxonomy } from './engine-orgs.js';
import { issueTerm, needsMostlyTerm, needsTerm, offersTerm, offersWellTerms } from './match-terms.js';
import { partnerPreScoreSql, type PreScoreSql } from './partner-prescore.sql.js';
import type { PartnerSuggestionFilter } from './suggestion.types.js';

// Candidate generation for partner suggestions. Scoring every organization that shares a skill or an issue
// costs 150 ms of SQL at 100,000 organizations (a skill's posting list holds ~7,000 of them), so candidates come
// from tiers, each an index-backed probe with a limit, in the order of what the engine's score rewards most:
//   0. mutual: every organization that offers one of my needed skills AND needs one I offer (the pair keys of
//      organization_match_keys, 400 to 5,500 rows at 100,000), ranked by a pre-score that is the engine's score
//      without locality, language and trust (partner-prescore.sql.ts); when I only need or only offer, the
//      strongest bands of the one-way set (match terms: level, share of their needs, shared issue areas) ranked
//      by the same pre-score;
//   1. anonymous cards (PRIVATE, opted in), chosen on their card alone (see privacy/anonymous-card.ts);
//   2. covers my two most urgent needs;
//   3. worked with me or with one of my partners;  4. the strongest providers of each of my needs, EXPERT first;
//   5. nearest neighbours (GiST k-nearest on the public position);  6. shares an issue area.
// The engine then scores the union. bench/partner-recall.ts measures what this misses against scoring all
// 100,000 organizations: the mutual tier's ranking is what decides it (98.8% of the exact top 20 at 100,000).

export const TIER_LIMITS = { ranked: 120, oneWay: 170, anonymous: 40, bothTopNeeds: 60, commonPartners: 40, perNeed: 30, nearest: 30, sharedIssue: 20 };
/**
 * Candidates the engine scores (and the statement loads with their profiles). The mutual tier's pre-score is
 * close enough to the engine that its best 120 hold the exact top 20 (bench/partner-recall.ts: 98.8% at 100,000
 * with 120 and 200, 98.5% with 80 and 150); every row loaded costs its JSON children and a count.
 */
export const CANDIDATE_CAP = 200;
/**
 * Rows of the mutual set pre-scored at most. At 100,000 organizations it holds 400 to 5,500 (a requester with 4
 * needs and 5 skills), each a narrow row and a few array subscripts; a set richer than this is sampled, and a
 * sample of it still holds strong partners (bench/partner-recall.ts shows what it costs in quality).
 */
const RANKED_SCAN_LIMIT = 8000;
/**
 * Rows of a one-way set (I only need or only offer: a posting list of thousands) pre-scored at most, strongest
 * bands first. Needing only, the bands are wider (a provider's level, and related skills of the same category,
 * spread the pre-score within a band).
 */
const ONE_WAY_SCAN_LIMIT = { offersOnly: 1000, needsOnly: 1300 };
/** Anonymous cards offering one of my needed skills evaluated at most (a few percent of all organizations are cards). */
const CARD_SCAN_LIMIT = 1000;

/** Named candidates: organizations the viewer's organizations may see by name, under every filter given. */
function namedFilterSql(acting: ActingViewer, requester: MatchOrg, filter: PartnerSuggestionFilter, params: SqlParams): string {
  const where = [acting.namedSql(params), `o.id <> ${params.add(requester.id)}`];
  if (filter.issueAreaIds?.length) where.push(worksOnIssueAreasSql(params, filter.issueAreaIds));
  where.push(...cardFilters(requester, filter, params, 'public'));
  if (filter.verifiedOnly) where.push('o.verified');
  return where.join(' AND ');
}

/**
 * Anonymous candidates, filtered only on what their card shows (capabilities, kind, the REGION cell of their
 * position). A filter on what the card hides (issue areas, the verified flag) keeps them all out, whatever their
 * data, so the filter cannot be bisected to learn it. Null when no anonymous organization can match.
 */
function anonymousFilterSql(acting: ActingViewer, requester: MatchOrg, filter: PartnerSuggestionFilter, params: SqlParams): string | null {
  if (filter.issueAreaIds?.length || filter.verifiedOnly) return null;
  return [acting.anonymousSql(params), `o.id <> ${params.add(requester.id)}`, ...cardFilters(requester, filter, params, 'anonymous')].join(' AND ');
}

/** Filters on facts both a profile and an anonymous card show; distances use the position each may use. */
function cardFilters(requester: MatchOrg, filter: PartnerSuggestionFilter, params: SqlParams, position: PositionKind): string[] {
  const where: string[] = [];
  if (filter.skillIds?.length) where.push(offersSkillsSql(params, filter.skillIds));
  if (filter.kinds?.length) where.push(`o.kind = ANY(${params.add(filter.kinds)}::varchar[])`);
  if (filter.maxDistanceKm !== undefined && filter.maxDistanceKm !== null) {
    if (!requester.location) throw new BadInputError('filter.maxDistanceKm', 'Your organization shares no position precise enough for a distance filter');
    where.push(positionWithinSql(params, requester.location.lat, requester.location.lng, filter.maxDistanceKm, position).condition);
  }
  return where;
}

function hasCardFilter(filter: PartnerSuggestionFilter): boolean {
  return Boolean(filter.skillIds?.length || filter.kinds?.length || (filter.maxDistanceKm ?? null) !== null);
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

/**
 * Tier 0 when I both need and offer: every organization that offers a skill I need and needs one I offer (found
 * through the pair keys), ranked by the pre-score (partner-prescore.sql.ts) on the narrow match keys. Ranking on
 * the keys alone, then checking visibility and filters on the best few, saves a primary-key probe per row of a
 * set that can hold 5,000; explicit filters may reject many, so with them the check comes first.
 */
function mutualTier(pre: PreScoreSql, where: string, filter: PartnerSuggestionFilter, requester: MatchOrg, params: SqlParams): string {
  const pairs = `k.pair_keys && ${params.add(pre.pairKeys)}::int[]`;
  if (hasExplicitFilter(filter)) {
    return `(SELECT x.id, 0 AS tier, ${pre.score} AS pre FROM (SELECT o.id, ${pre.parts}
        FROM organization_match_keys k JOIN organizations o ON o.id = k.organization_id WHERE ${pairs} AND ${where}) x
      ORDER BY pre DESC LIMIT ${TIER_LIMITS.ranked})`;
  }
  return `(SELECT o.id, 0 AS tier, best.pre FROM (SELECT x.organization_id, ${pre.score} AS pre
        FROM (SELECT k.organization_id, ${pre.parts} FROM organization_match_keys k
          WHERE ${pairs} AND k.organization_id <> ${params.add(requester.id)} LIMIT ${RANKED_SCAN_LIMIT}) x
        ORDER BY pre DESC LIMIT ${Math.round(TIER_LIMITS.ranked * 1.5)}) best
      JOIN organizations o ON o.id = best.organization_id WHERE ${where} ORDER BY best.pre DESC LIMIT ${TIER_LIMITS.ranked})`;
}

/**
 * Tier 0 when I only need or only offer: the one-way set is a posting list of thousands (each skill's ~7,000 at
 * 100,000), too many to pre-score per call, so it is read in bands of the match terms (match-terms.ts) from the
 * strongest down, until ONE_WAY_SCAN_LIMIT rows: what the engine rewards is covering my needs at a good level
 * (or needs that are mostly what I offer), two of them at once, and shared issue areas (0.1 each, as much as a
 * fifth of a need covered). Each band leaves out the rows of the bands before it, and PostgreSQL reads the
 * bands in order and stops at the limit; the rows read are ranked by the same pre-score as the mutual tier.
 */
function oneWayTier(pre: PreScoreSql, requester: MatchOrg, where: string, filter: PartnerSuggestionFilter, params: SqlParams): string {
  const needsOnly = pre.shape === 'needsOnly';
  const mine = needsOnly ? pre.neededOrdinals : pre.offeredOrdinals;
  const terms = (values: number[]) => `${params.add(values)}::int[]`;
  const any = `k.match_terms && ${terms(mine.map(needsOnly ? offersTerm : needsTerm))}`;
  const strong = `k.match_terms && ${terms(needsOnly ? mine.flatMap(offersWellTerms) : mine.map(needsMostlyTerm))}`;
  const issues = requester.issueAreaIds.map(issueTerm);
  const sharesOne = issues.length ? `k.match_terms && ${terms(issues)}` : null;
  const pairsOf = <T>(xs: T[]) => xs.flatMap((a, i) => xs.slice(i + 1).map((b) => [a, b]));
  const sharesTwo = issues.length >= 2 ? `(${pairsOf(issues).map((p) => `k.match_terms @> ${terms(p)}`).join(' OR ')})` : null;
  // Two of my needs offered (the most urgent four: at most six pairs).
  const coversTwo = needsOnly && mine.length >= 2
    ? `(${pairsOf(mine.slice(0, 4)).map((p) => `k.match_terms @> ${terms(p.map(offersTerm))}`).join(' OR ')})` : null;
  // EXPERT at my most urgent need (needed ordinals come most urgent first): worth the most of any one skill.
  // Only with a shared issue (its band); every parameter added must be read, or PostgreSQL cannot type it.
  const expertAtTop = needsOnly && sharesOne ? `k.match_terms && ${terms([offersWellTerms(mine[0])[1]])}` : null;
  const both = (a: string | null, b: string | null) => (a && b ? `${a} AND ${b}` : null);
  const bands = [
    both(coversTwo, sharesOne), both(strong, sharesTwo), coversTwo, both(expertAtTop, sharesOne), both(strong, sharesOne),
    both(any, sharesOne), strong, any,
  ].filter((b): b is string => b !== null);
  // Explicit filters may reject many rows, so with them the check comes first (as in the mutual tier).
  const explicit = hasExplicitFilter(filter);
  const from = explicit ? `organization_match_keys k JOIN organizations o ON o.id = k.organization_id` : 'organization_match_keys k';
  const rest = explicit ? where : `k.organization_id <> ${params.add(requester.id)}`;
  // The bands return the narrow row; the pre-score's parts are written once, over the rows read (planning the
  // same long expression in every band cost more than reading).
  const read = bands.map((band, i) => `SELECT k.organization_id, k.offer_levels, k.need_weights, k.need_total, k.issue_area_ids FROM ${from}
      WHERE ${band}${bands.slice(0, i).map((earlier) => ` AND NOT (${earlier})`).join('')} AND ${rest}`);
  const scanned = `(SELECT k.organization_id, ${pre.parts} FROM (${read.join(' UNION ALL ')} LIMIT ${ONE_WAY_SCAN_LIMIT[needsOnly ? 'needsOnly' : 'offersOnly']}) k) x`;
  if (explicit) {
    return `(SELECT x.organization_id AS id, 0 AS tier, ${pre.score} AS pre FROM ${scanned} ORDER BY pre DESC LIMIT ${TIER_LIMITS.oneWay})`;
  }
  return `(SELECT o.id, 0 AS tier, best.pre FROM (SELECT x.organization_id, ${pre.score} AS pre FROM ${scanned}
        ORDER BY pre DESC LIMIT ${Math.round(TIER_LIMITS.oneWay * 1.5)}) best
      JOIN organizations o ON o.id = best.organization_id WHERE ${where} ORDER BY best.pre DESC LIMIT ${TIER_LIMITS.oneWay})`;
}

export async function loadPartnerCandidates(
  ctx: RequestContext, requester: MatchOrg, filter: PartnerSuggestionFilter, tax: Taxonomy, circleIds: string[] = [],
): Promise<MatchOrg[]> {
  const params = new SqlParams();
  const acting = actingViewer(ctx.viewer);
  const where = namedFilterSql(acting, requester, filter, params);
  const needs = neededSkillsByUrgency(requester);
  const needed = needs.map((n) => n.skillId);
  // Placeholders are added only when a tier uses them: PostgreSQL rejects parameters it cannot type.
  const once = (value: unknown) => { let p: string | null = null; return () => (p ??= params.add(value)); };
  const neededP = once(needed);
  const profileTier = (tier: number, condition: string, limit: number) =>
    `(SELECT o.id, ${tier} AS tier, 0 AS pre FROM organization_match_profiles mp JOIN organizations o ON o.id = mp.organization_id
      WHERE ${condition} AND ${where} LIMIT ${limit})`;
  const tiers: string[] = [];
  const pre = partnerPreScoreSql(requester, tax, params);
  const mutual = pre?.shape === 'mutual';
  if (pre) tiers.push(mutual ? mutualTier(pre, where, filter, requester, params) : oneWayTier(pre, requester, where, filter, params));
  // Built only when used: PostgreSQL rejects parameters that no statement reads.
  const anonymousWhere = needed.length ? anonymousFilterSql(acting, requester, filter, params) : null;
  if (anonymousWhere) {
    // Anonymous cards come from their own tier, ranked on the card alone (the skills they offer against my
    // needs): the named tiers read needs, issue areas and collaborations, which the card hides, so letting them
    // pick anonymous organizations would make presence in the list tell them. Cards are found through the
    // partial index on anonymous_card, a bounded sample ranked on the profile (a small scan keeps PostgreSQL
    // from planning parallel workers, whose start-up alone costs more than the scan) and checked against the
    // policy after, unless card filters are given (then checked first, as they may reject many).
    const urgencyTotal = needs.reduce((sum, n) => sum + n.weight, 0);
    const cardPre = `((${needs.map((n) => `${n.weight} * (mp.offered_skill_ids @> ARRAY[${params.add(n.skillId)}::uuid])::int`).join(' + ')})::float8 / ${urgencyTotal})`;
    const cards = `mp.anonymous_card AND mp.offered_skill_ids && ${neededP()}::uuid[]`;
    tiers.push(hasCardFilter(filter)
      ? `(SELECT o.id, 1 AS tier, ${cardPre} AS pre FROM organization_match_profiles mp JOIN organizations o ON o.id = mp.organization_id
          WHERE ${cards} AND ${anonymousWhere} ORDER BY pre DESC, o.id LIMIT ${TIER_LIMITS.anonymous})`
      : `(SELECT o.id, 1 AS tier, best.pre FROM (SELECT mp.organization_id, ${cardPre} AS pre
            FROM (SELECT mp.organization_id, mp.offered_skill_ids FROM organization_match_profiles mp WHERE ${cards} LIMIT ${CARD_SCAN_LIMIT}) mp
            ORDER BY pre DESC, mp.organization_id LIMIT ${TIER_LIMITS.anonymous * 2}) best
          JOIN organizations o ON o.id = best.organization_id WHERE ${anonymousWhere} ORDER BY best.pre DESC, o.id LIMIT ${TIER_LIMITS.anonymous})`);
  }
  // Covering my two most urgent needs is what the mutual tier's pre-score rewards first; without a mutual tier
  // (I only need) this tier brings them.
  if (needed.length && !mutual) tiers.push(profileTier(2, `mp.offered_skill_ids @> ${params.add(needed.slice(0, 2))}::uuid[]`, TIER_LIMITS.bothTopNeeds));
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
