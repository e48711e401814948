import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { toConnection, type ConnectionShape, type Page } from '../core/connection.js';
import { BadInputError } from '../core/errors.js';
import { countPartners, suggestPartners, type ScoreParts, type TrustGraph } from '../matching/index.js';
import { actingViewer } from '../privacy/acting-viewer.js';
import { AnonymousTokens, anonymousEngineView, band } from '../privacy/anonymous-card.js';
import { loadVisibleRecords } from '../profiles/visible-records.js';
import { loadMatchOrgs, loadTaxonomy, type MatchOrg } from './engine-orgs.js';
import { loadPartnerCandidates } from './partner-candidates.js';
import { loadTrustNeighbourhood } from './trust-graph.js';
import { requireMemberOrganization } from './suggestion-access.js';
import type { PartnerSuggestion, PartnerSuggestionFilter } from './suggestion.types.js';

export interface PartnerSuggestionsResult {
  requester: MatchOrg;
  /** As the engine may see them: anonymous ones already reduced to their card (anonymousEngineView). */
  candidates: MatchOrg[];
  trust: TrustGraph;
  /** Ids of the candidates shown only as anonymous cards. */
  anonymousIds: ReadonlySet<string>;
}

/** Requester and candidates as the engine sees them (the bench uses this directly). */
export async function partnerCandidates(ctx: RequestContext, organizationId: string, filter: PartnerSuggestionFilter): Promise<PartnerSuggestionsResult> {
  if (filter.maxDistanceKm !== undefined && filter.maxDistanceKm !== null && !(filter.maxDistanceKm >= 0)) {
    throw new BadInputError('filter.maxDistanceKm', 'The distance must be 0 or more');
  }
  // The requester loads alongside the membership check; nothing of it is used unless the check passes.
  const tax = await loadTaxonomy(ctx.db);
  const [, [requester], trust] = await Promise.all([
    requireMemberOrganization(ctx, organizationId),
    loadMatchOrgs(ctx.db, isUuid(organizationId) ? [organizationId] : [], tax),
    isUuid(organizationId) ? loadTrustNeighbourhood(ctx, organizationId) : null,
  ]);
  const loaded = await loadPartnerCandidates(ctx, requester, filter, tax, trust!.circleIds);
  const acting = actingViewer(ctx.viewer);
  const anonymousIds = new Set(loaded.filter((c) => acting.isAnonymous(c)).map((c) => c.id));
  const candidates = loaded.map((c) => (anonymousIds.has(c.id) ? anonymousEngineView(c) : c));
  return { requester, candidates, trust: trust!.graph, anonymousIds };
}

function bandedParts(parts: ScoreParts): ScoreParts {
  const banded = { ...parts };
  for (const key of Object.keys(banded) as (keyof ScoreParts)[]) banded[key] = band(banded[key]);
  return banded;
}

export async function listPartnerSuggestions(
  ctx: RequestContext,
  organizationId: string,
  filter: PartnerSuggestionFilter,
  page: Page,
): Promise<ConnectionShape<PartnerSuggestion>> {
  const { requester, candidates, trust, anonymousIds } = await partnerCandidates(ctx, organizationId, filter);
  const ranked = suggestPartners(requester, candidates, trust, { limit: page.offset + page.limit + 1 });
  const slice = ranked.slice(page.offset);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const records = await loadVisibleRecords(ctx, slice.filter((s) => !anonymousIds.has(s.orgId)).map((s) => s.orgId));
  const tokens = new AnonymousTokens();
  const rows: PartnerSuggestion[] = [];
  for (const s of slice) {
    if (anonymousIds.has(s.orgId)) {
      const card = tokens.card(byId.get(s.orgId)!) as PartnerSuggestion['anonymous'];
      const reasons = s.reasons.map((r) => ({ ...r, weight: band(r.weight) }));
      rows.push({ organization: null, anonymous: card, score: band(s.score), parts: bandedParts(s.parts), reasons, distanceKm: s.distanceKm, distanceBand: s.distanceBand });
      continue;
    }
    const record = records.get(s.orgId);
    // A candidate that became invisible between the two statements is dropped rather than shown.
    if (!record) continue;
    rows.push({ organization: record, anonymous: null, score: s.score, parts: { ...s.parts }, reasons: s.reasons, distanceKm: s.distanceKm, distanceBand: s.distanceBand });
  }
  // Counting scores the candidates again (no reasons built), only when a client selects totalCount.
  return toConnection(rows, page, async () => countPartners(requester, candidates, trust));
}
