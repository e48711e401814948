// Public coalition functions: several distinct good coalitions with their coverage matrix, gaps, balance
// and reasons, plus outside orgs that could fill the gaps.
import { blocks, buildModel, cohesionOf, leadsOf, type CoalitionModel } from './coalition-objective.js';
import { candidatePool } from './coalition-prune.js';
import { searchCoalitionsWithin, type SearchResult } from './coalition-search.js';
import { issueName } from '../labels.js';
import type { CoalitionAlternative, CoalitionInput, CoverageCell, EngineOrg, GapFillers, Reason } from '../types.js';
import { LEVEL_BY_VALUE, LEVEL_VALUE } from '../weights.js';

/** Share of members a later alternative must NOT share with each earlier one. */
const MIN_DIFFERENCE = 0.4;
const OVERLAP_PENALTY = 10_000;

function requiredDifference(size: number, mustCount: number): number {
  return Math.max(1, Math.min(Math.ceil(MIN_DIFFERENCE * size), size - mustCount));
}

export interface CoalitionBudget {
  /** performance.now() value at which the search stops and returns the best it found so far */
  deadline?: number;
  /** asked when the deadline passes: a later one to go on, or undefined to stop (see SearchOptions) */
  extendDeadline?: (now: number) => number | undefined;
}

export interface CoalitionOutcome {
  alternatives: CoalitionAlternative[];
  /** false when the deadline cut the search: the last alternative is marked incomplete and later ones were not searched */
  complete: boolean;
}

export function suggestCoalitions(input: CoalitionInput): CoalitionAlternative[] {
  return suggestCoalitionsWithin(input).alternatives;
}

/**
 * suggestCoalitions under a deadline. Alternatives are searched one after another; when the deadline passes
 * during one, it keeps the best distinct coalition found so far (marked `complete: false`) and no further
 * alternative is searched. Without a deadline (or when it is not reached) the result is the one of
 * suggestCoalitions, every alternative `complete: true`.
 */
export function suggestCoalitionsWithin(input: CoalitionInput, budget: CoalitionBudget = {}): CoalitionOutcome {
  if (input.minSize < 1 || input.maxSize < input.minSize) return { alternatives: [], complete: true };
  const normalized: CoalitionInput = { ...input, maxSize: Math.min(input.maxSize, 30) };
  const model = buildModel(candidatePool(normalized), normalized);
  const wanted = Math.max(1, Math.floor(input.alternatives));
  const chosen: SearchResult[] = [];
  const mustCount = model.mustTotal;
  let complete = true;
  // One deadline for all the alternatives: an extension granted during one search holds for the next ones.
  let deadline = budget.deadline;
  const extend = budget.extendDeadline;
  const extendDeadline = extend && ((now: number) => {
    const later = extend(now);
    if (later !== undefined) deadline = later;
    return later;
  });
  for (let a = 0; a < wanted && complete; a++) {
    const previous = chosen.map((c) => new Set(c.idx));
    // Later alternatives are pushed away from earlier ones by a penalty far above any objective
    // difference, then only fully distinct results are accepted.
    const shortfall = (idx: number[]): number => {
      let total = 0;
      for (const prev of previous) {
        let fresh = 0;
        for (const i of idx) if (!prev.has(i)) fresh++;
        total += Math.max(0, requiredDifference(Math.max(idx.length, prev.size), mustCount) - fresh);
      }
      return total;
    };
    const outcome = searchCoalitionsWithin(model, { penalty: (idx) => OVERLAP_PENALTY * shortfall(idx), deadline, extendDeadline });
    complete = outcome.complete;
    const next = outcome.results.find((r) => shortfall(r.idx) === 0);
    if (!next) break;
    chosen.push(next);
  }
  const alternatives = chosen.map((c, a) => describe(model, c, input, complete || a < chosen.length - 1));
  return { alternatives, complete };
}

