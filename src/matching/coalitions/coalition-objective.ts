// The ONE definition of what makes a coalition good. The heuristic (coalition-search.ts), the exact solver
// (src/matching/reference/exact-coalition.ts) and the public coalitionObjective all evaluate sets through
// objectiveOf below.
//
//   objective(S) =   COVERAGE * sum over required categories c of  max_{i in S} level(i, c)
//                                  (EXPERT 3, PROFICIENT 2, BASIC 1, 0 when nobody in S covers c)
//                  + cohesion(S)
//                  - EXTRA_MEMBER * max(0, |S| - minSize)                   (prefer lean coalitions)
//                  - IMBALANCE * max(0, L*(S) - max(1, floor(covered / 2)))  (no member leads most roles)
//   cohesion(S)  = [ sum over pairs {i, j} in S of  min(sharedIssueAreas(i, j), 3) + TRUSTED_PAIR * [i, j collaborated]
//                  + sum over i in S of  ISSUE_MATCH * [input.issueAreaId is one of i's issue areas] ] / max(1, |S| - 1)
//   The division by |S| - 1 makes cohesion a per-member average relationship: without it, every extra
//   like-minded org would raise the score (pairs grow quadratically) and coalitions would bloat with
//   members that add no capability. A member that adds no coverage gains less cohesion than EXTRA_MEMBER.
//   covered = number of required categories covered, and L*(S) = the smallest achievable maximum number
//   of covered categories led by one member when every covered category is led by a member holding the best
//   level for it (ties in level let roles spread; L* is computed exactly by a small capacitated matching).
//   Hard constraints (objective = -Infinity): minSize <= |S| <= maxSize, every mustInclude id present, no
//   dealbreaker pair in either direction (kind or org id), at least one community-based member when required.
// COVERAGE = 100 dominates: cohesion is at most (15 * 5 + 6 * 2) / 5 < 20 for six members, so one level of
// coverage is never traded for cohesion. (Being a ratio, this objective is solved exactly by branch and bound
// in src/matching/reference/exact-coalition.ts rather than by a linear MILP.)
import type { CoalitionInput, EngineOrg, TrustGraph } from '../types.js';
import { LEVEL_VALUE } from '../weights.js';

export const OBJECTIVE_WEIGHTS = {
  COVERAGE: 100,
  SHARED_ISSUE_CAP: 3,
  TRUSTED_PAIR: 2,
  ISSUE_MATCH: 2,
  EXTRA_MEMBER: 5,
  IMBALANCE: 15,
} as const;

/** Dense, index-based view of candidates so that evaluating a set is a few array reads. */
export interface CoalitionModel {
  orgs: EngineOrg[];
  n: number;
  categories: string[];
  /** R = categories.length; level value of org i for category r at lv[i * R + r] */
  lv: Uint8Array;
  /** symmetric pairwise affinity (shared issues + trust) at aff[i * n + j] */
  aff: Float64Array;
  /** issue-area match term per org */
  match: Float64Array;
  /** 1 when i and j may not be in the same coalition */
  conflict: Uint8Array;
  community: Uint8Array;
  must: Uint8Array;
  /** number of distinct mustInclude ids; a set is feasible only if it holds all of them */
  mustTotal: number;
  minSize: number;
  maxSize: number;
  requireCommunity: boolean;
  /** scratch buffers for evaluation (the engine is synchronous, so sharing them is safe) */
  scratchBest: Uint8Array;
  scratchMasks: Int32Array;
}

export function blocks(a: EngineOrg, b: EngineOrg): boolean {
  return (
    a.dealbreakerKinds.includes(b.kind) ||
    b.dealbreakerKinds.includes(a.kind) ||
    (a.dealbreakerOrgIds?.includes(b.id) ?? false) ||
    (b.dealbreakerOrgIds?.includes(a.id) ?? false)
  );
}

/** blocks() counting only the dealbreakers of organizations outside `hidden`. */
function knownBlocks(a: EngineOrg, b: EngineOrg, hidden: ReadonlySet<string>): boolean {
  const aRefuses = !hidden.has(a.id) && (a.dealbreakerKinds.includes(b.kind) || (a.dealbreakerOrgIds?.includes(b.id) ?? false));
  const bRefuses = !hidden.has(b.id) && (b.dealbreakerKinds.includes(a.kind) || (b.dealbreakerOrgIds?.includes(a.id) ?? false));
  return aRefuses || bRefuses;
}

