// Assembles the Schedule answer: meetings carry their pair's score and reasons, everything in a stable order,
// per-attendee totals.
import type { ScheduleProblem } from './schedule-problem.js';
import type { Schedule, ScheduledMeeting, ScheduledTable, SitOut } from './schedule-types.js';

export function makeMeeting(p: ScheduleProblem, round: number, x: number, y: number, table: number | null, locked: boolean): ScheduledMeeting {
  const a = Math.min(x, y);
  const b = Math.max(x, y);
  const e = p.pairOf(a, b);
  const pair = e >= 0 ? p.input.pairs[e] : null;
  return { round, a, b, table, score: pair ? pair.score : 0, reasons: pair ? pair.reasons.slice() : [], locked };
}

const byMeeting = (x: ScheduledMeeting, y: ScheduledMeeting) => x.round - y.round || x.a - y.a || x.b - y.b;

export function finishSchedule(n: number, meetings: ScheduledMeeting[], tables: ScheduledTable[], sitOuts: SitOut[]): Schedule {
  meetings.sort(byMeeting);
  tables.sort((x, y) => x.round - y.round || x.table - y.table);
  sitOuts.sort((x, y) => x.round - y.round || x.attendee - y.attendee);
  const totals = new Array<number>(n).fill(0);
  for (const m of meetings) {
    totals[m.a] += m.score;
    totals[m.b] += m.score;
  }
  return { meetings, tables, sitOuts, totals };
}
