// Candidate pruning for large pools (the API may pass thousands of orgs). The search is quadratic in the
// pool, so beyond PRUNE_ABOVE we keep only orgs that can matter: the top coverers of each required
// category, the best-aligned orgs (issue match, breadth of coverage), and the best community-based groups.
// Small pools are never pruned, so the quality measured against the exact optimum is the real one.
import { blocks } from './coalition-objective.js';
import type { CoalitionInput, EngineOrg } from '../types.js';
import { LEVEL_VALUE } from '../weights.js';

export const PRUNE_ABOVE = 80;
const PER_CATEGORY = 8;
const TOP_ALIGNED = 12;
const TOP_COMMUNITY = 6;

/** Drops orgs that clash with a must member or repeat an id, then prunes big pools. */
export function candidatePool(input: CoalitionInput): EngineOrg[] {
  const must = new Set(input.mustInclude);
  const mustOrgs = input.candidates.filter((o) => must.has(o.id));
  const seen = new Set<string>();
  const pool: EngineOrg[] = [];
  for (const o of input.candidates) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    if (mustOrgs.length > 0 && !must.has(o.id) && mustOrgs.some((m) => blocks(m, o))) continue;
    pool.push(o);
  }
  if (pool.length <= PRUNE_ABOVE) return pool;

  // Flat typed arrays instead of a profile object per org: at 100,000 orgs allocation and GC dominate.
  const n = pool.length;
  const catIndex = new Map(input.requiredCategoryIds.map((c, r) => [c, r]));
  const R = input.requiredCategoryIds.length;
  const levels = new Uint8Array(n * R);
  const total = new Uint16Array(n);
  const match = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const org = pool[i];
    for (const cap of org.capabilities) {
      const r = catIndex.get(cap.categoryId);
      const v = LEVEL_VALUE[cap.level];
      if (r !== undefined && v > levels[i * R + r]) {
        total[i] += v - levels[i * R + r];
        levels[i * R + r] = v;
      }
    }
    match[i] = input.issueAreaId !== null && org.issueAreaIds.includes(input.issueAreaId) ? 1 : 0;
  }
  const keep = new Set<string>(must);
  // Linear top-k selection (k is small) with ties broken by fewer pending requests, then id.
  const take = (score: (i: number) => number, count: number): void => {
    const topIdx: number[] = [];
    const topScore: number[] = [];
    const ahead = (i: number, s: number, j: number, t: number): boolean => {
      if (s !== t) return s > t;
      const pi = pool[i].pendingRequests;
      const pj = pool[j].pendingRequests;
      return pi !== pj ? pi < pj : pool[i].id < pool[j].id;
    };
    for (let i = 0; i < n; i++) {
      const s = score(i);
      if (s <= 0) continue;
      const len = topIdx.length;
      if (len === count && !ahead(i, s, topIdx[len - 1], topScore[len - 1])) continue;
      let pos = len === count ? count - 1 : len;
      while (pos > 0 && ahead(i, s, topIdx[pos - 1], topScore[pos - 1])) {
        topIdx[pos] = topIdx[pos - 1];
        topScore[pos] = topScore[pos - 1];
        pos--;
      }
      topIdx[pos] = i;
      topScore[pos] = s;
    }
    for (const i of topIdx) keep.add(pool[i].id);
  };
  for (let r = 0; r < R; r++) {
    // Level first, then issue match and breadth as tie-breakers (scaled so they never outrank a level).
    take((i) => (levels[i * R + r] > 0 ? levels[i * R + r] * 1000 + match[i] * 100 + total[i] : 0), PER_CATEGORY);
  }
  take((i) => total[i] * 10 + match[i] * 15 + Math.min(pool[i].issueAreaIds.length, 9), TOP_ALIGNED);
  take((i) => (pool[i].communityBased ? 1 + total[i] * 10 + match[i] * 15 : 0), TOP_COMMUNITY);
  return pool.filter((o) => keep.has(o.id));
}