export function bestLevel(org: EngineOrg, categoryId: string): number {
  let best = 0;
  for (const cap of org.capabilities) {
    if (cap.categoryId === categoryId && LEVEL_VALUE[cap.level] > best) best = LEVEL_VALUE[cap.level];
  }
  return best;
}

export function pairAffinity(a: EngineOrg, b: EngineOrg, trust: TrustGraph): number {
  let shared = 0;
  for (const id of a.issueAreaIds) if (b.issueAreaIds.includes(id)) shared++;
  const trusted = trust.collaborators.get(a.id)?.has(b.id) || trust.collaborators.get(b.id)?.has(a.id);
  return Math.min(shared, OBJECTIVE_WEIGHTS.SHARED_ISSUE_CAP) + (trusted ? OBJECTIVE_WEIGHTS.TRUSTED_PAIR : 0);
}

export function buildModel(orgs: EngineOrg[], input: CoalitionInput): CoalitionModel {
  const n = orgs.length;
  const categories = [...new Set(input.requiredCategoryIds)];
  const R = categories.length;
  const lv = new Uint8Array(n * R);
  const aff = new Float64Array(n * n);
  const match = new Float64Array(n);
  const conflict = new Uint8Array(n * n);
  const community = new Uint8Array(n);
  const must = new Uint8Array(n);
  const mustSet = new Set(input.mustInclude);
  const hiddenDealbreakers = new Set(input.privateDealbreakerIds ?? []);
  for (let i = 0; i < n; i++) {
    const o = orgs[i];
    for (let r = 0; r < R; r++) lv[i * R + r] = bestLevel(o, categories[r]);
    match[i] = input.issueAreaId !== null && o.issueAreaIds.includes(input.issueAreaId) ? OBJECTIVE_WEIGHTS.ISSUE_MATCH : 0;
    community[i] = o.communityBased ? 1 : 0;
    must[i] = mustSet.has(o.id) ? 1 : 0;
    for (let j = 0; j < i; j++) {
      const a = pairAffinity(o, orgs[j], input.trust);
      aff[i * n + j] = a;
      aff[j * n + i] = a;
      const bothMust = must[i] === 1 && mustSet.has(orgs[j].id);
      const c = (bothMust ? knownBlocks(o, orgs[j], hiddenDealbreakers) : blocks(o, orgs[j])) || o.id === orgs[j].id ? 1 : 0;
      conflict[i * n + j] = c;
      conflict[j * n + i] = c;
    }
  }
  return {
    orgs, n, categories, lv, aff, match, conflict, community, must,
    mustTotal: mustSet.size,
    minSize: input.minSize,
    maxSize: input.maxSize,
    requireCommunity: input.requireCommunityBased,
    scratchBest: new Uint8Array(R),
    scratchMasks: new Int32Array(R),
  };
}

/** Coverage level per category and, per category, the bitmask of positions in `idx` holding that level. */
function holders(model: CoalitionModel, idx: ArrayLike<number>, k: number, best: Uint8Array, masks: Int32Array): number {
  const R = model.categories.length;
  let covered = 0;
  for (let r = 0; r < R; r++) {
    let b = 0;
    let m = 0;
    for (let p = 0; p < k; p++) {
      const v = model.lv[idx[p] * R + r];
      if (v > b) { b = v; m = 1 << p; } else if (v === b && v > 0) m |= 1 << p;
    }
    best[r] = b;
    masks[r] = b > 0 ? m : 0;
    if (b > 0) covered++;
  }
  return covered;
}

/** Can every covered category get a leader among its holders with no member leading more than `cap`? */
function assignWithCap(masks: Int32Array, k: number, cap: number, lead: Int32Array): boolean {
  const R = masks.length;
  const load = new Int32Array(k);
  lead.fill(-1);
  const tryAssign = (r: number, seen: Uint8Array): boolean => {
    for (let p = 0; p < k; p++) {
      if ((masks[r] & (1 << p)) === 0 || seen[p]) continue;
      seen[p] = 1;
      if (load[p] < cap) { lead[r] = p; load[p]++; return true; }
      for (let r2 = 0; r2 < R; r2++) {
        if (lead[r2] === p && tryAssign(r2, seen)) { lead[r] = p; return true; }
      }
    }
    return false;
  };
  for (let r = 0; r < R; r++) {
    if (masks[r] !== 0 && !tryAssign(r, new Uint8Array(k))) return false;
  }
  return true;
}

