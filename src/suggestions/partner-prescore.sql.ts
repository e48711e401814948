import type { SqlParams } from '../core/sql-params.js';
import { DEFAULT_PARTNER_WEIGHTS, EXACT_SKILL_MATCH, LEVEL_WEIGHT, PRIORITY_WEIGHT, SAME_CATEGORY_MATCH } from '../matching/weights.js';
import type { MatchOrg, Taxonomy } from './engine-orgs.js';

// The engine's partner score (matching/partners/partner-score.ts) in SQL over organization_match_keys (alias k),
// to rank the organizations that offer one of my needed skills and need one I offer (or, when I only need or
// only offer, the strong part of the one-way set) before the engine scores the best of them exactly. It is the engine's benefit both ways (levels, related skills of the same category at
// SAME_CATEGORY_MATCH, urgency weights, the mutual bonus) plus shared issue areas; it leaves out what the narrow
// row does not hold: locality (a match neither side can do remotely counts as if close), language, trust and
// saturation. So it is an upper bound of the engine's score within language (0.05) and trust (the trust tier
// brings those candidates), and at most the proximity weight (0.2) plus the locality of non-remote matches above
// it: ranking a few hundred by it keeps the engine's top 20 (bench/partner-recall.ts measures how well).
//
// The arrays of organization_match_keys hold 4 x the level weight (BASIC 2, PROFICIENT 3, EXPERT 4) and the
// priority weights (LOW 1 .. CRITICAL 4) of open needs, by skill ordinal (see the PartnerMatchKeys migration).

const LEVEL_SCALE = 4;
const W = DEFAULT_PARTNER_WEIGHTS;

export interface PreScoreSql {
  /** A select list over `k` giving `i` (share of my needs they cover), `o` (share of theirs I cover), `s` (shared issues, weighted). */
  parts: string;
  /** The score from i, o and s of a derived table `x`. */
  score: string;
  /** The keys of pair_keys that make a candidate mutual: (a skill I need, a skill I offer); empty one-way. */
  pairKeys: number[];
  /** Mutual when I both need and offer; else the one side I have (the other part of the score is 0). */
  shape: 'mutual' | 'needsOnly' | 'offersOnly';
  /** Ordinals of the skills I need (once each, most urgent first) and of those I offer. */
  neededOrdinals: number[];
  offeredOrdinals: number[];
}

function ordinalsByCategory(tax: Taxonomy): Map<string, number[]> {
  const byCategory = new Map<string, number[]>();
  for (const skill of tax.skills.values()) {
    const list = byCategory.get(skill.categoryId);
    if (list) list.push(skill.ordinal);
    else byCategory.set(skill.categoryId, [skill.ordinal]);
  }
  return byCategory;
}

/** A numeric constant of ours as a float8 literal (arithmetic on numeric literals would run in slow numeric). */
const f8 = (x: number) => `${Number(x.toFixed(6))}::float8`;

/**
 * Null when I need nothing and offer nothing. With one side only, the same score with the other part 0: for a
 * requester that only needs, the share of its needs a candidate covers (and shared issues); only offers, the
 * share of the candidate's needs it covers.
 */
export function partnerPreScoreSql(requester: MatchOrg, tax: Taxonomy, params: SqlParams): PreScoreSql | null {
  const byCategory = ordinalsByCategory(tax);
  const ordinal = (skillId: string) => tax.skills.get(skillId)?.ordinal;
  // Inward: per skill I need, the sum of its needs' urgency (each need is scored on its own in the engine, and
  // needs of one skill all take the same best capability).
  const needWeight = new Map<string, number>();
  for (const n of requester.needs) needWeight.set(n.skillId, (needWeight.get(n.skillId) ?? 0) + PRIORITY_WEIGHT[n.priority]);
  const needTotal = requester.needs.reduce((sum, n) => sum + PRIORITY_WEIGHT[n.priority], 0);
  // Outward: what I can give per skill, the best of my capabilities at that skill or (less) in its category.
  const cover = new Map<number, number>();
  for (const c of requester.capabilities) {
    const own = ordinal(c.skillId);
    if (own === undefined) continue;
    for (const other of byCategory.get(c.categoryId) ?? []) {
      const value = LEVEL_WEIGHT[c.level] * (other === own ? EXACT_SKILL_MATCH : SAME_CATEGORY_MATCH);
      if (value > (cover.get(other) ?? 0)) cover.set(other, value);
    }
  }
  const urgentFirst = [...needWeight.entries()].sort((a, b) => b[1] - a[1]).map(([skillId]) => skillId);
  const neededOrdinals = urgentFirst.map(ordinal).filter((o): o is number => o !== undefined);
  const offeredOrdinals = [...new Set(requester.capabilities.map((c) => ordinal(c.skillId)).filter((o): o is number => o !== undefined))];
  const needs = neededOrdinals.length > 0 && needTotal > 0;
  const offers = offeredOrdinals.length > 0;
  if (!needs && !offers) return null;

  const level = (o: number) => `COALESCE(k.offer_levels[${params.add(o)}::int], 0)`;
  const inTerms = [...needWeight.entries()].flatMap(([skillId, weight]) => {
    const skill = tax.skills.get(skillId);
    if (!skill) return [];
    const related = (byCategory.get(skill.categoryId) ?? []).filter((o) => o !== skill.ordinal);
    const best = related.length
      ? `GREATEST(${level(skill.ordinal)}, ${f8(SAME_CATEGORY_MATCH)} * COALESCE(GREATEST(${related.map((o) => `k.offer_levels[${params.add(o)}::int]`).join(', ')}), 0))`
      : level(skill.ordinal);
    return [`${weight} * ${best}`];
  });
  const outTerms = [...cover.entries()].map(([o, value]) => `${f8(value)} * COALESCE(k.need_weights[${params.add(o)}::int], 0)`);
  const issues = requester.issueAreaIds.length
    ? `LEAST(${requester.issueAreaIds.map((id) => `(k.issue_area_ids @> ARRAY[${params.add(id)}::uuid])::int`).join(' + ')}, 3) * ${f8(W.sharedIssues / 3)}`
    : '0::float8';
  const inward = needs && inTerms.length ? `(${inTerms.join(' + ')})::float8 / ${f8(LEVEL_SCALE * needTotal)}` : '0::float8';
  const outward = offers && outTerms.length ? `(${outTerms.join(' + ')})::float8 / GREATEST(k.need_total, 1)` : '0::float8';
  const parts = `${inward} AS i, ${outward} AS o, ${issues} AS s`;
  const score = `${f8(W.needs * 0.5)} * (x.i + x.o) + ${f8(W.needs * W.mutualBonus)} * sqrt(x.i * x.o) + x.s`;
  const pairKeys = neededOrdinals.flatMap((need) => offeredOrdinals.map((offer) => need * 65536 + offer));
  const shape = needs && offers ? 'mutual' : needs ? 'needsOnly' : 'offersOnly';
  return { parts, score, pairKeys, shape, neededOrdinals, offeredOrdinals };
}
