// Numeric core of the partner score. Built for the hot loop of suggestPartners: everything about the
// requester is precomputed once (need/capability lookup maps, sets, scratch buffers), so scoring one
// candidate allocates nothing unless a trace is requested for building reasons (or the candidate has more
// needs than any before it, which grows the outward scratch once).
import { closenessFactor, rawDistanceKm } from '../geo.js';
import type { EngineOrg, PairHistory, PartnerWeights, ScoreOptions, ScoreParts, TrustGraph } from '../types.js';
import { EXACT_SKILL_MATCH, LEVEL_WEIGHT, PRIORITY_WEIGHT, SAME_CATEGORY_MATCH, resolveWeights } from '../weights.js';

// Module-level aliases: CommonJS output reads imports through export getters on every use, which shows up
// in the per-candidate loop; plain locals are read once.
const PW = PRIORITY_WEIGHT;
const LW = LEVEL_WEIGHT;
const EXACT = EXACT_SKILL_MATCH;
const RELATED = SAME_CATEGORY_MATCH;
const distanceOf = rawDistanceKm;
const closeness = closenessFactor;

export interface RequesterContext {
  org: EngineOrg;
  trust: TrustGraph;
  weights: PartnerWeights;
  /** the candidate's capabilities against the requester's open needs */
  inward: Direction;
  /** the requester's capabilities against the candidate's open needs */
  outward: Direction;
  needTotal: number;
  issues: Set<string>;
  languages: Set<string>;
  collaborators: ReadonlySet<string> | undefined;
  twoHop: Map<string, number>;
  blockedKinds: Set<string>;
  blockedIds: Set<string>;
}

/**
 * One direction of the need/capability match, held on the requester's side: the requester's needs
 * (inward) or capabilities (outward) that a candidate's capability or need is looked up in, and, as
 * scratch for the candidate being scored, the best pairing found per need.
 */
interface Direction {
  /** the requester's items are needs (inward) or capabilities (outward) */
  ofNeeds: boolean;
  /** the requester's items by skill and by category */
  bySkill: Map<string, number[]>;
  byCategory: Map<string, number[]>;
  /** per requester item: priority weight of a need, level weight of a capability */
  weight: Float64Array;
  /** per requester item: 1 if the need accepts remote help, or the capability is offered remotely */
  remote: Uint8Array;
  /** per need (the requester's inward, the candidate's outward): best value with locality, and its base value without */
  best: Float64Array;
  base: Float64Array;
  /** per need, only while a trace is filled: the winning capability, and 1 if it matched the exact skill */
  wonBy: Int32Array | null;
  wonExact: Uint8Array | null;
}

