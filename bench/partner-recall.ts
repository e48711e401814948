import type { DataSource } from 'typeorm';
import { Viewer } from '../src/core/viewer.js';
import { MembershipRole } from '../src/core/enums.js';
import { createLogger } from '../src/core/logger.js';
import { createContext } from '../src/api/request-context.js';
import type { RequestContext } from '../src/core/request-context.js';
import { suggestPartners, type TrustGraph } from '../src/matching/index.js';
import { actingViewer } from '../src/privacy/acting-viewer.js';
import { anonymousEngineView } from '../src/privacy/anonymous-card.js';
import { loadTaxonomy, MATCH_ORG_COLUMNS, MATCH_PROFILE_JOIN, toMatchOrg, type MatchOrg, type Taxonomy } from '../src/suggestions/engine-orgs.js';
import { loadPartnerCandidates } from '../src/suggestions/partner-candidates.js';
import { partnerCandidates } from '../src/suggestions/partner-suggestion.service.js';
import { loadTrustNeighbourhood } from '../src/suggestions/trust-graph.js';

// How much the candidate tiers miss: for each requester, the top 20 the service returns against the top 20 of
// the same engine run over EVERY organization the requester's member may be suggested (100,000 at bench scale,
// loaded once). Recall is the share of the exact top 20 found (ties at the 20th score count); the score share is
// the sum of the returned scores over the sum of the exact top scores (1.0 when the ranking is as good, even if
// ties differ).
//
// Requesters that only offer or only need take another candidate path than the mutual tier (partner-candidates.ts)
// and are a few percent of organizations, so a random sample of 50 holds zero to three of them: the figure for
// them would depend on sampling luck. Besides the random sample, a deliberate set of each is measured and
// reported on its own. The seed has no organization that offers nothing (each offers 2 to 5 skills), so the
// needs-only requesters are real organizations taken without their capabilities (the candidate query and the
// engine read the requester from memory; nothing else of it changes).

export interface RecallGroup {
  requesters: number;
  meanRecall: number;
  worstRecall: number;
  meanScoreShare: number;
  worstScoreShare: number;
}

export type CandidatePath = 'mutual' | 'offers only' | 'needs only' | 'neither';

export interface RequesterRecall {
  id: string;
  /** Open needs and distinct offered skills of the requester as measured. */
  needs: number;
  offers: number;
  path: CandidatePath;
  candidates: number;
  recall: number;
  scoreShare: number;
}

export interface RecallResult extends RecallGroup {
  /** The deliberate sets of one-way requesters (not part of the figures above). */
  offersOnly: RecallGroup;
  needsOnly: RecallGroup;
  /** The lowest recalls over all requesters measured, with their shape. */
  worst: RequesterRecall[];
}

const TOP = 20;

function pathOf(requester: MatchOrg): CandidatePath {
  const needs = requester.needs.length > 0;
  const offers = requester.capabilities.length > 0;
  if (needs && offers) return 'mutual';
  if (offers) return 'offers only';
  return needs ? 'needs only' : 'neither';
}

function memberContext(db: DataSource, organizationId: string): RequestContext {
  const viewer = new Viewer('00000000-0000-4000-8000-000000000000', false, new Map([[organizationId, MembershipRole.MEMBER]]), null);
  return createContext({ db, viewer, requestId: 'recall', log: createLogger('silent') });
}

interface Measured { requester: MatchOrg; candidates: MatchOrg[]; trust: TrustGraph }

/** A real requester, through the service's own candidate path. */
async function measureAsService(db: DataSource, id: string): Promise<Measured> {
  return partnerCandidates(memberContext(db, id), id, {});
}

/**
 * A requester that needs what the organization needs and offers nothing: the candidate query with the requester
 * given in memory, candidates reduced to the engine's view as the service does (anonymous ones to their card).
 */
async function measureAsNeedsOnly(db: DataSource, id: string, tax: Taxonomy): Promise<Measured> {
  const ctx = memberContext(db, id);
  const [{ requester: real }, neighbourhood] = await Promise.all([measureAsService(db, id), loadTrustNeighbourhood(ctx, id)]);
  const requester = { ...real, capabilities: [] };
  const loaded = await loadPartnerCandidates(ctx, requester, {}, tax, neighbourhood.circleIds);
  const acting = actingViewer(ctx.viewer);
  const candidates = loaded.map((c) => (acting.isAnonymous(c) ? anonymousEngineView(c) : c));
  return { requester, candidates, trust: neighbourhood.graph };
}

