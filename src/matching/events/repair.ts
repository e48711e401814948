// Repairs a published schedule after late cancellations (or no-shows at check-in) with the fewest changes:
// rounds before fromRound are history and never change, no remaining meeting is touched, and only the attendees
// who lost a meeting get a new one. ONE_TO_ONE: per round, those who lost their partner are re-paired with each
// other or with attendees who were sitting that round out (near-maximum-weight matching, the same as generation).
// TABLES: the removed attendees leave their tables; anyone left alone at a table joins the table with a free seat
// that suits them best.
import { matchRound } from './round-matching.js';
import { MEETING_WEIGHT } from './one-to-one.js';
import { isAvailable, type ScheduleProblem } from './schedule-problem.js';
import { finishSchedule, makeMeeting } from './schedule-output.js';
import type { MovedMeeting, RepairResult, Schedule, ScheduleChange, ScheduledMeeting, SitOut } from './schedule-types.js';
import { seededPermutation, seededRandom } from './seeded-random.js';

export function repair(p: ScheduleProblem, previous: Schedule, change: ScheduleChange): RepairResult {
  return p.input.format === 'TABLES' ? repairTables(p, previous, change) : repairOneToOne(p, previous, change);
}

function removedSet(p: ScheduleProblem, change: ScheduleChange): Uint8Array {
  const removed = new Uint8Array(p.n);
  for (const v of change.removed) if (Number.isInteger(v) && v >= 0 && v < p.n) removed[v] = 1;
  return removed;
}

function split(previous: Schedule, removed: Uint8Array, fromRound: number) {
  const kept: ScheduledMeeting[] = [];
  const cancelled: ScheduledMeeting[] = [];
  for (const m of previous.meetings) {
    if (m.round >= fromRound && (removed[m.a] || removed[m.b])) cancelled.push({ ...m, reasons: m.reasons.slice() });
    else kept.push({ ...m, reasons: m.reasons.slice() });
  }
  return { kept, cancelled };
}

function repairOneToOne(p: ScheduleProblem, previous: Schedule, change: ScheduleChange): RepairResult {
  const { n } = p;
  const removed = removedSet(p, change);
  const from = Math.max(0, change.fromRound);
  const { kept, cancelled } = split(previous, removed, from);
  const used = new Uint8Array(p.pairA.length);
  const count = new Int32Array(n);
  const busyInRound: Uint8Array[] = Array.from({ length: p.rounds }, () => new Uint8Array(n));
  for (const m of kept) {
    const e = p.pairOf(m.a, m.b);
    if (e >= 0) used[e] = 1;
    count[m.a]++;
    count[m.b]++;
    if (m.round < p.rounds) {
      busyInRound[m.round][m.a] = 1;
      busyInRound[m.round][m.b] = 1;
    }
  }
  // who lost whom, per round
  const lostPartner: Map<number, number>[] = Array.from({ length: p.rounds }, () => new Map());
  for (const m of cancelled) {
    if (!removed[m.a]) lostPartner[m.round].set(m.a, m.b);
    if (!removed[m.b]) lostPartner[m.round].set(m.b, m.a);
  }
  const rand = seededRandom(p.input.seed ^ 0x5eed);
  const weight = new Float64Array(p.pairA.length);
  const active = new Uint8Array(n);
  const added: ScheduledMeeting[] = [];
  const moved: MovedMeeting[] = [];
  for (let r = from; r < p.rounds; r++) {
    const lost = lostPartner[r];
    if (lost.size === 0) continue;
    for (let v = 0; v < n; v++) {
      active[v] = !removed[v] && !busyInRound[r][v] && isAvailable(p, v, r) && count[v] < p.cap[v] ? 1 : 0;
    }
    // only pairs with at least one attendee who lost a meeting: nobody else's agenda changes
    for (let e = 0; e < weight.length; e++) {
      const a = p.pairA[e];
      const b = p.pairB[e];
      weight[e] = !used[e] && active[a] && active[b] && (lost.has(a) || lost.has(b)) ? MEETING_WEIGHT + p.score[e] : 0;
    }
    const mate = matchRound({ p, active, weight }, seededPermutation(n, rand));
    for (let v = 0; v < n; v++) {
      const u = mate[v];
      if (u <= v) continue;
      const meeting = makeMeeting(p, r, v, u, null, false);
      added.push(meeting);
      used[p.pairOf(v, u)] = 1;
      count[v]++;
      count[u]++;
      busyInRound[r][v] = 1;
      busyInRound[r][u] = 1;
      const aWas = lost.get(v) ?? null;
      const bWas = lost.get(u) ?? null;
      moved.push({ round: r, a: v, b: u, was: `a: ${aWas === null ? 'sat out' : 'partner cancelled'}; b: ${bWas === null ? 'sat out' : 'partner cancelled'}`, aWas, bWas });
    }
  }
  const sitOuts = repairedSitOuts(p, previous.sitOuts, removed, from, busyInRound, count, lostPartner);
  return { schedule: finishSchedule(n, [...kept, ...added], [], sitOuts), moved, cancelled };
}

