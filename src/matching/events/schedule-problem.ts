// The input, checked once and turned into flat arrays the optimizers can scan fast: pair lookup by the two
// attendees (a dense table up to a few thousand attendees, a hash map above), adjacency lists (CSR), an
// availability bitmap and caps. A broken input throws ScheduleInputError naming what is wrong.
import type { LockedMeeting, ScheduleInput } from './schedule-types.js';

export class ScheduleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleInputError';
  }
}

/** Above this many attendees the pair table becomes a hash map (n*n Int32 entries would exceed ~36 MB). */
const DENSE_PAIR_TABLE_LIMIT = 3000;
export const NO_CAP = 0x3fffffff;

export interface ScheduleProblem {
  input: ScheduleInput;
  n: number;
  rounds: number;
  /** pairs: endpoints (a < b) and score, by pair index */
  pairA: Int32Array;
  pairB: Int32Array;
  score: Float64Array;
  /** pair index for two attendees, or -1 when they may not meet */
  pairOf(a: number, b: number): number;
  /** CSR adjacency: for attendee v, entries adjStart[v] .. adjStart[v+1]-1 of adjPair / adjOther */
  adjStart: Int32Array;
  adjPair: Int32Array;
  adjOther: Int32Array;
  /** available[round * n + v] = 1 when v can meet in round */
  available: Uint8Array;
  /** meeting cap per attendee (NO_CAP when none) */
  cap: Int32Array;
  locked: LockedMeeting[];
}

export function isAvailable(p: ScheduleProblem, v: number, round: number): boolean {
  return p.available[round * p.n + v] === 1;
}

function checkInteger(value: number, what: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ScheduleInputError(`${what} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

export function buildProblem(input: ScheduleInput): ScheduleProblem {
  const n = input.attendees.length;
  const rounds = input.rounds;
  checkInteger(rounds, 'rounds', 0, 1000);
  if (input.format === 'TABLES') checkInteger(input.seatsPerTable ?? NaN, 'seatsPerTable', 2, 1000);
  else if (input.format !== 'ONE_TO_ONE') throw new ScheduleInputError(`unknown format ${String(input.format)}`);

  const available = new Uint8Array(rounds * n);
  const cap = new Int32Array(n);
  input.attendees.forEach((att, v) => {
    for (const r of att.availableRounds) {
      checkInteger(r, `attendee ${v} available round`, 0, rounds - 1);
      available[r * n + v] = 1;
    }
    if (att.maxMeetings === null || att.maxMeetings === undefined) cap[v] = NO_CAP;
    else {
      checkInteger(att.maxMeetings, `attendee ${v} maxMeetings`, 0, NO_CAP);
      cap[v] = att.maxMeetings;
    }
  });

  const m = input.pairs.length;
  const pairA = new Int32Array(m);
  const pairB = new Int32Array(m);
  const score = new Float64Array(m);
  const dense = n <= DENSE_PAIR_TABLE_LIMIT ? new Int32Array(n * n).fill(-1) : null;
  const sparse = dense ? null : new Map<number, number>();
  const degree = new Int32Array(n + 1);
  input.pairs.forEach((pair, i) => {
    checkInteger(pair.a, `pair ${i} a`, 0, n - 1);
    checkInteger(pair.b, `pair ${i} b`, 0, n - 1);
    if (pair.a === pair.b) throw new ScheduleInputError(`pair ${i} joins attendee ${pair.a} to itself`);
    if (!(pair.score >= 0 && pair.score <= 1)) throw new ScheduleInputError(`pair ${i} score must be in [0, 1], got ${pair.score}`);
    const a = Math.min(pair.a, pair.b);
    const b = Math.max(pair.a, pair.b);
    const key = a * n + b;
    if ((dense ? dense[key] : sparse!.get(key) ?? -1) !== -1) throw new ScheduleInputError(`pair ${a}-${b} is listed twice`);
    if (dense) {
      dense[key] = i;
      dense[b * n + a] = i;
    } else sparse!.set(key, i);
    pairA[i] = a;
    pairB[i] = b;
    score[i] = pair.score;
    degree[a]++;
    degree[b]++;
  });

  const adjStart = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) adjStart[v + 1] = adjStart[v] + degree[v];
  const fill = adjStart.slice(0, n);
  const adjPair = new Int32Array(2 * m);
  const adjOther = new Int32Array(2 * m);
  for (let i = 0; i < m; i++) {
    const a = pairA[i];
    const b = pairB[i];
    adjPair[fill[a]] = i;
    adjOther[fill[a]++] = b;
    adjPair[fill[b]] = i;
    adjOther[fill[b]++] = a;
  }

  const pairOf = dense
    ? (a: number, b: number) => dense[a * n + b]
    : (a: number, b: number) => (a < b ? sparse!.get(a * n + b) : sparse!.get(b * n + a)) ?? -1;

  const locked = (input.locked ?? []).map((l, i) => {
    checkInteger(l.round, `locked meeting ${i} round`, 0, rounds - 1);
    checkInteger(l.a, `locked meeting ${i} a`, 0, n - 1);
    checkInteger(l.b, `locked meeting ${i} b`, 0, n - 1);
    if (l.a === l.b) throw new ScheduleInputError(`locked meeting ${i} joins attendee ${l.a} to itself`);
    const out: LockedMeeting = { round: l.round, a: Math.min(l.a, l.b), b: Math.max(l.a, l.b) };
    if (l.table !== undefined && l.table !== null) {
      checkInteger(l.table, `locked meeting ${i} table`, 0, n);
      out.table = l.table;
    }
    return out;
  });

  return { input, n, rounds, pairA, pairB, score, pairOf, adjStart, adjPair, adjOther, available, cap, locked };
}