/** Which capability won each need; filled only when reasons are wanted. -1 = not covered. */
export interface ScoreTrace {
  /** per requester need: index into the candidate's capabilities, and whether it was an exact-skill match */
  inCap: Int32Array;
  inExact: Uint8Array;
  /** per candidate need: index into the requester's capabilities */
  outCap: Int32Array;
  outExact: Uint8Array;
  outValue: Float64Array;
  inValue: Float64Array;
  sharedIssueIds: string[];
  sharedLanguages: string[];
  friendIds: string[];
  /** They share a current coalition (and have not worked together directly). */
  coalition?: boolean;
  /** They collaborated. */
  direct: boolean;
  /** They exchanged skills (an offer request done, either way). */
  exchanged?: boolean;
  /** The direct part of trust (directTrust), and the mean of the requester's own ratings of their past work. */
  directTrust?: number;
  meanRating?: number | null;
  distanceKm: number | null;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The requester's needs or capabilities, indexed for lookup, with per-need scratch for `needs` needs. */
function direction<T extends { skillId: string; categoryId: string }>(
  items: readonly T[],
  ofNeeds: boolean,
  weightOf: (item: T) => number,
  remoteOf: (item: T) => boolean,
  needs: number,
): Direction {
  const bySkill = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  const weight = new Float64Array(items.length);
  const remote = new Uint8Array(items.length);
  items.forEach((item, i) => {
    push(bySkill, item.skillId, i);
    push(byCategory, item.categoryId, i);
    weight[i] = weightOf(item);
    remote[i] = remoteOf(item) ? 1 : 0;
  });
  return { ofNeeds, bySkill, byCategory, weight, remote, best: new Float64Array(needs), base: new Float64Array(needs), wonBy: null, wonExact: null };
}

export function createRequesterContext(org: EngineOrg, trust: TrustGraph, opts?: ScoreOptions): RequesterContext {
  const inward = direction(org.needs, true, (n) => PRIORITY_WEIGHT[n.priority], (n) => n.remoteOk, org.needs.length);
  // Outward scratch is per candidate need; it grows to the largest need list met (see resetScratch).
  const outward = direction(org.capabilities, false, (c) => LEVEL_WEIGHT[c.level], (c) => c.remote, 8);
  let needTotal = 0;
  for (let i = 0; i < inward.weight.length; i++) needTotal += inward.weight[i];
  return {
    org,
    trust,
    weights: resolveWeights(opts?.weights),
    inward,
    outward,
    needTotal,
    issues: new Set(org.issueAreaIds),
    languages: new Set(org.languages),
    collaborators: trust.collaborators.get(org.id),
    twoHop: twoHopCounts(org, trust),
    blockedKinds: new Set(org.dealbreakerKinds),
    blockedIds: new Set(org.dealbreakerOrgIds ?? []),
  };
}

/** Hard exclusion: a dealbreaker on either side, by kind or by org id. */
export function isBlocked(ctx: RequesterContext, b: EngineOrg): boolean {
  if (ctx.blockedKinds.has(b.kind) || ctx.blockedIds.has(b.id)) return true;
  if (b.dealbreakerKinds.includes(ctx.org.kind)) return true;
  return b.dealbreakerOrgIds !== undefined && b.dealbreakerOrgIds.includes(ctx.org.id);
}

export function emptyParts(): ScoreParts {
  return { coversTheirNeeds: 0, coveredByThem: 0, sharedIssues: 0, proximity: 0, language: 0, trust: 0, saturationPenalty: 0 };
}

/** Clears a direction's per-need scratch for `needs` needs and points its winners at the trace, if any. */
function resetScratch(d: Direction, needs: number, wonBy: Int32Array | undefined, wonExact: Uint8Array | undefined): void {
  if (d.best.length < needs) {
    d.best = new Float64Array(needs);
    d.base = new Float64Array(needs);
  }
  const { best, base } = d;
  for (let i = 0; i < needs; i++) { best[i] = 0; base[i] = 0; }
  d.wonBy = wonBy ?? null;
  d.wonExact = wonExact ?? null;
}

/**
 * Pairs the candidate's item `item` (a capability inward, a need outward; weighing `weight`) with the
 * requester's items `hits` that match it at strength `match`, and keeps the best pairing per need. A pairing
 * is worth priority × level × match, times the locality factor `loc` unless the capability is offered
 * remotely or the need accepts remote help.
 */
function offer(d: Direction, hits: number[] | undefined, match: number, item: number, weight: number, remote: boolean, loc: number): void {
  if (hits === undefined) return;
  const { ofNeeds, weight: weights, remote: remotes, best, base: bases, wonBy } = d;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    const base = weights[h] * weight * match;
    const v = remote || remotes[h] === 1 ? base : base * loc;
    const need = ofNeeds ? h : item;
    if (v > best[need]) {
      best[need] = v;
      bases[need] = base;
      if (wonBy !== null) {
        wonBy[need] = ofNeeds ? item : h;
        d.wonExact![need] = match === EXACT ? 1 : 0;
      }
    }
  }
}