/** Sit-outs after the repair: history kept; removed attendees dropped; who lost a meeting and got none sits out. */
function repairedSitOuts(
  p: ScheduleProblem, before: SitOut[], removed: Uint8Array, from: number, busyInRound: Uint8Array[], count: Int32Array,
  lostPartner: Map<number, number>[],
): SitOut[] {
  const out: SitOut[] = [];
  for (const s of before) {
    if (s.round < from) out.push({ ...s });
    else if (!removed[s.attendee] && !busyInRound[s.round]?.[s.attendee]) out.push({ ...s });
  }
  for (let r = from; r < p.rounds; r++) {
    for (const v of lostPartner[r].keys()) {
      if (!busyInRound[r][v] && count[v] < p.cap[v]) out.push({ round: r, attendee: v });
    }
  }
  return out;
}

function repairTables(p: ScheduleProblem, previous: Schedule, change: ScheduleChange): RepairResult {
  const { n } = p;
  const removed = removedSet(p, change);
  const from = Math.max(0, change.fromRound);
  const { kept, cancelled } = split(previous, removed, from);
  const moved: MovedMeeting[] = [];
  const meetings = kept;
  const sitOuts: SitOut[] = previous.sitOuts.filter((s) => s.round < from || !removed[s.attendee]).map((s) => ({ ...s }));
  const tables = previous.tables.map((t) => ({
    ...t,
    members: t.round >= from ? t.members.filter((v) => !removed[v]) : t.members.slice(),
  }));
  const seats = p.input.seatsPerTable ?? 2;
  for (let r = from; r < p.rounds; r++) {
    const roundTables = tables.filter((t) => t.round === r);
    for (const lonely of roundTables.filter((t) => t.members.length === 1)) {
      const v = lonely.members[0];
      let best: (typeof roundTables)[number] | null = null;
      let bestScore = -1;
      for (const t of roundTables) {
        if (t === lonely || t.members.length === 0 || t.members.length >= seats) continue;
        if (!t.members.every((u) => p.pairOf(u, v) >= 0)) continue;
        const s = t.members.reduce((acc, u) => acc + p.score[p.pairOf(u, v)], 0);
        if (s > bestScore) {
          bestScore = s;
          best = t;
        }
      }
      if (!best) continue;
      lonely.members = [];
      for (const u of best.members) {
        const m = makeMeeting(p, r, u, v, best.table, false);
        meetings.push(m);
        moved.push({ round: r, a: m.a, b: m.b, was: `${m.a === v ? 'a' : 'b'}: table-mates cancelled` });
      }
      best.members = [...best.members, v].sort((x, y) => x - y);
    }
  }
  const outTables = tables
    .filter((t) => t.members.length > 0)
    .map((t) => {
      let score = 0;
      for (let i = 0; i < t.members.length; i++) {
        for (let j = i + 1; j < t.members.length; j++) {
          const e = p.pairOf(t.members[i], t.members[j]);
          if (e >= 0) score += p.score[e];
        }
      }
      return { ...t, score };
    });
  return { schedule: finishSchedule(n, meetings, outTables, sitOuts), moved, cancelled };
}
