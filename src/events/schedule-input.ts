import type { EntityManager } from 'typeorm';
import { COMMUNITY_BASED_KINDS, type OrganizationKind } from '../core/enums.js';
import type { RequestContext } from '../core/request-context.js';
import { DEFAULT_PARTNER_WEIGHTS, scorePair, type EngineCapability, type EngineNeed, type EngineOrg, type TrustGraph } from '../matching/index.js';
import { privateAttendeeView } from '../privacy/event-visibility.js';
import { loadMatchOrgs, loadTaxonomy, type MatchOrg, type Taxonomy } from '../suggestions/engine-orgs.js';
import { loadTrustAmong } from '../suggestions/trust-graph.js';
import type { EventRow } from './event-view.js';
import { MetBeforePolicy } from './event.enums.js';
import type { StoredReason } from './meeting.entity.js';
import { pairRefusal, type PairRefusal } from './pair-rules.js';
import { REGISTRATION_COLUMNS, type RegistrationRow } from './registration-view.js';
import type { ScheduleInput, SchedulePair } from './schedule-engine.js';

// The schedule problem of an event, from its ACTIVE registrations: who may meet whom (pair-rules.ts) and how well
// (the partner score with the event's seeking and offering). Attendee i of the engine is registrations[i], in
// registration order, so the same registrations, rules and seed give the same schedule.

export interface PairInfo {
  score: number;
  /** What registration a reads about b, and b about a. */
  reasonsA: StoredReason[];
  reasonsB: StoredReason[];
}

export interface EventProblem {
  registrations: RegistrationRow[];
  index: Map<string, number>;
  input: Omit<ScheduleInput, 'seed' | 'locked'>;
  pairs: Map<number, PairInfo>;
  refusals: Map<number, PairRefusal>;
}

export const pairKey = (a: number, b: number): number => (a < b ? a * 65_536 + b : b * 65_536 + a);

/** The best partner score there is: every weight at its maximum, no saturation. Pair scores are shares of it. */
const W = DEFAULT_PARTNER_WEIGHTS;
const MAX_SCORE = W.needs * (1 + W.mutualBonus) + W.sharedIssues + W.proximity + W.language + W.trust;
/** "Met before", ranked lower: the pair keeps half its score. */
const MET_BEFORE_FACTOR = 0.5;

export async function activeRegistrations(tx: Pick<EntityManager, 'query'>, eventId: string): Promise<RegistrationRow[]> {
  return tx.query(
    `SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r WHERE r.event_id = $1 AND r.status = 'ACTIVE' ORDER BY r.created_at, r.id`,
    [eventId],
  );
}

/**
 * The organization as the schedule scores it: what it seeks at the event as needs (at the priority of its open need
 * for the skill, else HIGH) and what it offers as capabilities (at its level, else PROFICIENT); no saturation (a
 * meeting at an event costs nobody an inbox). A PRIVATE organization only as its card plus what it seeks.
 */
function eventView(org: MatchOrg, reg: RegistrationRow, tax: Taxonomy): EngineOrg {
  const needs: EngineNeed[] = [];
  for (const skillId of reg.seekingSkillIds) {
    const skill = tax.skills.get(skillId);
    if (!skill) continue;
    const open = org.needs.find((n) => n.skillId === skillId);
    needs.push({ id: `seek:${skillId}`, skillId, skillName: skill.name, categoryId: skill.categoryId, categoryName: skill.categoryName,
      priority: open?.priority ?? 'HIGH', remoteOk: open?.remoteOk ?? false, issueAreaId: open?.issueAreaId ?? null });
  }
  const capabilities: EngineCapability[] = [];
  for (const skillId of reg.offeringSkillIds) {
    const skill = tax.skills.get(skillId);
    if (!skill) continue;
    const cap = org.capabilities.find((c) => c.skillId === skillId);
    capabilities.push({ skillId, skillName: skill.name, categoryId: skill.categoryId, categoryName: skill.categoryName,
      level: cap?.level ?? 'PROFICIENT', remote: cap?.remote ?? false, capacity: null });
  }
  const view: MatchOrg = { ...org, needs, capabilities, pendingRequests: 0, communityBased: COMMUNITY_BASED_KINDS.has(org.kind as OrganizationKind) };
  return org.visibility === 'PRIVATE' ? privateAttendeeView(view) : view;
}

