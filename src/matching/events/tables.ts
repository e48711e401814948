// TABLES schedules: per round, the attendees who can take part are seated at tables of at most seatsPerTable
// (sizes balanced: ceil(count / seats) tables), maximizing the summed pair scores at each table.
//
// Per round: a greedy construction (each attendee, in seeded order, at the table it adds most to), then local
// search (best swap of two attendees at different tables, or a move to a table with a free seat) until no move
// gains, then, while the round's work budget lasts (small rooms), iterated local search: random kicks of the best
// seating followed by the same search. A pair seated together in an earlier round weighs its score minus
// REPEAT_PENALTY, so repeated table-mates are few; a pair that may not meet weighs -FORBIDDEN and, if the search
// cannot separate it, one of the two sits the round out. Locked meetings pin both attendees to one table.
import type { MeetingRef } from './manual-check.js';
import { checkLocks } from './one-to-one.js';
import { isAvailable, type ScheduleProblem } from './schedule-problem.js';
import { finishSchedule, makeMeeting } from './schedule-output.js';
import type { Schedule, ScheduledMeeting, ScheduledTable, SitOut } from './schedule-types.js';
import { seededPermutation, seededRandom } from './seeded-random.js';

export const REPEAT_PENALTY = 0.5;
export const FORBIDDEN = 100;
const EPS = 1e-9;

/** One round's seating problem over k local attendees (people[i] is the attendee index). */
export interface TableRound {
  people: number[];
  /** k*k pair weights (adjusted: repeats penalized, forbidden pairs very negative) */
  w: Float64Array;
  tables: number;
  seats: number;
  /** local index -> table it is pinned to (locked), or -1 */
  pinned: Int32Array;
}

/** seat[i] = table of local attendee i. Local search to a swap/move local optimum; returns the objective. */
export function improveSeating(tr: TableRound, seat: Int32Array, order: Int32Array, maxPasses: number): number {
  const { w, tables, seats, pinned } = tr;
  const k = tr.people.length;
  const sum = new Float64Array(k * tables); // sum[i * tables + t] = sum of w(i, j) over j seated at t
  const size = new Int32Array(tables);
  for (let i = 0; i < k; i++) {
    size[seat[i]]++;
    for (let j = 0; j < k; j++) if (j !== i) sum[i * tables + seat[j]] += w[i * k + j];
  }
  const minSize = Math.floor(k / tables);
  const moveTo = (x: number, to: number) => {
    const from = seat[x];
    for (let j = 0; j < k; j++) {
      if (j === x) continue;
      const wxj = w[j * k + x];
      sum[j * tables + from] -= wxj;
      sum[j * tables + to] += wxj;
    }
    size[from]--;
    size[to]++;
    seat[x] = to;
  };
  let pass = 0;
  while (pass < maxPasses) {
    pass++;
    let improved = false;
    for (let oi = 0; oi < k; oi++) {
      const x = order[oi];
      if (pinned[x] >= 0) continue;
      const tx = seat[x];
      const base = x * tables;
      const stay = sum[base + tx];
      let bestGain = EPS;
      let bestY = -1;
      let bestT = -1;
      if (size[tx] > minSize) {
        for (let t = 0; t < tables; t++) {
          if (t === tx || size[t] >= seats) continue;
          const gain = sum[base + t] - stay;
          if (gain > bestGain) {
            bestGain = gain;
            bestT = t;
            bestY = -1;
          }
        }
      }
      for (let y = 0; y < k; y++) {
        const ty = seat[y];
        if (ty === tx || pinned[y] >= 0) continue;
        const wxy = w[x * k + y];
        const gain = sum[base + ty] - wxy - stay + sum[y * tables + tx] - wxy - sum[y * tables + ty];
        if (gain > bestGain) {
          bestGain = gain;
          bestY = y;
          bestT = ty;
        }
      }
      if (bestT === -1) continue;
      improved = true;
      if (bestY === -1) moveTo(x, bestT);
      else {
        moveTo(x, bestT);
        moveTo(bestY, tx);
      }
    }
    if (!improved) break;
  }
  return pass;
}

