import { isUuid } from '../common/ids.js';
import type { RequestContext } from '../graphql/context.js';
import { toConnection, type ConnectionShape, type Page } from '../graphql/connection.js';
import { BadInputError } from '../graphql/errors.js';
import { countPartners, suggestPartners, type TrustGraph } from '../matching/index.js';
import { loadMatchOrgs, loadTaxonomy, type MatchOrg } from './engine-orgs.js';
import { loadPartnerCandidates } from './partner-candidates.js';
import { loadTrustNeighbourhood } from './trust-graph.js';
import {
  AnonymousTokens, anonymousName, isAnonymousFor, loadVisibleRecords, requireMemberOrganization,
} from './suggestion-access.js';
import type { PartnerSuggestion, PartnerSuggestionFilter } from './suggestion.types.js';

export interface PartnerSuggestionsResult {
  requester: MatchOrg;
  candidates: MatchOrg[];
  trust: TrustGraph;
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
  const candidates = await loadPartnerCandidates(ctx, requester, filter, tax, trust!.circleIds);
  // The engine may print candidate names in reasons: anonymous ones get a description instead of a name.
  for (const c of candidates) if (isAnonymousFor(ctx.viewer, c)) c.name = anonymousName(c.kind);
  return { requester, candidates, trust: trust!.graph };
}

export async function listPartnerSuggestions(
  ctx: RequestContext,
  organizationId: string,
  filter: PartnerSuggestionFilter,
  page: Page,
): Promise<ConnectionShape<PartnerSuggestion>> {
  const { requester, candidates, trust } = await partnerCandidates(ctx, organizationId, filter);
    const ranked = suggestPartners(requester, candidates, trust, { limit: page.offset + page.limit + 1 });
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
  // Counting scores the candidates again (no reasons built), only when a client selects totalCount.
  return toConnection(rows, page, async () => countPartners(requester, candidates, trust));
}