/** Pairs of organizations that met at an earlier published event of the same organizer. */
async function metAtEarlierEvents(tx: Pick<EntityManager, 'query'>, row: EventRow, organizationIds: string[]): Promise<Set<string>> {
  const rows: { a: string; b: string }[] = await tx.query(
    `SELECT DISTINCT ra.organization_id AS a, rb.organization_id AS b
     FROM events p
     JOIN event_meetings m ON m.event_id = p.id
     JOIN event_registrations ra ON ra.id = m.registration_a_id
     JOIN event_registrations rb ON rb.id = m.registration_b_id
     WHERE p.organizer_organization_id = $1 AND p.id <> $2 AND p.starts_at < $3 AND p.status IN ('PUBLISHED', 'ENDED')
       AND ra.organization_id = ANY($4::uuid[]) AND rb.organization_id = ANY($4::uuid[])`,
    [row.organizerId, row.id, row.startsAt, organizationIds],
  );
  return new Set(rows.flatMap((r) => [`${r.a}:${r.b}`, `${r.b}:${r.a}`]));
}

const toStored = (reasons: { code: string; text: string; weight: number }[]): StoredReason[] =>
  reasons.map((r) => ({ code: r.code, text: r.text, weight: Math.round(r.weight * 1e6) / 1e6 }));

export async function buildEventProblem(ctx: RequestContext, tx: EntityManager, row: EventRow): Promise<EventProblem> {
  const registrations = await activeRegistrations(tx, row.id);
  const orgIds = registrations.map((r) => r.organizationId);
  const tax = await loadTaxonomy(ctx.db);
  const [orgs, trust, earlier] = await Promise.all([
    loadMatchOrgs(ctx.db, orgIds, tax),
    // Collaborations between attendees the organizer may name (the acting rule of every trust signal): they score
    // and explain as trust, and count as "met before". A PRIVATE attendee's collaborations stay its own.
    loadTrustAmong(ctx, orgIds),
    metAtEarlierEvents(tx, row, orgIds),
  ]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const views = registrations.map((r) => eventView(byId.get(r.organizationId)!, r, tax));
  const facts = registrations.map((r, i) => ({
    organizationId: r.organizationId, kind: views[i].kind, dealbreakerKinds: byId.get(r.organizationId)!.dealbreakerKinds, doNotMeetIds: r.doNotMeetIds,
  }));
  const metBefore = (a: string, b: string) => earlier.has(`${a}:${b}`) || Boolean(trust.collaborators.get(a)?.has(b));
  const graph: TrustGraph = { collaborators: trust.collaborators };
  const pairs = new Map<number, PairInfo>();
  const refusals = new Map<number, PairRefusal>();
  const enginePairs: SchedulePair[] = [];
  for (let i = 0; i < registrations.length; i++) {
    for (let j = i + 1; j < registrations.length; j++) {
      const met = metBefore(facts[i].organizationId, facts[j].organizationId);
      const refusal = pairRefusal(row.kindRules, facts[i], facts[j], met && row.metBefore === MetBeforePolicy.EXCLUDE);
      const ab = refusal ? null : scorePair(views[i], views[j], graph);
      const ba = refusal ? null : scorePair(views[j], views[i], graph);
      if (!ab || !ba) {
        refusals.set(pairKey(i, j), refusal ?? 'DEALBREAKER');
        continue;
      }
      let score = Math.min(1, Math.max(0, (ab.score + ba.score) / 2 / MAX_SCORE));
      const reasonsA = toStored(ab.reasons);
      const reasonsB = toStored(ba.reasons);
      if (met && row.metBefore === MetBeforePolicy.RANK_LOWER) {
        score *= MET_BEFORE_FACTOR;
        const note = { code: 'MET_BEFORE', text: 'you have met before: this pair is ranked lower', weight: 0 };
        reasonsA.push(note);
        reasonsB.push(note);
      }
      score = Math.round(score * 1e6) / 1e6;
      pairs.set(pairKey(i, j), { score, reasonsA, reasonsB });
      enginePairs.push({ a: i, b: j, score, reasons: [] });
    }
  }
  const allRounds = Array.from({ length: row.rounds }, (_, r) => r);
  return {
    registrations,
    index: new Map(registrations.map((r, i) => [r.id, i])),
    input: {
      format: row.format,
      rounds: row.rounds,
      ...(row.format === 'TABLES' ? { seatsPerTable: row.seatsPerTable! } : {}),
      attendees: registrations.map((r) => ({
        id: r.id,
        // A no-show is available nowhere: no repair ever gives it a meeting again (a check-in clears the mark).
        availableRounds: r.noShowAt ? [] : r.availableRounds ? r.availableRounds.filter((x) => x < row.rounds) : allRounds,
        maxMeetings: r.maxMeetings,
      })),
      pairs: enginePairs,
    },
    pairs,
    refusals,
  };
}
