// Exact optimum of coalitionObjective, for tests and the quality bench only (not for production sizes).
// Depth-first branch and bound over member sets in "combination" order. The bound at a node is admissible
// (never below the best completion), so pruning never loses the optimum:
//   coverage: each newcomer j adds at most g_j = sum_r max(0, level(j,r) - current(r)) levels (coverage is
//             submodular, so a group adds at most the sum of its members' gains), and never more than what
//             the remaining orgs can still reach per category;
//   cohesion: the numerator grows by at most match(j) + affinity to current members per newcomer, plus
//             maxAff per new pair, and is divided by the completion's own size - 1;
//   the size penalty is exact for each completion size t; the imbalance penalty (>= 0) is bounded by 0.
// Every evaluated set goes through objectiveOf, the same function the heuristic uses.
import { blocks, buildModel, cohesionSum, objectiveOf, OBJECTIVE_WEIGHTS, type CoalitionModel } from '../coalitions/coalition-objective.js';
import type { CoalitionInput, EngineOrg } from '../types.js';

export interface ExactResult {
  memberIds: string[];
  score: number;
  /** search nodes visited (for the bench) */
  nodes: number;
}

export function exactBestCoalition(input: CoalitionInput): ExactResult | null {
  const must = new Set(input.mustInclude);
  const mustOrgs = input.candidates.filter((o) => must.has(o.id));
  // Orgs in conflict with a must member can never be part of a feasible set.
  const seen = new Set<string>();
  const orgs: EngineOrg[] = [];
  for (const o of input.candidates) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    if (!must.has(o.id) && mustOrgs.some((m) => blocks(m, o))) continue;
    orgs.push(o);
  }
  const model = buildModel(orgs, input);
  const base: number[] = [];
  for (let i = 0; i < model.n; i++) if (model.must[i]) base.push(i);
  if (base.length !== model.mustTotal || base.length > model.maxSize || model.minSize > model.maxSize) return null;

  const R = model.categories.length;
  const potential = (i: number): number => {
    let s = 0;
    for (let r = 0; r < R; r++) s += model.lv[i * R + r];
    return OBJECTIVE_WEIGHTS.COVERAGE * s + model.match[i];
  };
  const order: number[] = [];
  for (let i = 0; i < model.n; i++) if (!model.must[i]) order.push(i);
  order.sort((x, y) => potential(y) - potential(x) || x - y);
  const m = order.length;

  // Suffix maxima over the order: best level per category and best pair affinity among orgs from pos on.
  const sufLv = new Uint8Array((m + 1) * R);
  const sufAff = new Float64Array(m + 1);
  const sufCommunity = new Uint8Array(m + 1);
  for (let pos = m - 1; pos >= 0; pos--) {
    const j = order[pos];
    for (let r = 0; r < R; r++) sufLv[pos * R + r] = Math.max(sufLv[(pos + 1) * R + r], model.lv[j * R + r]);
    let a = sufAff[pos + 1];
    for (let q = pos + 1; q < m; q++) a = Math.max(a, model.aff[j * model.n + order[q]]);
    sufAff[pos] = a;
    sufCommunity[pos] = sufCommunity[pos + 1] | model.community[j];
  }

  const state: SearchState = { model, order, sufLv, sufAff, sufCommunity, best: Number.NEGATIVE_INFINITY, bestSet: null, nodes: 0 };
  const cur = new Uint8Array(R);
  for (const i of base) for (let r = 0; r < R; r++) cur[r] = Math.max(cur[r], model.lv[i * R + r]);
  dfs(state, base.slice(), 0, cur);
  if (!state.bestSet) return null;
  const memberIds = state.bestSet.map((i) => model.orgs[i].id).sort();
  return { memberIds, score: state.best, nodes: state.nodes };
}

interface SearchState {
  model: CoalitionModel;
  order: number[];
  sufLv: Uint8Array;
  sufAff: Float64Array;
  sufCommunity: Uint8Array;
  best: number;
  bestSet: number[] | null;
  nodes: number;
}

function dfs(st: SearchState, set: number[], pos: number, cur: Uint8Array): void {
  const { model, order } = st;
  const n = model.n;
  const R = model.categories.length;
  const k = set.length;
  st.nodes++;
  if (k >= model.minSize) {
    const v = objectiveOf(model, set, k);
    if (v > st.best + 1e-9) { st.best = v; st.bestSet = set.slice(); }
  }
  const slots = model.maxSize - k;
  if (slots <= 0 || pos >= order.length) return;
  const hasCommunity = set.some((i) => model.community[i] === 1);
  if (model.requireCommunity && !hasCommunity && !st.sufCommunity[pos]) return;

  // Bound on any completion.
  let covered = 0;
  let capGain = 0;
  for (let r = 0; r < R; r++) {
    covered += cur[r];
    capGain += Math.max(0, st.sufLv[pos * R + r] - cur[r]);
  }
  const gains: number[] = [];
  const cohGains: number[] = [];
  for (let q = pos; q < order.length; q++) {
    const j = order[q];
    let blocked = false;
    let a = model.match[j];
    for (const i of set) {
      if (model.conflict[i * n + j]) { blocked = true; break; }
      a += model.aff[i * n + j];
    }
    if (blocked) continue;
    let g = 0;
    for (let r = 0; r < R; r++) g += Math.max(0, model.lv[j * R + r] - cur[r]);
    gains.push(OBJECTIVE_WEIGHTS.COVERAGE * g);
    cohGains.push(a);
  }
  if (gains.length === 0) return;
  gains.sort((x, y) => y - x);
  cohGains.sort((x, y) => y - x);
  const hereCoverage = OBJECTIVE_WEIGHTS.COVERAGE * covered;
  const hereCohesion = cohesionSum(model, set, k);
  let bound = Number.NEGATIVE_INFINITY;
  let sumG = 0;
  let sumA = 0;
  const tMax = Math.min(slots, gains.length);
  for (let t = 1; t <= tMax; t++) {
    sumG += gains[t - 1];
    sumA += cohGains[t - 1];
    if (k + t < model.minSize) continue;
    const coverageGain = Math.min(sumG, OBJECTIVE_WEIGHTS.COVERAGE * capGain);
    const cohesion = (hereCohesion + sumA + ((t * (t - 1)) / 2) * st.sufAff[pos]) / Math.max(1, k + t - 1);
    const b = hereCoverage + coverageGain + cohesion - OBJECTIVE_WEIGHTS.EXTRA_MEMBER * Math.max(0, k + t - model.minSize);
    if (b > bound) bound = b;
  }
  if (bound <= st.best + 1e-9) return;

  const next = new Uint8Array(R);
  for (let q = pos; q < order.length; q++) {
    const j = order[q];
    let blocked = false;
    for (const i of set) if (model.conflict[i * n + j]) { blocked = true; break; }
    if (blocked) continue;
    for (let r = 0; r < R; r++) next[r] = Math.max(cur[r], model.lv[j * R + r]);
    set.push(j);
    dfs(st, set, q + 1, next.slice());
    set.pop();
  }
}
