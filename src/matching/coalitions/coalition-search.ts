// Heuristic search for good coalitions: greedy construction from many seeds, then best-improvement local
// search with add / drop / 1-swap moves, then pair-swaps (2-for-2) on the best local optima to escape the
// traps a single swap cannot (e.g. two members that only pay off together). Fully deterministic.
// An optional deadline (the request's work budget) is checked in every loop: when it passes, each phase stops
// with the best feasible set it holds, and the result says it is incomplete. Without a deadline, or when the
// search ends before it, nothing changes: the same sets in the same order.
import { formulaOf, objectiveOf, type CoalitionModel } from './coalition-objective.js';

export interface SearchResult {
  idx: number[];
  value: number;
}

export interface SearchOptions {
  /** subtracted from the objective (used to push later alternatives away from earlier ones) */
  penalty?: (idx: number[]) => number;
  /** how many best local optima get the (expensive) pair-swap phase */
  pairSwapTop?: number;
  /** how many single-org seeds to try besides the must-only seed (default: all; lower only for ablations) */
  seedLimit?: number;
  /** skip the add/drop/swap local search (ablations only) */
  noLocalSearch?: boolean;
  /**
   * performance.now() value after which the search stops and returns what it has (the first seed's greedy
   * construction always runs, so a feasible coalition is found whenever a cheap one exists).
   */
  deadline?: number;
  /**
   * Asked when the deadline passes: a later deadline to go on (e.g. the thread had less CPU time than the wall
   * time suggests), or undefined to stop.
   */
  extendDeadline?: (now: number) => number | undefined;
}

export interface SearchOutcome {
  results: SearchResult[];
  /** false when the deadline stopped the search before it finished */
  complete: boolean;
}

/** Sticky deadline check, reading the clock only every 64th call (an evaluation costs about a microsecond). */
class Budget {
  expired = false;
  private ticks = 0;
  constructor(
    private deadline: number | undefined,
    private readonly extend?: (now: number) => number | undefined,
  ) {}
  /** Cheap enough for inner loops. */
  tick(): boolean {
    if (this.expired) return true;
    if (this.deadline === undefined || (++this.ticks & 63) !== 0) return false;
    return this.now();
  }
  /** Reads the clock now (between phases). */
  now(): boolean {
    if (this.expired || this.deadline === undefined) return this.expired;
    const now = performance.now();
    if (now <= this.deadline) return false;
    const later = this.extend?.(now);
    if (later !== undefined && later > now) this.deadline = later;
    else this.expired = true;
    return this.expired;
  }
}

const keyOf = (idx: number[]): string => [...idx].sort((x, y) => x - y).join(',');

export function searchCoalitions(model: CoalitionModel, opts: SearchOptions = {}): SearchResult[] {
  return searchCoalitionsWithin(model, opts).results;
}

/** searchCoalitions, also telling whether the deadline cut it short. */
export function searchCoalitionsWithin(model: CoalitionModel, opts: SearchOptions = {}): SearchOutcome {
  const n = model.n;
  const base: number[] = [];
  const none: SearchOutcome = { results: [], complete: true };
  for (let i = 0; i < n; i++) if (model.must[i]) base.push(i);
  if (base.length !== model.mustTotal || base.length > model.maxSize) return none;
  for (let p = 0; p < base.length; p++) for (let q = 0; q < p; q++) if (model.conflict[base[p] * n + base[q]]) return none;
  const budget = new Budget(opts.deadline, opts.extendDeadline);

  // Orgs that can ever join: not a must member, no dealbreaker with a must member.
  const free: number[] = [];
  for (let i = 0; i < n; i++) {
    if (model.must[i]) continue;
    if (base.some((m) => model.conflict[i * n + m])) continue;
    free.push(i);
  }
  const penalty = opts.penalty ?? (() => 0);
  const value = (idx: number[]): number => {
    const v = objectiveOf(model, idx, idx.length);
    return v === Number.NEGATIVE_INFINITY ? v : v - penalty(idx);
  };

  const optima = new Map<string, SearchResult>();
  const startsSeen = new Set<string>();
  const seeds: number[][] = [base.slice()];
  if (base.length < model.maxSize) for (const i of free.slice(0, opts.seedLimit ?? free.length)) seeds.push([...base, i]);

  for (let s = 0; s < seeds.length; s++) {
    if (s > 0 && budget.now()) break;
    const start = greedy(model, seeds[s], free, penalty, value);
    if (!start) continue;
    const startKey = keyOf(start.idx);
    if (startsSeen.has(startKey)) continue;
    startsSeen.add(startKey);
    const local = opts.noLocalSearch ? start : localSearch(model, start, free, value, budget);
    optima.set(keyOf(local.idx), local);
  }

  const ranked = [...optima.values()].sort(compareResults);
  const top = ranked.slice(0, opts.pairSwapTop ?? 4);
  for (const r of top) {
    if (budget.now()) break;
    let cur = r;
    for (;;) {
      const next = pairSwap(model, cur, free, value, budget);
      if (!next) break;
      cur = localSearch(model, next, free, value, budget);
      if (budget.expired) break;
    }
    optima.set(keyOf(cur.idx), cur);
  }
  return { results: [...optima.values()].sort(compareResults), complete: !budget.expired };
}

