// Numeric core of the partner score. Built for the hot loop of suggestPartners: everything about the
// requester is precomputed once (need/capability lookup maps, sets, scratch buffers), so scoring one
// candidate allocates nothing unless a trace is requested for building reasons.
import { closenessFactor, rawDistanceKm } from '../geo.js';
import type { EngineOrg, PartnerWeights, ScoreOptions, ScoreParts, TrustGraph } from '../types.js';
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
  needBySkill: Map<string, number[]>;
  needByCategory: Map<string, number[]>;
  needPriority: Float64Array;
  needRemoteOk: Uint8Array;
  needTotal: number;
  capsBySkill: Map<string, number[]>;
  capsByCategory: Map<string, number[]>;
  capLevel: Float64Array;
  capRemote: Uint8Array;
  issues: Set<string>;
  languages: Set<string>;
  collaborators: ReadonlySet<string> | undefined;
  twoHop: Map<string, number>;
  blockedKinds: Set<string>;
  blockedIds: Set<string>;
  /** scratch: best value (with locality) and its base value (without) per requester need */
  bestIn: Float64Array;
  baseIn: Float64Array;
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
  direct: boolean;
  distanceKm: number | null;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function createRequesterContext(org: EngineOrg, trust: TrustGraph, opts?: ScoreOptions): RequesterContext {
  const needBySkill = new Map<string, number[]>();
  const needByCategory = new Map<string, number[]>();
  const needPriority = new Float64Array(org.needs.length);
  const needRemoteOk = new Uint8Array(org.needs.length);
  let needTotal = 0;
  org.needs.forEach((n, i) => {
    push(needBySkill, n.skillId, i);
    push(needByCategory, n.categoryId, i);
    needPriority[i] = PRIORITY_WEIGHT[n.priority];
    needRemoteOk[i] = n.remoteOk ? 1 : 0;
    needTotal += needPriority[i];
  });
  const capsBySkill = new Map<string, number[]>();
  const capsByCategory = new Map<string, number[]>();
  const capLevel = new Float64Array(org.capabilities.length);
  const capRemote = new Uint8Array(org.capabilities.length);
  org.capabilities.forEach((c, i) => {
    push(capsBySkill, c.skillId, i);
    push(capsByCategory, c.categoryId, i);
    capLevel[i] = LEVEL_WEIGHT[c.level];
    capRemote[i] = c.remote ? 1 : 0;
  });
  return {
    org,
    trust,
    weights: resolveWeights(opts?.weights),
    needBySkill,
    needByCategory,
    needPriority,
    needRemoteOk,
    needTotal,
    capsBySkill,
    capsByCategory,
    capLevel,
    capRemote,
    issues: new Set(org.issueAreaIds),
    languages: new Set(org.languages),
    collaborators: trust.collaborators.get(org.id),
    twoHop: twoHopCounts(org, trust),
    blockedKinds: new Set(org.dealbreakerKinds),
    blockedIds: new Set(org.dealbreakerOrgIds ?? []),
    bestIn: new Float64Array(org.needs.length),
    baseIn: new Float64Array(org.needs.length),
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

/** Fills `parts` and returns the score. Dealbreakers are NOT checked here (see isBlocked). */
export function scoreCandidate(ctx: RequesterContext, b: EngineOrg, parts: ScoreParts, trace?: ScoreTrace): number {
  const a = ctx.org;
  const km = distanceOf(a, b);
  const loc = closeness(km, a, b);
  const bestIn = ctx.bestIn;
  const baseIn = ctx.baseIn;
  bestIn.fill(0);
  baseIn.fill(0);

  // Direction 1: the candidate's capabilities against the requester's open needs (best capability per need).
  const caps = b.capabilities;
  for (let c = 0; c < caps.length; c++) {
    const cap = caps[c];
    const lw = LW[cap.level];
    const exact = ctx.needBySkill.get(cap.skillId);
    if (exact) {
      for (let k = 0; k < exact.length; k++) {
        const ni = exact[k];
        const base = ctx.needPriority[ni] * lw * EXACT;
        const v = cap.remote || ctx.needRemoteOk[ni] === 1 ? base : base * loc;
        if (v > bestIn[ni]) {
          bestIn[ni] = v;
          baseIn[ni] = base;
          if (trace) { trace.inCap[ni] = c; trace.inExact[ni] = 1; }
        }
      }
    }
    const related = ctx.needByCategory.get(cap.categoryId);
    if (related) {
      for (let k = 0; k < related.length; k++) {
        const ni = related[k];
        const base = ctx.needPriority[ni] * lw * RELATED;
        const v = cap.remote || ctx.needRemoteOk[ni] === 1 ? base : base * loc;
        if (v > bestIn[ni]) {
          bestIn[ni] = v;
          baseIn[ni] = base;
          if (trace) { trace.inCap[ni] = c; trace.inExact[ni] = 0; }
        }
      }
    }
  }
  let gotIn = 0;
  let baseSum = 0;
  for (let ni = 0; ni < bestIn.length; ni++) {
    gotIn += bestIn[ni];
    baseSum += baseIn[ni];
    if (trace) trace.inValue[ni] = bestIn[ni];
  }

  // Direction 2: the requester's capabilities against the candidate's open needs.
  const needs = b.needs;
  let gotOut = 0;
  let outTotal = 0;
  for (let n = 0; n < needs.length; n++) {
    const need = needs[n];
    const pw = PW[need.priority];
    outTotal += pw;
    let best = 0;
    let bestBase = 0;
    const exact = ctx.capsBySkill.get(need.skillId);
    if (exact) {
      for (let k = 0; k < exact.length; k++) {
        const ci = exact[k];
        const base = pw * ctx.capLevel[ci] * EXACT;
        const v = ctx.capRemote[ci] === 1 || need.remoteOk ? base : base * loc;
        if (v > best) { best = v; bestBase = base; if (trace) { trace.outCap[n] = ci; trace.outExact[n] = 1; } }
      }
    }
    const related = ctx.capsByCategory.get(need.categoryId);
    if (related) {
      for (let k = 0; k < related.length; k++) {
        const ci = related[k];
        const base = pw * ctx.capLevel[ci] * RELATED;
        const v = ctx.capRemote[ci] === 1 || need.remoteOk ? base : base * loc;
        if (v > best) { best = v; bestBase = base; if (trace) { trace.outCap[n] = ci; trace.outExact[n] = 0; } }
      }
    }
    gotOut += best;
    baseSum += bestBase;
    if (trace) trace.outValue[n] = best;
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

/** Direct collaboration counts most; friends in common (orgs both worked with) add up to a cap. */
function trustScore(ctx: RequesterContext, b: EngineOrg, trace?: ScoreTrace): number {
  const mine = ctx.collaborators;
  if (!mine || mine.size === 0) return 0;
  const direct = mine.has(b.id);
  // Two-hop counts were precomputed from the requester's side, so this is one small-map lookup instead of
  // a lookup in the (large) global graph plus a set intersection per candidate.
  const friends = ctx.twoHop.get(b.id) ?? 0;
  if (trace) {
    trace.direct = direct;
    const theirs = ctx.trust.collaborators.get(b.id);
    if (theirs) for (const id of mine) if (id !== b.id && theirs.has(id)) trace.friendIds.push(id);
  }
  return Math.min(1, (direct ? 0.6 : 0) + (0.4 * Math.min(friends, 3)) / 3);
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
