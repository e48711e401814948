import { isUuid } from '../core/ids.js';
import { SqlParams } from '../core/sql-params.js';
import type { RequestContext } from '../core/request-context.js';
import { BadInputError, NotFoundError } from '../core/errors.js';
import { loadVisibleRecords } from '../profiles/visible-records.js';
import { actingViewer } from '../privacy/acting-viewer.js';
import { AnonymousTokens, anonymousEngineView } from '../privacy/anonymous-card.js';
import { anonymousTokenKey, tokenSealer } from '../privacy/anonymous-token.js';
import { positionWithinSql } from '../privacy/location.sql.js';
import { defaultCategoriesForIssue, findGapFillers, type CoalitionInput, type EngineOrg, type Level } from '../matching/index.js';
import { runCoalitionEngine } from './engine-pool.js';
import { loadTrustAmong } from './trust-graph.js';
import { LEVEL_RANK_SQL, loadMatchOrgs, loadTaxonomy, MATCH_ORG_COLUMNS, MATCH_PROFILE_JOIN, toMatchOrg, type MatchOrg, type Taxonomy } from './engine-orgs.js';
import { requireMemberOrganization } from './suggestion-access.js';
import type { CoalitionAlternative, CoalitionMember, CoalitionSuggestionInput } from './suggestion.types.js';

// Candidates in SQL (inside the circle when one is given, working on the issue or offering a needed category,
// capped by a cheap pre-score), the choice in the engine, gap fillers from visible organizations anywhere.

export const COALITION_CANDIDATE_CAP = 1500;
/** Anonymous cards considered at most (they are few: PRIVATE organizations that opted in). */
const ANONYMOUS_CANDIDATES = 200;
/** Rows of the issue's organizations (or of a circle) ranked at most: ~4 µs each, so about 15 ms. */
const COALITION_SCAN_LIMIT = 4000;
const GAP_FILLERS_PER_CATEGORY = 3;

interface Checked {
  organizationId: string;
  issueAreaId: string;
  categories: string[];
  minSize: number;
  maxSize: number;
  mustInclude: string[];
  alternatives: number;
}

async function checkInput(ctx: RequestContext, input: CoalitionSuggestionInput, tax: Taxonomy): Promise<Checked> {
  // A cached taxonomy may predate an issue area created a moment ago on another process.
  if (isUuid(input.issueAreaId) && !tax.issueAreas.has(input.issueAreaId)) tax = await loadTaxonomy(ctx.db, { fresh: true });
  const area = isUuid(input.issueAreaId) ? tax.issueAreas.get(input.issueAreaId) : undefined;
  if (!area) throw new BadInputError('input.issueAreaId', 'Unknown issue area');
  if (input.near && !(input.near.radiusKm >= 0)) throw new BadInputError('input.near.radiusKm', 'The radius must be 0 or more');
  if (input.near && !(Math.abs(input.near.latitude) <= 90 && Math.abs(input.near.longitude) <= 180)) {
    throw new BadInputError('input.near', 'Latitude must be within -90..90 and longitude within -180..180');
  }
  const minSize = input.minSize ?? 3;
  const maxSize = input.maxSize ?? 6;
  if (minSize < 1 || minSize > 30) throw new BadInputError('input.minSize', 'The minimum size must be between 1 and 30');
  if (maxSize < minSize || maxSize > 30) throw new BadInputError('input.maxSize', 'The maximum size must be at least the minimum size and at most 30');
  const alternatives = input.alternatives ?? 3;
  if (alternatives < 1 || alternatives > 5) throw new BadInputError('input.alternatives', 'Alternatives must be between 1 and 5');
  const known = new Set([...tax.skills.values()].map((s) => s.categoryId));
  const categories = input.categoryIds?.length ? [...new Set(input.categoryIds)] : defaultCategoriesForIssue(area.slug);
  const unknown = categories.find((c) => !known.has(c));
  if (unknown) throw new BadInputError('input.categoryIds', `Unknown capability category ${unknown}`);
  const mustInclude = [...new Set(input.mustIncludeIds ?? [])];
  if (mustInclude.length > maxSize) throw new BadInputError('input.mustIncludeIds', 'More organizations must be included than the maximum size');
  return { organizationId: input.organizationId, issueAreaId: input.issueAreaId, categories, minSize, maxSize, mustInclude, alternatives };
}