/** Fills `parts` and returns the score. Dealbreakers are NOT checked here (see isBlocked). */
export function scoreCandidate(ctx: RequesterContext, b: EngineOrg, parts: ScoreParts, trace?: ScoreTrace): number {
  const a = ctx.org;
  const km = distanceOf(a, b);
  const loc = closeness(km, a, b);
  const { inward, outward } = ctx;
  const caps = b.capabilities;
  const needs = b.needs;
  resetScratch(inward, a.needs.length, trace?.inCap, trace?.inExact);
  resetScratch(outward, needs.length, trace?.outCap, trace?.outExact);

  // Inward: the best of the candidate's capabilities for each of the requester's open needs.
  for (let c = 0; c < caps.length; c++) {
    const cap = caps[c];
    const lw = LW[cap.level];
    offer(inward, inward.bySkill.get(cap.skillId), EXACT, c, lw, cap.remote, loc);
    offer(inward, inward.byCategory.get(cap.categoryId), RELATED, c, lw, cap.remote, loc);
  }
  // Outward: the best of the requester's capabilities for each of the candidate's open needs.
  let outTotal = 0;
  for (let n = 0; n < needs.length; n++) {
    const need = needs[n];
    const pw = PW[need.priority];
    outTotal += pw;
    offer(outward, outward.bySkill.get(need.skillId), EXACT, n, pw, need.remoteOk, loc);
    offer(outward, outward.byCategory.get(need.categoryId), RELATED, n, pw, need.remoteOk, loc);
  }
  let gotIn = 0;
  let gotOut = 0;
  let baseSum = 0;
  const { best: inBest, base: inBase } = inward;
  const { best: outBest, base: outBase } = outward;
  for (let i = 0; i < inBest.length; i++) { gotIn += inBest[i]; baseSum += inBase[i]; }
  for (let n = 0; n < needs.length; n++) { gotOut += outBest[n]; baseSum += outBase[n]; }
  if (trace) {
    trace.inValue.set(inward.best.subarray(0, a.needs.length));
    trace.outValue.set(outward.best.subarray(0, needs.length));
  }

  const coveredByThem = ctx.needTotal > 0 ? gotIn / ctx.needTotal : 0;
  const coversTheirNeeds = outTotal > 0 ? gotOut / outTotal : 0;
  // Closeness of the matched benefit: needs met remotely count as fully close, so distance never
  // penalises remote help; with nothing matched, plain closeness still favours neighbours a little.
  const proximity = baseSum > 0 ? (gotIn + gotOut) / baseSum : loc;

  let shared = 0;
  const issues = b.issueAreaIds;
  for (let i = 0; i < issues.length; i++) {
    if (ctx.issues.has(issues[i])) { shared++; if (trace) trace.sharedIssueIds.push(issues[i]); }
  }
  let language = 0;
  for (let i = 0; i < b.languages.length; i++) {
    if (ctx.languages.has(b.languages[i])) { language = 1; if (trace) trace.sharedLanguages.push(b.languages[i]); }
  }

  const trustValue = trustScore(ctx, b, trace);
  const w = ctx.weights;
  parts.coversTheirNeeds = coversTheirNeeds;
  parts.coveredByThem = coveredByThem;
  parts.sharedIssues = Math.min(shared, 3) / 3;
  parts.proximity = proximity;
  parts.language = language;
  parts.trust = trustValue;
  parts.saturationPenalty = w.saturation * Math.log1p(Math.max(0, b.pendingRequests));
  if (trace) trace.distanceKm = km;

  // Mutual benefit: the mean of both directions plus a geometric-mean bonus, so that benefit split both
  // ways beats the same total flowing one way only.
  const benefit = 0.5 * (coveredByThem + coversTheirNeeds) + w.mutualBonus * Math.sqrt(coveredByThem * coversTheirNeeds);
  return (
    w.needs * benefit +
    w.sharedIssues * parts.sharedIssues +
    w.proximity * proximity +
    w.language * language +
    w.trust * trustValue -
    parts.saturationPenalty
  );
}

/** Trust from a shared current coalition when the pair has not (yet) worked together directly. */
export const COALITION_TRUST = 0.5;

/** Trust from having worked together (a collaboration, or a skill exchange done either way), before feedback. */
export const WORKED_TRUST = 0.6;