function summary(rows: RequesterRecall[]): RecallGroup {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const min = (xs: number[]) => (xs.length ? Math.min(...xs) : NaN);
  return {
    requesters: rows.length,
    meanRecall: mean(rows.map((r) => r.recall)),
    worstRecall: min(rows.map((r) => r.recall)),
    meanScoreShare: mean(rows.map((r) => r.scoreShare)),
    worstScoreShare: min(rows.map((r) => r.scoreShare)),
  };
}

/** Organizations picked by a hash of their id (the same ones run after run, and spread over the table). */
async function pickRequesters(db: DataSource, condition: string, count: number): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `SELECT organization_id AS id FROM organization_match_keys WHERE ${condition} ORDER BY md5(organization_id::text) LIMIT $1`, [count],
  );
  return rows.map((r) => r.id);
}

export async function runPartnerRecall(db: DataSource, requesterIds: string[], oneWayCount = 15): Promise<RecallResult> {
  const tax = await loadTaxonomy(db, { fresh: true });
  // Suggestable to a signed-in member of another organization: PUBLIC, NETWORK and opted-in PRIVATE ones.
  const rows = await db.query(`SELECT ${MATCH_ORG_COLUMNS} FROM organizations o ${MATCH_PROFILE_JOIN}
    WHERE o.visibility IN ('PUBLIC', 'NETWORK') OR (o.visibility = 'PRIVATE' AND o.anonymous_suggestions)`);
  // The same view the service gives the engine: opted-in PRIVATE organizations reduced to their anonymous card.
  const everyone = rows.map((row: Parameters<typeof toMatchOrg>[0]) => toMatchOrg(row, tax))
    .map((o: MatchOrg) => (o.visibility === 'PRIVATE' ? anonymousEngineView(o) : o));

  const measure = async (id: string, measured: Measured): Promise<RequesterRecall | null> => {
    const { requester, candidates, trust } = measured;
    const exact = suggestPartners(requester, everyone.filter((o: { id: string }) => o.id !== id), trust, { limit: TOP });
    if (exact.length === 0) return null;
    const found = suggestPartners(requester, candidates, trust, { limit: TOP });
    const exactIds = new Set(exact.map((s) => s.orgId));
    // Tie-aware: many organizations can share the 20th score exactly, so one counts as found when it is in
    // the exact top 20 or scores at least as high as the exact 20th.
    const floor = exact[exact.length - 1].score - 1e-9;
    const sum = (xs: { score: number }[]) => xs.reduce((acc, s) => acc + s.score, 0);
    return {
      id, needs: requester.needs.length, offers: new Set(requester.capabilities.map((c) => c.skillId)).size, path: pathOf(requester),
      candidates: candidates.length,
      recall: found.filter((s) => exactIds.has(s.orgId) || s.score >= floor).length / exact.length,
      scoreShare: Math.min(1, sum(found) / sum(exact)),
    };
  };
  const run = async (ids: string[], how: (id: string) => Promise<Measured>) => {
    const out: RequesterRecall[] = [];
    for (const id of ids) {
      const r = await measure(id, await how(id));
      if (r) out.push(r);
    }
    return out;
  };
  const sampled = await run(requesterIds, (id) => measureAsService(db, id));
  const offersOnly = await run(await pickRequesters(db, 'need_total = 0', oneWayCount), (id) => measureAsService(db, id));
  const needsOnly = await run(await pickRequesters(db, 'need_total > 0', oneWayCount), (id) => measureAsNeedsOnly(db, id, tax));
  const worst = [...sampled, ...offersOnly, ...needsOnly].sort((a, b) => a.recall - b.recall || a.scoreShare - b.scoreShare).slice(0, 5);
  return { ...summary(sampled), offersOnly: summary(offersOnly), needsOnly: summary(needsOnly), worst };
}

/** One line per requester of `worst`, to see which shape of requester the candidates fail. */
export function describeWorst(worst: RequesterRecall[]): string {
  return worst.map((r) => `  ${(r.recall * 100).toFixed(0)}% (score share ${(r.scoreShare * 100).toFixed(1)}%): ${r.path}, `
    + `${r.needs} open needs, ${r.offers} skills offered, ${r.candidates} candidates scored (${r.id})`).join('\n');
}
