// Who may meet whom at an event: the organizer's kind rules, the attendees' do-not-meet lists, the profiles'
// dealbreakers, and "met before". Pure functions over plain facts, so the schedule builder and the manual
// checks apply exactly the same rules.

export interface KindRule {
  kind: string;
  mode: 'ONLY' | 'NEVER';
  kinds: string[];
}

export interface PairFacts {
  organizationId: string;
  kind: string;
  dealbreakerKinds: string[];
  doNotMeetIds: string[];
}

/** A rule code an organizer can act on, or null when the pair may meet. */
export type PairRefusal = 'KIND_RULE' | 'DO_NOT_MEET' | 'DEALBREAKER' | 'MET_BEFORE' | 'SAME_ORGANIZATION';

function kindRuleRefuses(rule: KindRule, own: string, other: string): boolean {
  if (rule.kind !== own) return false;
  return rule.mode === 'ONLY' ? !rule.kinds.includes(other) : rule.kinds.includes(other);
}

/** The organizer's kind rules, both ways: "funders meet only community groups" also keeps NGOs from funders. */
export function kindsMayMeet(rules: readonly KindRule[], a: string, b: string): boolean {
  return !rules.some((rule) => kindRuleRefuses(rule, a, b) || kindRuleRefuses(rule, b, a));
}

/**
 * Why a pair may not meet, or null. `metBefore`: they met before and the organizer excludes such pairs. The
 * order of the checks is the order an organizer is told: its own rules first, then the attendees' settings.
 */
export function pairRefusal(rules: readonly KindRule[], a: PairFacts, b: PairFacts, metBeforeExcluded: boolean): PairRefusal | null {
  if (a.organizationId === b.organizationId) return 'SAME_ORGANIZATION';
  if (!kindsMayMeet(rules, a.kind, b.kind)) return 'KIND_RULE';
  if (a.doNotMeetIds.includes(b.organizationId) || b.doNotMeetIds.includes(a.organizationId)) return 'DO_NOT_MEET';
  if (a.dealbreakerKinds.includes(b.kind) || b.dealbreakerKinds.includes(a.kind)) return 'DEALBREAKER';
  if (metBeforeExcluded) return 'MET_BEFORE';
  return null;
}

/**
 * Words for the organizer. A dealbreaker is a members-only setting of a profile: the organizer learns only that
 * one of the two does not take meetings with the other's kind, never which one or its list.
 */
export const REFUSAL_MESSAGES: Record<PairRefusal, string> = {
  SAME_ORGANIZATION: 'An organization cannot meet itself',
  KIND_RULE: "The event's kind rules do not let these two kinds of organization meet",
  DO_NOT_MEET: "One of the two registrations lists the other on its do-not-meet list",
  DEALBREAKER: "One of the two organizations' profile settings does not allow this meeting",
  MET_BEFORE: 'These two organizations met before, and the event excludes such pairs',
};

/** Kind rules as stored, normalized: one rule per kind and mode, kinds sorted and unique (a stable input). */
export function normalizeKindRules(rules: readonly KindRule[]): KindRule[] {
  return rules
    .map((r) => ({ kind: r.kind, mode: r.mode, kinds: [...new Set(r.kinds)].sort() }))
    .sort((x, y) => (x.kind + x.mode < y.kind + y.mode ? -1 : x.kind + x.mode > y.kind + y.mode ? 1 : 0));
}