function describe(model: CoalitionModel, result: SearchResult, input: CoalitionInput, complete: boolean): CoalitionAlternative {
  const idx = [...result.idx].sort((x, y) => (model.orgs[x].id < model.orgs[y].id ? -1 : 1));
  const k = idx.length;
  const { best, lead, maxLoad, covered } = leadsOf(model, idx, k);
  const coverage: CoverageCell[] = model.categories.map((categoryId, r) => {
    if (lead[r] < 0) return { categoryId, orgId: null, level: null, skillName: null };
    const org = model.orgs[idx[lead[r]]];
    const level = LEVEL_BY_VALUE[best[r]];
    const cap = org.capabilities.find((c) => c.categoryId === categoryId && level !== null && LEVEL_VALUE[c.level] === best[r]);
    return { categoryId, orgId: org.id, level, skillName: cap?.skillName ?? null };
  });
  const gaps = coverage.filter((c) => c.orgId === null).map((c) => c.categoryId);
  // 1 when no member leads more than an even share of the covered categories, 0 when one leads them all.
  const even = Math.ceil(covered / k);
  const balance = covered <= even || maxLoad <= even ? 1 : 1 - (maxLoad - even) / (covered - even);
  const members = idx.map((i) => model.orgs[i]);
  return {
    memberIds: members.map((o) => o.id),
    score: result.value,
    coverage,
    gaps,
    balance,
    cohesion: cohesionOf(model, idx, k),
    compatible: true,
    complete,
    reasons: coalitionReasons(members, coverage, gaps, input),
  };
}

function coalitionReasons(members: EngineOrg[], coverage: CoverageCell[], gaps: string[], input: CoalitionInput): Reason[] {
  const reasons: Reason[] = [];
  const byId = new Map(members.map((o) => [o.id, o]));
  const categoryName = (id: string): string => {
    for (const o of input.candidates) for (const c of o.capabilities) if (c.categoryId === id) return c.categoryName;
    return id;
  };
  const coveredCount = coverage.length - gaps.length;
  reasons.push({
    code: gaps.length === 0 ? 'COVERS_ALL' : 'COVERS_SOME',
    text: `covers ${coveredCount} of ${coverage.length} required categories`,
    weight: coveredCount,
  });
  for (const cell of coverage) {
    if (!cell.orgId || !cell.level) continue;
    const skill = cell.skillName ? ` ('${cell.skillName}')` : '';
    reasons.push({
      code: 'LEADS_CATEGORY',
      text: `${byId.get(cell.orgId)?.name ?? cell.orgId} covers ${categoryName(cell.categoryId)} at ${cell.level} level${skill}`,
      weight: LEVEL_VALUE[cell.level] / 3,
    });
  }
  for (const gap of gaps) reasons.push({ code: 'GAP', text: `nobody covers ${categoryName(gap)}`, weight: -1 });
  const community = members.filter((o) => o.communityBased);
  if (community.length > 0) {
    reasons.push({ code: 'COMMUNITY_BASED', text: `includes community-based ${community.map((o) => o.name).join(', ')}`, weight: 0.5 });
  }
  if (input.issueAreaId !== null) {
    const on = members.filter((o) => o.issueAreaIds.includes(input.issueAreaId as string));
    if (on.length > 0) {
      const name = issueName(input.issueAreaId, on[0]);
      reasons.push({ code: 'ISSUE_MATCH', text: `${on.length} of ${members.length} members work on ${name}`, weight: on.length / members.length });
    }
  }
  for (let p = 0; p < members.length; p++) {
    for (let q = p + 1; q < members.length; q++) {
      const a = members[p];
      const b = members[q];
      if (input.trust.collaborators.get(a.id)?.has(b.id) || input.trust.collaborators.get(b.id)?.has(a.id)) {
        reasons.push({ code: 'WORKED_TOGETHER', text: `${a.name} and ${b.name} have worked together before`, weight: 0.3 });
      }
    }
  }
  return reasons.sort((x, y) => y.weight - x.weight || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
}

/**
 * Outside orgs that could fill each gap: best level first, then verified, least saturated, id. Only ones that
 * could actually join: no dealbreaker in either direction with any of the coalition's members.
 */
export function findGapFillers(gaps: string[], outsiders: EngineOrg[], limit: number, members: EngineOrg[] = []): GapFillers[] {
  const joinable = outsiders.filter((org) => !members.some((m) => blocks(org, m)));
  return gaps.map((categoryId) => {
    const ranked = joinable
      .map((org) => {
        let level = 0;
        for (const c of org.capabilities) if (c.categoryId === categoryId) level = Math.max(level, LEVEL_VALUE[c.level]);
        return { org, level };
      })
      .filter((x) => x.level > 0)
      .sort(
        (x, y) =>
          y.level - x.level ||
          Number(y.org.verified) - Number(x.org.verified) ||
          x.org.pendingRequests - y.org.pendingRequests ||
          (x.org.id < y.org.id ? -1 : x.org.id > y.org.id ? 1 : 0),
      );
    return { categoryId, orgIds: ranked.slice(0, Math.max(0, limit)).map((x) => x.org.id) };
  });
}
