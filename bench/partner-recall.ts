import type { DataSource } from 'typeorm';
import { Viewer } from '../src/core/viewer.js';
import { MembershipRole } from '../src/core/enums.js';
import { createLogger } from '../src/core/logger.js';
import { createContext } from '../src/api/request-context.js';
import { suggestPartners } from '../src/matching/index.js';
import { anonymousEngineView } from '../src/privacy/anonymous-card.js';
import { loadTaxonomy, MATCH_ORG_COLUMNS, MATCH_PROFILE_JOIN, toMatchOrg, type MatchOrg } from '../src/suggestions/engine-orgs.js';
import { partnerCandidates } from '../src/suggestions/partner-suggestion.service.js';

// How much the candidate tiers miss: for each sampled requester, the top 20 the service returns against the
// top 20 of the same engine run over EVERY organization the requester's member may be suggested (100,000 at
// bench scale, loaded once). Recall is the share of the exact top 20 found (ties at the 20th score count); the score share is the sum of the
// returned scores over the sum of the exact top scores (1.0 when the ranking is as good, even if ties differ).

export interface RecallResult {
  requesters: number;
  meanRecall: number;
  worstRecall: number;
  meanScoreShare: number;
  worstScoreShare: number;
}

const TOP = 20;

export async function runPartnerRecall(db: DataSource, requesterIds: string[]): Promise<RecallResult> {
  const tax = await loadTaxonomy(db, { fresh: true });
  // Suggestable to a signed-in member of another organization: PUBLIC, NETWORK and opted-in PRIVATE ones.
  const rows = await db.query(`SELECT ${MATCH_ORG_COLUMNS} FROM organizations o ${MATCH_PROFILE_JOIN}
    WHERE o.visibility IN ('PUBLIC', 'NETWORK') OR (o.visibility = 'PRIVATE' AND o.anonymous_suggestions)`);
  // The same view the service gives the engine: opted-in PRIVATE organizations reduced to their anonymous card.
  const everyone = rows.map((row: Parameters<typeof toMatchOrg>[0]) => toMatchOrg(row, tax))
    .map((o: MatchOrg) => (o.visibility === 'PRIVATE' ? anonymousEngineView(o) : o));
  const recalls: number[] = [];
  const shares: number[] = [];
  for (const id of requesterIds) {
    const viewer = new Viewer('00000000-0000-4000-8000-000000000000', false, new Map([[id, MembershipRole.MEMBER]]), null);
    const ctx = createContext({ db, viewer, requestId: 'recall', log: createLogger('silent') });
    const { requester, candidates, trust } = await partnerCandidates(ctx, id, {});
    const exact = suggestPartners(requester, everyone.filter((o: { id: string }) => o.id !== id), trust, { limit: TOP });
    if (exact.length === 0) continue;
    const found = suggestPartners(requester, candidates, trust, { limit: TOP });
    const exactIds = new Set(exact.map((s) => s.orgId));
    // Tie-aware: many organizations can share the 20th score exactly, so one counts as found when it is in
    // the exact top 20 or scores at least as high as the exact 20th.
    const floor = exact[exact.length - 1].score - 1e-9;
    recalls.push(found.filter((s) => exactIds.has(s.orgId) || s.score >= floor).length / exact.length);
    const sum = (xs: { score: number }[]) => xs.reduce((acc, s) => acc + s.score, 0);
    shares.push(Math.min(1, sum(found) / sum(exact)));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    requesters: recalls.length,
    meanRecall: mean(recalls),
    worstRecall: Math.min(...recalls),
    meanScoreShare: mean(shares),
    worstScoreShare: Math.min(...shares),
  };
}