/** Greedy construction: pinned attendees first, then each attendee (seeded order) at the table it adds most to. */
export function greedySeating(tr: TableRound, order: Int32Array): Int32Array {
  const { w, tables, seats, pinned } = tr;
  const k = tr.people.length;
  const seat = new Int32Array(k).fill(-1);
  const size = new Int32Array(tables);
  const sum = new Float64Array(k * tables);
  const place = (x: number, t: number) => {
    seat[x] = t;
    size[t]++;
    for (let j = 0; j < k; j++) sum[j * tables + t] += w[j * k + x];
  };
  for (let i = 0; i < k; i++) if (pinned[i] >= 0) place(i, pinned[i]);
  const capacity = Math.ceil(k / tables); // balanced: no table above ceil(k / tables)
  for (let oi = 0; oi < k; oi++) {
    const x = order[oi];
    if (seat[x] >= 0) continue;
    let best = -1;
    let bestGain = -Infinity;
    for (let t = 0; t < tables; t++) {
      if (size[t] >= Math.min(seats, capacity)) continue;
      // an empty table is worth the average so that early attendees spread out instead of piling up
      const gain = size[t] === 0 ? 0 : sum[x * tables + t];
      if (gain > bestGain) {
        bestGain = gain;
        best = t;
      }
    }
    if (best === -1) for (let t = 0; t < tables && best === -1; t++) if (size[t] < seats) best = t;
    place(x, best);
  }
  return seat;
}

export function roundObjective(tr: TableRound, seat: Int32Array): number {
  const k = tr.people.length;
  let total = 0;
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) if (seat[i] === seat[j]) total += tr.w[i * k + j];
  return total;
}

export interface TablesState {
  /** pairs already seated together (by pair index) */
  together: Uint8Array;
}

/** Builds one round's seating problem: who is seated, the adjusted weights, the pinned locks. */
export function buildTableRound(p: ScheduleProblem, r: number, seatable: Uint8Array, together: Uint8Array, locks: MeetingRef[]): TableRound {
  const seats = p.input.seatsPerTable ?? 2;
  const people: number[] = [];
  const local = new Int32Array(p.n).fill(-1);
  for (let v = 0; v < p.n; v++) {
    if (seatable[v]) {
      local[v] = people.length;
      people.push(v);
    }
  }
  const k = people.length;
  const w = new Float64Array(k * k).fill(-FORBIDDEN);
  for (let i = 0; i < k; i++) {
    const v = people[i];
    for (let x = p.adjStart[v], end = p.adjStart[v + 1]; x < end; x++) {
      const j = local[p.adjOther[x]];
      if (j < 0) continue;
      const e = p.adjPair[x];
      w[i * k + j] = p.score[e] - (together[e] ? REPEAT_PENALTY : 0);
    }
  }
  // locked groups (a and b together, transitively) share one table: the one given, or the next free one
  const pinned = new Int32Array(k).fill(-1);
  const groupTable = new Map<number, number>();
  const parent = people.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const l of locks) parent[find(local[l.a])] = find(local[l.b]);
  for (const l of locks) if (l.table !== undefined && l.table !== null) groupTable.set(find(local[l.a]), l.table);
  let tables = Math.max(1, Math.ceil(k / seats));
  for (const t of groupTable.values()) tables = Math.max(tables, t + 1);
  const taken = new Set(groupTable.values());
  let nextTable = 0;
  for (const l of locks) {
    const g = find(local[l.a]);
    if (!groupTable.has(g)) {
      while (taken.has(nextTable)) nextTable++;
      groupTable.set(g, nextTable);
      taken.add(nextTable);
      tables = Math.max(tables, nextTable + 1);
    }
    pinned[local[l.a]] = groupTable.get(g)!;
    pinned[local[l.b]] = groupTable.get(g)!;
  }
  return { people, w, tables, seats, pinned };
}

/** Seats one round: seat[i] = table of local attendee i (pinned attendees at their table). */
export type SeatRound = (tr: TableRound, rand: () => number) => Int32Array;

const SEARCH_PASSES = 30;
/** pair evaluations per round for the search (a pass costs ~k^2): small rooms get kicks, 1,000 attendees do not */
const ROUND_WORK = 5e6;

