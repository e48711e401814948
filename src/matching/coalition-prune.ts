// Candidate pruning for large pools (the API may pass thousands of orgs). The search is quadratic in the
// pool, so beyond PRUNE_ABOVE we keep only orgs that can matter: the top coverers of each required
// category, the best-aligned orgs (issue match, breadth of coverage), and the best community-based groups.
// Small pools are never pruned, so the quality measured against the exact optimum is the real one.
import { blocks } from './coalition-objective.js';
import type { CoalitionInput, EngineOrg } from './types.js';
import { LEVEL_VALUE } from './weights.js';

export const PRUNE_ABOVE = 80;
const PER_CATEGORY = 8;
const TOP_ALIGNED = 12;
const TOP_COMMUNITY = 6;

interface Profile { org: EngineOrg; levels: Uint8Array; total: number; match: number }

/** Drops orgs that clash with a must member or repeat an id, then prunes big pools. */
export function candidatePool(input: CoalitionInput): EngineOrg[] {
  const must = new Set(input.mustInclude);
  const mustOrgs = input.candidates.filter((o) => must.has(o.id));
  const seen = new Set<string>();
  const pool: EngineOrg[] = [];
  for (const o of input.candidates) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    if (!must.has(o.id) && mustOrgs.some((m) => blocks(m, o))) continue;
    pool.push(o);
  }
  if (pool.length <= PRUNE_ABOVE) return pool;

  const catIndex = new Map(input.requiredCategoryIds.map((c, r) => [c, r]));
  const R = input.requiredCategoryIds.length;
  const profiles: Profile[] = pool.map((org) => {
    const levels = new Uint8Array(R);
    for (const cap of org.capabilities) {
      const r = catIndex.get(cap.categoryId);
      if (r !== undefined && LEVEL_VALUE[cap.level] > levels[r]) levels[r] = LEVEL_VALUE[cap.level];
    }
    let total = 0;
    for (let r = 0; r < R; r++) total += levels[r];
    const match = input.issueAreaId !== null && org.issueAreaIds.includes(input.issueAreaId) ? 1 : 0;
    return { org, levels, total, match };
  });
  const keep = new Set<string>(must);
  const take = (list: Profile[], score: (p: Profile) => number, count: number): void => {
    const sorted = list
      .filter((p) => score(p) > 0)
      .sort((x, y) => score(y) - score(x) || x.org.pendingRequests - y.org.pendingRequests || (x.org.id < y.org.id ? -1 : 1));
    for (const p of sorted.slice(0, count)) keep.add(p.org.id);
  };
  for (let r = 0; r < R; r++) {
    // Level first, then issue match and breadth as tie-breakers (scaled so they never outrank a level).
    take(profiles, (p) => (p.levels[r] > 0 ? p.levels[r] * 100 + p.match * 10 + p.total : 0), PER_CATEGORY);
  }
  take(profiles, (p) => p.total * 10 + p.match * 15 + p.org.issueAreaIds.length, TOP_ALIGNED);
  take(profiles.filter((p) => p.org.communityBased), (p) => 1 + p.total * 10 + p.match * 15, TOP_COMMUNITY);
  return pool.filter((o) => keep.has(o.id));
}