/** Smallest feasible max load L* (and a matching leader per category, -1 = uncovered). */
export function balancedLeads(masks: Int32Array, k: number, covered: number, lead: Int32Array): number {
  if (covered === 0) { lead.fill(-1); return 0; }
  for (let cap = Math.max(1, Math.ceil(covered / k)); ; cap++) {
    if (assignWithCap(masks, k, cap, lead)) return cap;
  }
}

export function imbalanceExcess(masks: Int32Array, k: number, covered: number): number {
  const allowed = Math.max(1, Math.floor(covered / 2));
  // Cheap common case: nobody even holds more than `allowed` categories at the best level.
  let worst = 0;
  for (let p = 0; p < k; p++) {
    let c = 0;
    for (let r = 0; r < masks.length; r++) if (masks[r] & (1 << p)) c++;
    if (c > worst) worst = c;
  }
  if (worst <= allowed) return 0;
  const lead = new Int32Array(masks.length);
  return Math.max(0, balancedLeads(masks, k, covered, lead) - allowed);
}

/** Feasibility only (size, mustInclude, dealbreakers, community). */
export function isFeasible(model: CoalitionModel, idx: ArrayLike<number>, k: number): boolean {
  if (k < model.minSize || k > model.maxSize) return false;
  let mustCount = 0;
  let community = 0;
  for (let p = 0; p < k; p++) {
    const i = idx[p];
    mustCount += model.must[i];
    community |= model.community[i];
    for (let q = 0; q < p; q++) if (model.conflict[i * model.n + idx[q]]) return false;
  }
  if (mustCount !== model.mustTotal) return false;
  return !model.requireCommunity || community === 1;
}

/** Objective of the first k entries of idx (indices into model.orgs); -Infinity when infeasible. */
export function objectiveOf(model: CoalitionModel, idx: ArrayLike<number>, k: number): number {
  return isFeasible(model, idx, k) ? formulaOf(model, idx, k) : Number.NEGATIVE_INFINITY;
}

/**
 * The formula alone, without the hard constraints. The greedy construction uses it on partial sets
 * (smaller than minSize, or before the community member is added); everything final goes through objectiveOf.
 */
export function formulaOf(model: CoalitionModel, idx: ArrayLike<number>, k: number): number {
  const R = model.categories.length;
  const best = model.scratchBest;
  const masks = model.scratchMasks;
  const covered = holders(model, idx, k, best, masks);
  let coverage = 0;
  for (let r = 0; r < R; r++) coverage += best[r];
  return (
    OBJECTIVE_WEIGHTS.COVERAGE * coverage +
    cohesionOf(model, idx, k) -
    OBJECTIVE_WEIGHTS.EXTRA_MEMBER * Math.max(0, k - model.minSize) -
    OBJECTIVE_WEIGHTS.IMBALANCE * imbalanceExcess(masks, k, covered)
  );
}

/** Raw cohesion numerator: pair affinities plus issue matches (see the header). */
export function cohesionSum(model: CoalitionModel, idx: ArrayLike<number>, k: number): number {
  let sum = 0;
  for (let p = 0; p < k; p++) {
    const i = idx[p];
    sum += model.match[i];
    for (let q = 0; q < p; q++) sum += model.aff[i * model.n + idx[q]];
  }
  return sum;
}

export function cohesionOf(model: CoalitionModel, idx: ArrayLike<number>, k: number): number {
  return cohesionSum(model, idx, k) / Math.max(1, k - 1);
}

/** Leaders per category for reporting: best level, spread as evenly as ties allow. */
export function leadsOf(model: CoalitionModel, idx: ArrayLike<number>, k: number): { best: Uint8Array; lead: Int32Array; maxLoad: number; covered: number } {
  const R = model.categories.length;
  const best = new Uint8Array(R);
  const masks = new Int32Array(R);
  const covered = holders(model, idx, k, best, masks);
  const lead = new Int32Array(R);
  const maxLoad = balancedLeads(masks, k, covered, lead);
  return { best, lead, maxLoad, covered };
}

/** Public form: the objective of a member list for an input (members are EngineOrgs). */
export function coalitionObjective(members: EngineOrg[], input: CoalitionInput): number {
  const model = buildModel(members, input);
  const idx = members.map((_, i) => i);
  return objectiveOf(model, idx, idx.length);
}
