// Public partner functions. suggestPartners scores every candidate with the allocation-free core, keeps
// the top `limit` in a small sorted buffer, and builds reasons only for those.
import { buildSuggestion } from './partner-reasons.js';
import { createRequesterContext, emptyParts, isBlocked, scoreCandidate, type RequesterContext } from './partner-score.js';
import type { EngineOrg, PartnerSuggestion, ScoreOptions, ScoreParts, SuggestOptions, TrustGraph } from '../types.js';

/** Score of B as a partner for A, or null when a dealbreaker on either side excludes the pair. */
export function scorePair(a: EngineOrg, b: EngineOrg, trust: TrustGraph, opts?: ScoreOptions): PartnerSuggestion | null {
  const ctx = createRequesterContext(a, trust, opts);
  if (isBlocked(ctx, b)) return null;
  return buildSuggestion(ctx, b);
}

const DEFAULT_LIMIT = 20;

export function suggestPartners(
  requester: EngineOrg,
  candidates: EngineOrg[],
  trust: TrustGraph,
  opts: SuggestOptions = {},
): PartnerSuggestion[] {
  const limit = Math.max(0, Math.floor(opts.limit ?? DEFAULT_LIMIT));
  const minScore = opts.minScore ?? Number.NEGATIVE_INFINITY;
  if (limit === 0) return [];
  const ctx = createRequesterContext(requester, trust, opts);
  const parts = emptyParts();
  // Top-k by insertion into parallel arrays sorted by (score desc, id asc); k is small, so this beats a heap.
  const topScore: number[] = [];
  const topIdx: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const b = candidates[i];
    const score = eligibleScore(ctx, b, parts);
    if (score === null || score < minScore) continue;
    const n = topScore.length;
    if (n === limit && !better(score, b.id, topScore[n - 1], candidates[topIdx[n - 1]].id)) continue;
    let pos = n === limit ? n - 1 : n;
    while (pos > 0 && better(score, b.id, topScore[pos - 1], candidates[topIdx[pos - 1]].id)) {
      topScore[pos] = topScore[pos - 1];
      topIdx[pos] = topIdx[pos - 1];
      pos--;
    }
    topScore[pos] = score;
    topIdx[pos] = i;
  }
  return topIdx.map((i) => buildSuggestion(ctx, candidates[i]));
}

/** How many candidates suggestPartners would rank (no limit), without building any reasons. */
export function countPartners(requester: EngineOrg, candidates: EngineOrg[], trust: TrustGraph, opts: SuggestOptions = {}): number {
  const ctx = createRequesterContext(requester, trust, opts);
  const parts = emptyParts();
  const minScore = opts.minScore ?? Number.NEGATIVE_INFINITY;
  let count = 0;
  for (const b of candidates) {
    const score = eligibleScore(ctx, b, parts);
    if (score !== null && score >= minScore) count++;
  }
  return count;
}

/** The score, or null for the requester itself, a dealbreaker pair, or a pair with nothing to offer. */
function eligibleScore(ctx: RequesterContext, b: EngineOrg, parts: ScoreParts): number | null {
  if (b.id === ctx.org.id || isBlocked(ctx, b)) return null;
  const score = scoreCandidate(ctx, b, parts);
  // Zero benefit: nothing offered either way, no shared cause, no trust (or only distrust after poorly rated
  // work together). Proximity or language alone is no reason to introduce two organizations.
  if (parts.coveredByThem === 0 && parts.coversTheirNeeds === 0 && parts.sharedIssues === 0 && parts.trust <= 0) return null;
  return score;
}

function better(score: number, id: string, otherScore: number, otherId: string): boolean {
  return score > otherScore || (score === otherScore && id < otherId);
}