/** How far the requester's own ratings move the worked-together trust, at full confidence. */
export const FEEDBACK_SWING = 0.8;

/**
 * What the requester's own ratings of its past work with a candidate do to trust: the mean m of its n ratings
 * (1..5) gives f = (m - 3) / 2 in -1..1, weighed by a confidence c = n / (n + 1) that grows with the number of
 * ratings; the shift is FEEDBACK_SWING x f x c. One rating of 4 lifts the worked-together 0.6 to 0.8 and one of 5
 * to 1.0; one of 1 lowers it to 0.2, three of 1 to 0.0 (no better than strangers), many of 1 towards -0.2 (worse
 * than strangers); a 3 is neutral, and no rating leaves 0.6.
 */
export function feedbackShift(history: PairHistory | undefined): number {
  if (!history || history.ratingCount === 0) return 0;
  const f = (history.ratingSum / history.ratingCount - 3) / 2;
  return FEEDBACK_SWING * f * (history.ratingCount / (history.ratingCount + 1));
}

/**
 * The direct part of trust: WORKED_TRUST plus the feedback shift when the two worked together, else
 * COALITION_TRUST when they share a current coalition, else 0.
 */
export function directTrust(worked: boolean, coalition: boolean, history: PairHistory | undefined): number {
  if (worked) return WORKED_TRUST + feedbackShift(history);
  return coalition ? COALITION_TRUST : 0;
}

/**
 * Trust, from the requester's side only (documented in README, "Partner score: trust"):
 *   trust = min(1, directTrust + 0.4 x min(friends in common, 3) / 3)
 * where friends in common are organizations both collaborated with. Poor exchanges can take it below 0.
 */
function trustScore(ctx: RequesterContext, b: EngineOrg, trace?: ScoreTrace): number {
  const mine = ctx.collaborators;
  const history = ctx.trust.history?.get(b.id);
  const worked = (mine?.has(b.id) ?? false) || (history?.exchanged ?? false);
  const coalition = !worked && (ctx.trust.coalitionPeers?.has(b.id) ?? false);
  const direct = directTrust(worked, coalition, history);
  // Two-hop counts were precomputed from the requester's side, so this is one small-map lookup instead of
  // a lookup in the (large) global graph plus a set intersection per candidate.
  const friends = mine && mine.size > 0 ? ctx.twoHop.get(b.id) ?? 0 : 0;
  if (trace) {
    trace.direct = mine?.has(b.id) ?? false;
    trace.exchanged = history?.exchanged ?? false;
    trace.coalition = coalition;
    trace.directTrust = direct;
    trace.meanRating = history && history.ratingCount > 0 ? history.ratingSum / history.ratingCount : null;
    const theirs = ctx.trust.collaborators.get(b.id);
    if (mine && theirs) for (const id of mine) if (id !== b.id && theirs.has(id)) trace.friendIds.push(id);
  }
  return Math.min(1, direct + (0.4 * Math.min(friends, 3)) / 3);
}

/** For every org two hops away: how many of the requester's collaborators it has worked with. */
function twoHopCounts(org: EngineOrg, trust: TrustGraph): Map<string, number> {
  const counts = new Map<string, number>();
  const mine = trust.collaborators.get(org.id);
  if (!mine) return counts;
  for (const friend of mine) {
    const theirs = trust.collaborators.get(friend);
    if (!theirs) continue;
    for (const x of theirs) if (x !== org.id && x !== friend) counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  return counts;
}

export function newTrace(a: EngineOrg, b: EngineOrg): ScoreTrace {
  return {
    inCap: new Int32Array(a.needs.length).fill(-1),
    inExact: new Uint8Array(a.needs.length),
    inValue: new Float64Array(a.needs.length),
    outCap: new Int32Array(b.needs.length).fill(-1),
    outExact: new Uint8Array(b.needs.length),
    outValue: new Float64Array(b.needs.length),
    sharedIssueIds: [],
    sharedLanguages: [],
    friendIds: [],
    direct: false,
    distanceKm: null,
  };
}