function compareResults(a: SearchResult, b: SearchResult): number {
  if (b.value !== a.value) return b.value - a.value;
  const ka = keyOf(a.idx);
  const kb = keyOf(b.idx);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function conflicts(model: CoalitionModel, idx: number[], j: number): boolean {
  for (const i of idx) if (model.conflict[i * model.n + j]) return true;
  return false;
}

/**
 * Add the best next member until maxSize, judging partial sets by the plain formula; keep the best
 * feasible prefix. When a community member is required and still missing, the last slot goes to one.
 */
function greedy(
  model: CoalitionModel,
  seed: number[],
  free: number[],
  penalty: (idx: number[]) => number,
  value: (idx: number[]) => number,
): SearchResult | null {
  for (let p = 0; p < seed.length; p++) for (let q = 0; q < p; q++) if (model.conflict[seed[p] * model.n + seed[q]]) return null;
  const cur = seed.slice();
  let best: SearchResult | null = null;
  const consider = (): void => {
    const v = value(cur);
    if (v > Number.NEGATIVE_INFINITY && (!best || v > best.value)) best = { idx: cur.slice(), value: v };
  };
  consider();
  while (cur.length < model.maxSize) {
    const hasCommunity = cur.some((i) => model.community[i] === 1);
    const mustPickCommunity = model.requireCommunity && !hasCommunity && cur.length === model.maxSize - 1;
    let pick = -1;
    let pickValue = Number.NEGATIVE_INFINITY;
    for (const j of free) {
      if (cur.includes(j) || conflicts(model, cur, j)) continue;
      if (mustPickCommunity && model.community[j] === 0) continue;
      cur.push(j);
      const v = formulaOf(model, cur, cur.length) - penalty(cur);
      cur.pop();
      if (v > pickValue) { pickValue = v; pick = j; }
    }
    if (pick < 0) break;
    cur.push(pick);
    consider();
  }
  return best;
}

/**
 * Best-improvement local search over add, drop and 1-swap moves; must members never move. Past the deadline it
 * takes the best move seen in the current round (if any) and stops.
 */
function localSearch(model: CoalitionModel, start: SearchResult, free: number[], value: (idx: number[]) => number, budget: Budget): SearchResult {
  let cur = start.idx.slice();
  let curValue = start.value;
  for (;;) {
    let bestMove: number[] | null = null;
    let bestValue = curValue;
    const inSet = new Uint8Array(model.n);
    for (const i of cur) inSet[i] = 1;
    const tryMove = (cand: number[]): void => {
      budget.tick();
      const v = value(cand);
      if (v > bestValue + 1e-9) { bestValue = v; bestMove = cand; }
    };
    if (cur.length < model.maxSize) {
      for (const j of free) if (!inSet[j]) tryMove([...cur, j]);
    }
    for (let p = 0; p < cur.length; p++) {
      if (model.must[cur[p]]) continue;
      if (cur.length > model.minSize) tryMove(cur.filter((_, q) => q !== p));
      const swapped = cur.slice();
      for (const j of free) {
        if (inSet[j]) continue;
        if (budget.tick()) break;
        swapped[p] = j;
        const v = value(swapped);
        if (v > bestValue + 1e-9) { bestValue = v; bestMove = swapped.slice(); }
      }
    }
    if (!bestMove) return { idx: cur, value: curValue };
    cur = bestMove;
    curValue = bestValue;
    if (budget.expired) return { idx: cur, value: curValue };
  }
}

/**
 * Best improving 2-for-2 exchange (removable pairs x outsider pairs), or null at a pair-swap optimum. Past the
 * deadline: the best exchange seen so far, or null.
 */
function pairSwap(model: CoalitionModel, start: SearchResult, free: number[], value: (idx: number[]) => number, budget: Budget): SearchResult | null {
  const cur = start.idx;
  const inSet = new Uint8Array(model.n);
  for (const i of cur) inSet[i] = 1;
  const out = free.filter((j) => !inSet[j]);
  const cand = cur.slice();
  let best: SearchResult | null = null;
  for (let p = 0; p < cur.length; p++) {
    if (model.must[cur[p]]) continue;
    for (let q = p + 1; q < cur.length; q++) {
      if (model.must[cur[q]]) continue;
      for (let u = 0; u < out.length; u++) {
        cand[p] = out[u];
        for (let w = u + 1; w < out.length; w++) {
          if (budget.tick()) return best;
          cand[q] = out[w];
          const v = value(cand);
          if (v > (best ? best.value : start.value) + 1e-9) best = { idx: cand.slice(), value: v };
        }
      }
      cand[p] = cur[p];
      cand[q] = cur[q];
    }
  }
  return best;
}