/** Must-include organizations must be visible to the viewer: otherwise NOT_FOUND, like a missing one. */
async function loadMustInclude(ctx: RequestContext, ids: string[], tax: Taxonomy): Promise<MatchOrg[]> {
  if (ids.some((id) => !isUuid(id))) throw new NotFoundError('Organization');
  const orgs = await loadMatchOrgs(ctx.db, ids, tax);
  const acting = actingViewer(ctx.viewer);
  if (orgs.length !== ids.length || orgs.some((o) => !acting.canName(o))) {
    throw new NotFoundError('Organization');
  }
  return orgs;
}

/**
 * Candidates, ranked in SQL on the match profile: working on the issue (3) plus, per required category, offering
 * a skill in it (1) and at EXPERT level (1 more). Inside a circle every organization there is ranked; remote, the
 * issue's organizations (a bounded sample of them) and each required skill's strongest providers (through the
 * skill-level index, on the issue first) form the pool, so the cost does not follow the size of the table.
 * Anonymous cards form a pool of their own, chosen and ranked on what the card shows (capabilities, the REGION
 * cell of the position) and never on the issue areas it hides.
 */
async function loadCandidates(ctx: RequestContext, checked: Checked, input: CoalitionSuggestionInput, tax: Taxonomy): Promise<MatchOrg[]> {
  const params = new SqlParams();
  const acting = actingViewer(ctx.viewer);
  const issue = params.add(checked.issueAreaId);
  const skillsByCategory = checked.categories.map((categoryId) => params.add([...tax.skills].filter(([, s]) => s.categoryId === categoryId).map(([id]) => id)));
  const allSkills = params.add([...tax.skills].filter(([, s]) => checked.categories.includes(s.categoryId)).map(([id]) => id));
  const onIssue = `mp.issue_area_ids @> ARRAY[${issue}::uuid]`;
  const cardScore = skillsByCategory.map((ids) => `(mp.offered_skill_ids && ${ids}::uuid[])::int + (mp.expert_skill_ids && ${ids}::uuid[])::int`).join(' + ');
  const near = (kind: 'public' | 'anonymous') =>
    (input.near ? positionWithinSql(params, input.near.latitude, input.near.longitude, input.near.radiusKm, kind).condition : 'TRUE');
  let named: string;
  if (input.near) {
    named = `SELECT o.id FROM organizations o JOIN organization_match_profiles mp ON mp.organization_id = o.id
      WHERE ${near('public')}
        AND (${onIssue} OR mp.offered_skill_ids && ${allSkills}::uuid[])
      LIMIT ${COALITION_SCAN_LIMIT}`;
  } else {
    const strongest = (extra: string, limit: number) => `SELECT x.organization_id FROM unnest(${allSkills}::uuid[]) AS s(skill_id)
      CROSS JOIN LATERAL (SELECT c.organization_id FROM capabilities c
        JOIN organization_match_profiles mp ON mp.organization_id = c.organization_id
        WHERE c.skill_id = s.skill_id ${extra} ORDER BY ${LEVEL_RANK_SQL} DESC LIMIT ${limit}) x`;
    named = `(SELECT mp.organization_id FROM organization_match_profiles mp WHERE ${onIssue} LIMIT ${COALITION_SCAN_LIMIT})
      UNION (${strongest(`AND ${onIssue}`, 20)}) UNION (${strongest('', 5)})`;
  }
  // Cards: inside a circle through the index over their REGION-cell positions; remote, through the partial index
  // on anonymous_card, a bounded sample of those offering a required skill ranked on the profile (a bounded scan
  // also keeps PostgreSQL from planning parallel workers) and the best few checked against the policy.
  const cards = `mp.anonymous_card AND mp.offered_skill_ids && ${allSkills}::uuid[]`;
  const anonymous = input.near
    ? `SELECT o.id FROM organizations o JOIN organization_match_profiles mp ON mp.organization_id = o.id
        WHERE ${acting.anonymousSql(params)} AND ${near('anonymous')} AND ${cards}
        ORDER BY ${cardScore} DESC, o.id LIMIT ${ANONYMOUS_CANDIDATES}`
    : `SELECT o.id FROM (SELECT mp.organization_id, ${cardScore} AS pre
          FROM (SELECT mp.organization_id, mp.offered_skill_ids, mp.expert_skill_ids FROM organization_match_profiles mp
            WHERE ${cards} LIMIT ${COALITION_SCAN_LIMIT}) mp
          ORDER BY pre DESC, mp.organization_id LIMIT ${ANONYMOUS_CANDIDATES * 2}) best
        JOIN organizations o ON o.id = best.organization_id WHERE ${acting.anonymousSql(params)}
        ORDER BY best.pre DESC, o.id LIMIT ${ANONYMOUS_CANDIDATES}`;
  const rows = await ctx.db.query(
    `WITH named AS (SELECT DISTINCT p.id FROM (${named}) p(id)),
     top AS (
       (SELECT o.id FROM named p JOIN organizations o ON o.id = p.id
         JOIN organization_match_profiles mp ON mp.organization_id = o.id
         WHERE ${acting.namedSql(params)} ORDER BY 3 * (${onIssue})::int + ${cardScore} DESC, o.id LIMIT ${params.add(COALITION_CANDIDATE_CAP)})
       UNION (${anonymous}))
     SELECT ${MATCH_ORG_COLUMNS} FROM top JOIN organizations o ON o.id = top.id ${MATCH_PROFILE_JOIN}`,
    params.values,
  );
  return rows.map((row: Parameters<typeof toMatchOrg>[0]) => toMatchOrg(row, tax));
}