export const seatRoundGreedyLocal: SeatRound = (tr, rand) => {
  const k = tr.people.length;
  const order = seededPermutation(k, rand);
  const seat = greedySeating(tr, order);
  let work = ROUND_WORK / Math.max(1, k * k);
  work -= improveSeating(tr, seat, order, SEARCH_PASSES);
  // iterated local search while work is left: kick the best seating with a few random swaps, search again,
  // keep the result when it is better
  let best = seat;
  let bestValue = roundObjective(tr, seat);
  while (work >= 2 && k > 2) {
    const cur = Int32Array.from(best);
    for (let s = 0; s < 3; s++) {
      const x = Math.floor(rand() * k);
      const y = Math.floor(rand() * k);
      if (tr.pinned[x] < 0 && tr.pinned[y] < 0) [cur[x], cur[y]] = [cur[y], cur[x]];
    }
    work -= improveSeating(tr, cur, order, SEARCH_PASSES) + 1;
    const value = roundObjective(tr, cur);
    if (value > bestValue + EPS) {
      bestValue = value;
      best = cur;
    }
  }
  return best;
};

export function scheduleTables(p: ScheduleProblem, seatRound: SeatRound = seatRoundGreedyLocal): Schedule {
  const { n, rounds } = p;
  const rand = seededRandom(p.input.seed);
  const locks = checkLocks(p);
  const together = new Uint8Array(p.pairA.length);
  const count = new Int32Array(n);
  const lockedRounds: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (const l of locks) {
    lockedRounds[l.a].add(l.round);
    lockedRounds[l.b].add(l.round);
  }
  const meetings: ScheduledMeeting[] = [];
  const tablesOut: ScheduledTable[] = [];
  const sitOuts: SitOut[] = [];
  for (let r = 0; r < rounds; r++) {
    const roundLocks = locks.filter((l) => l.round === r);
    const seatable = new Uint8Array(n);
    for (let v = 0; v < n; v++) {
      const ahead = [...lockedRounds[v]].filter((x) => x > r).length;
      if (lockedRounds[v].has(r) || (isAvailable(p, v, r) && count[v] + ahead < p.cap[v])) seatable[v] = 1;
    }
    const tr = buildTableRound(p, r, seatable, together, roundLocks);
    const seat = seatRound(tr, rand);
    const seated = separateForbidden(tr, seat);
    emitRound(p, r, tr, seat, seated, roundLocks, together, count, meetings, tablesOut, sitOuts);
  }
  return finishSchedule(n, meetings, tablesOut, sitOuts);
}

/** Unseats (seat -1) attendees until no table holds a pair that may not meet; pinned attendees stay. */
export function separateForbidden(tr: TableRound, seat: Int32Array): number {
  const k = tr.people.length;
  for (;;) {
    let worst = -1;
    let worstCount = 0;
    for (let i = 0; i < k; i++) {
      if (seat[i] < 0 || tr.pinned[i] >= 0) continue;
      let c = 0;
      for (let j = 0; j < k; j++) if (j !== i && seat[j] === seat[i] && tr.w[i * k + j] <= -FORBIDDEN / 2) c++;
      if (c > worstCount) {
        worstCount = c;
        worst = i;
      }
    }
    if (worst === -1) break;
    seat[worst] = -1;
  }
  let seated = 0;
  for (let i = 0; i < k; i++) if (seat[i] >= 0) seated++;
  return seated;
}

function emitRound(
  p: ScheduleProblem, r: number, tr: TableRound, seat: Int32Array, _seated: number,
  roundLocks: { a: number; b: number }[], together: Uint8Array, count: Int32Array,
  meetings: ScheduledMeeting[], tablesOut: ScheduledTable[], sitOuts: SitOut[],
): void {
  const lockedPairs = new Set(roundLocks.map((l) => `${l.a}:${l.b}`));
  const byTable: number[][] = Array.from({ length: tr.tables }, () => []);
  tr.people.forEach((v, i) => {
    if (seat[i] >= 0) byTable[seat[i]].push(v);
    else sitOuts.push({ round: r, attendee: v });
  });
  byTable.forEach((members, t) => {
    if (members.length === 0) return;
    members.sort((x, y) => x - y);
    let score = 0;
    for (let i = 0; i < members.length; i++) {
      count[members[i]]++;
      for (let j = i + 1; j < members.length; j++) {
        const e = p.pairOf(members[i], members[j]);
        if (e < 0) continue;
        const meeting = makeMeeting(p, r, members[i], members[j], t, lockedPairs.has(`${members[i]}:${members[j]}`));
        meetings.push(meeting);
        together[e] = 1;
        score += meeting.score;
      }
    }
    tablesOut.push({ round: r, table: t, members, score });
  });
}
