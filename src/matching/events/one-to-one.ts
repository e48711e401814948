// ONE_TO_ONE schedules: round after round, a near-maximum-weight matching of the attendees who can meet in it.
//
// Fairness, in three parts:
// - Sit-outs: an attendee who already sat out more often than the least sat-out candidate of the round gets a
//   bonus on each of its pairs (sitOutBonus per extra sit-out), so the matching seats it when it can: nobody sits
//   out twice before everyone who can meet has sat out once, where the numbers allow (tests: odd rooms, complete
//   and random scores). The bonus is modest (0.3, a third of a top score): a larger one (tried: 2 and 4) forced
//   poor meetings on sparse, capped rooms and cost up to 1.3% of the total; choosing the sit-out up front (tried)
//   cost up to 4% on small rooms.
// - Under-served attendees: a pair's weight is its score times 1 + underServedWeight * (d_u + d_v), where d is
//   how far the attendee's projected final total (its total so far plus the meetings its cap and availability
//   still allow, at the mean meeting score) lies below the mean projection of this round's candidates (0 at or
//   above the mean, 1 at zero). Attendees whose pairs score low, who missed rounds or have a low cap get first
//   pick of their best partners. 0.1 measured best: 0.5 and 1 cost total without lifting the minimum more.
// - A max-min step at the end (max-min.ts) changes partners inside one round when that lifts the lowest attendee
//   total, within 0.5% of the schedule's total score.
// A tiny weight per meeting (MEETING_WEIGHT) makes a zero-score allowed pair better than sitting out.
import { findBrokenRule, type MeetingRef } from './manual-check.js';
import { raiseMinimum } from './max-min.js';
import { matchRound } from './round-matching.js';
import { ScheduleInputError, isAvailable, type ScheduleProblem } from './schedule-problem.js';
import { finishSchedule, makeMeeting } from './schedule-output.js';
import type { Schedule, ScheduledMeeting, SitOut } from './schedule-types.js';
import { seededPermutation, seededRandom } from './seeded-random.js';

export const MEETING_WEIGHT = 1e-4;

export interface OneToOneTuning {
  sitOutBonus: number;
  underServedWeight: number;
  maxMin: boolean;
}
export const DEFAULT_TUNING: OneToOneTuning = { sitOutBonus: 0.3, underServedWeight: 0.1, maxMin: true };

/** Locked meetings, checked against each other with the manual-change rules; a broken one throws. */
export function checkLocks(p: ScheduleProblem): MeetingRef[] {
  const accepted: MeetingRef[] = [];
  for (const lock of p.locked) {
    const broken = findBrokenRule(p, accepted, lock);
    if (broken) throw new ScheduleInputError(`locked meeting in round ${lock.round + 1} (${lock.a}-${lock.b}): ${broken.message}`);
    accepted.push(lock);
  }
  return accepted;
}

export interface OneToOneState {
  /** pair already met (or locked in some round) */
  used: Uint8Array;
  meetings: ScheduledMeeting[];
  sitOuts: SitOut[];
}

export function scheduleOneToOne(p: ScheduleProblem, tuning: OneToOneTuning = DEFAULT_TUNING): Schedule {
  const { n, rounds } = p;
  const m = p.pairA.length;
  const rand = seededRandom(p.input.seed);
  const locks = checkLocks(p);

  const used = new Uint8Array(m);
  const count = new Int32Array(n);
  const lockedAhead = new Int32Array(n);
  const total = new Float64Array(n);
  const sitOutCount = new Int32Array(n);
  const locksByRound: MeetingRef[][] = Array.from({ length: rounds }, () => []);
  for (const l of locks) {
    used[p.pairOf(l.a, l.b)] = 1;
    lockedAhead[l.a]++;
    lockedAhead[l.b]++;
    locksByRound[l.round].push(l);
  }

  const meetings: ScheduledMeeting[] = [];
  const sitOuts: SitOut[] = [];
  const active = new Uint8Array(n);
  const weight = new Float64Array(m);
  const deficit = new Float64Array(n);
  const projected = new Float64Array(n);
  let scoreSum = 0;
  let meetingCount = 0;

  for (let r = 0; r < rounds; r++) {
    const order = seededPermutation(n, rand); // seeded tie-breaks: another seed, another good schedule
    const busy = new Uint8Array(n);
    for (const l of locksByRound[r]) {
      const meeting = makeMeeting(p, r, l.a, l.b, null, true);
      meetings.push(meeting);
      for (const v of [l.a, l.b]) {
        busy[v] = 1;
        count[v]++;
        lockedAhead[v]--;
        total[v] += meeting.score;
      }
    }
    for (let v = 0; v < n; v++) active[v] = isAvailable(p, v, r) && !busy[v] && count[v] + lockedAhead[v] < p.cap[v] ? 1 : 0;
    const free = Uint8Array.from(active); // could meet this round: a sit-out if left without a meeting

    // candidates: active attendees with at least one pair still unmet among the active
    const candidate = new Uint8Array(n);
    let candidates = 0;
    let minSitOuts = Infinity;
    for (let v = 0; v < n; v++) {
      if (!active[v]) continue;
      for (let i = p.adjStart[v], end = p.adjStart[v + 1]; i < end; i++) {
        if (!used[p.adjPair[i]] && active[p.adjOther[i]]) {
          candidate[v] = 1;
          candidates++;
          minSitOuts = Math.min(minSitOuts, sitOutCount[v]);
          break;
        }
      }
    }
    // projected final total: what v has plus what it can still get (meetings left by cap and availability, each
    // at the mean meeting score so far); the deficit is how far that lies below the candidates' mean projection
    const meanScore = meetingCount > 0 ? scoreSum / meetingCount : 0;
    let projectedSum = 0;
    for (let v = 0; v < n; v++) {
      if (!candidate[v]) continue;
      let left = 0;
      for (let x = r; x < rounds; x++) if (isAvailable(p, v, x)) left++;
      projected[v] = total[v] + Math.min(left, p.cap[v] - count[v] - lockedAhead[v]) * meanScore;
      projectedSum += projected[v];
    }
    const mean = candidates > 0 ? projectedSum / candidates : 0;
    for (let v = 0; v < n; v++) deficit[v] = candidate[v] && mean > 0 ? Math.max(0, (mean - projected[v]) / mean) : 0;
    for (let e = 0; e < m; e++) {
      const a = p.pairA[e];
      const b = p.pairB[e];
      if (used[e] || !active[a] || !active[b]) {
        weight[e] = 0;
        continue;
      }
      const bonus = tuning.sitOutBonus * (sitOutCount[a] - minSitOuts + sitOutCount[b] - minSitOuts);
      weight[e] = MEETING_WEIGHT + p.score[e] * (1 + tuning.underServedWeight * (deficit[a] + deficit[b])) + bonus;
    }

    const mate = matchRound({ p, active, weight }, order);
    for (let v = 0; v < n; v++) {
      const u = mate[v];
      if (u > v) {
        const meeting = makeMeeting(p, r, v, u, null, false);
        meetings.push(meeting);
        used[p.pairOf(v, u)] = 1;
        count[v]++;
        count[u]++;
        total[v] += meeting.score;
        total[u] += meeting.score;
        scoreSum += meeting.score;
        meetingCount++;
      } else if (u === -1 && free[v]) {
        sitOuts.push({ round: r, attendee: v });
        if (candidate[v]) sitOutCount[v]++;
      }
    }
  }
  if (tuning.maxMin) raiseMinimum(p, meetings, sitOuts);
  return finishSchedule(n, meetings, [], sitOuts);
}