/**
 * Visible organizations anywhere (outside the circle too) offering each gap category, best first. Also the gap
 * fillers of a formed coalition's coverage (coalitions/coalition-coverage.service.ts).
 */
export async function gapFillerOrgs(ctx: RequestContext, gaps: string[], exclude: string[]): Promise<EngineOrg[]> {
  if (gaps.length === 0) return [];
  const params = new SqlParams();
  const visible = actingViewer(ctx.viewer).namedSql(params);
  const rows: { id: string; kind: string; dealbreakers: string[]; verified: boolean; categoryId: string; level: Level }[] = await ctx.db.query(
    `SELECT x.id, x.kind, x.dealbreakers, x.verified, g.cat AS "categoryId", x.level FROM unnest(${params.add(gaps)}::varchar[]) g(cat)
     CROSS JOIN LATERAL (
       SELECT o.id, o.kind, o.dealbreaker_kinds AS dealbreakers, o.verified, c.level FROM skills s JOIN capabilities c ON c.skill_id = s.id
         JOIN organizations o ON o.id = c.organization_id
       WHERE s.category_id = g.cat AND ${visible} AND o.id <> ALL(${params.add(exclude)}::uuid[])
       ORDER BY ${LEVEL_RANK_SQL} DESC, o.verified DESC, o.id LIMIT ${params.add(GAP_FILLERS_PER_CATEGORY * 3)}) x`,
    params.values,
  );
  const byId = new Map<string, EngineOrg>();
  for (const r of rows) {
    let org = byId.get(r.id);
    if (!org) {
      // Kind and dealbreakers decide whether it could join a given alternative (findGapFillers checks both ways).
      org = { id: r.id, name: '', kind: r.kind, communityBased: false, country: null, location: null, issueAreaIds: [], languages: [],
        capabilities: [], needs: [], dealbreakerKinds: r.dealbreakers, pendingRequests: 0, verified: r.verified };
      byId.set(r.id, org);
    }
    org.capabilities.push({ skillId: '', skillName: '', categoryId: r.categoryId, categoryName: '', level: r.level, remote: false, capacity: null });
  }
  return [...byId.values()];
}

export async function listCoalitionSuggestions(ctx: RequestContext, input: CoalitionSuggestionInput): Promise<CoalitionAlternative[]> {
  // A full engine queue refuses before any query: under a flood, refusals must cost the event loop next to nothing.
  ctx.engine?.ensureCapacity();
  await requireMemberOrganization(ctx, input.organizationId);
  const tax = await loadTaxonomy(ctx.db);
  const checked = await checkInput(ctx, input, tax);
  const must = await loadMustInclude(ctx, checked.mustInclude, tax);
  const pool = await loadCandidates(ctx, checked, input, tax);
  const acting = actingViewer(ctx.viewer);
  const seen = new Set(pool.map((o) => o.id));
  const loaded: MatchOrg[] = [...pool, ...must.filter((o) => !seen.has(o.id))];
  // Anonymous cards reach the engine with their card's facts only (no issue areas, needs, languages).
  const anonymousIds = new Set(loaded.filter((c) => acting.isAnonymous(c)).map((c) => c.id));
  const candidates = loaded.map((c) => (anonymousIds.has(c.id) ? anonymousEngineView(c) : c));
  const trust = await loadTrustAmong(ctx, candidates.filter((c) => !anonymousIds.has(c.id)).map((c) => c.id));
  const engineInput: CoalitionInput = {
    candidates,
    requiredCategoryIds: checked.categories,
    issueAreaId: checked.issueAreaId,
    minSize: checked.minSize,
    maxSize: checked.maxSize,
    mustInclude: checked.mustInclude,
    requireCommunityBased: input.requireCommunityBased ?? false,
    alternatives: checked.alternatives,
    trust,
    // Dealbreakers of must-include organizations the asker does not belong to are theirs to keep: a refusal
    // between two forced members would tell whose dealbreaker it is.
    privateDealbreakerIds: checked.mustInclude.filter((id) => !ctx.viewer.isMemberOf(id)),
  };
  // Off the event loop, under the work budget (engine-pool.ts).
  const { alternatives } = await runCoalitionEngine(ctx, engineInput);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const allGaps = [...new Set(alternatives.flatMap((a) => a.gaps))];
  const fillers = await gapFillerOrgs(ctx, allGaps, candidates.map((c) => c.id));
  const memberIds = alternatives.flatMap((a) => a.memberIds).filter((id) => !anonymousIds.has(id));
  const records = await loadVisibleRecords(ctx, [...new Set([...memberIds, ...fillers.map((f) => f.id)])]);
  // Sealed tokens: random in every response, but the asker may invite the card to a coalition (coalitionInvite).
  const tokens = new AnonymousTokens(ctx.viewer.userId ? tokenSealer(await anonymousTokenKey(ctx.db), ctx.viewer.userId) : undefined);
  return alternatives.map((alt) => {
    const members = new Map<string, CoalitionMember>(alt.memberIds.map((id) => {
      const anonymous = anonymousIds.has(id);
      return [id, { organization: anonymous ? null : records.get(id) ?? null, anonymous: anonymous ? tokens.card(byId.get(id)!) as CoalitionMember['anonymous'] : null }];
    }));
    return {
      members: [...members.values()],
      coverage: alt.coverage.map((cell) => ({
        categoryId: cell.categoryId, member: cell.orgId ? members.get(cell.orgId) ?? null : null, level: cell.level as never, skillName: cell.skillName,
      })),
      gaps: alt.gaps,
      gapFillers: findGapFillers(alt.gaps, fillers, GAP_FILLERS_PER_CATEGORY, alt.memberIds.map((id) => byId.get(id)!)).map((g) => ({
        categoryId: g.categoryId, organizations: g.orgIds.map((id) => records.get(id)).filter((r) => r !== undefined),
      })),
      balance: alt.balance,
      compatible: alt.compatible,
      complete: alt.complete,
      cohesion: alt.cohesion,
      score: alt.score,
      reasons: alt.reasons,
    };
  });
}
