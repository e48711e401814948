// Every rule a schedule must keep, checked from scratch (tests and the schedule bench only): the list of broken
// rules, empty when the schedule is valid.
import type { Schedule, ScheduleInput } from '../events/schedule-types.js';

export function scheduleViolations(input: ScheduleInput, s: Schedule): string[] {
  const out: string[] = [];
  const n = input.attendees.length;
  const pairs = new Map(input.pairs.map((p) => [`${Math.min(p.a, p.b)}:${Math.max(p.a, p.b)}`, p]));
  const avail = input.attendees.map((a) => new Set(a.availableRounds));
  const busy = new Map<string, number>(); // "round:attendee" -> table (TABLES) or partner
  const met = new Set<string>();
  const rounds: Set<number>[] = Array.from({ length: n }, () => new Set());
  const totals = new Array<number>(n).fill(0);
  const tables = input.format === 'TABLES';
  for (const m of s.meetings) {
    const key = `${m.a}:${m.b}`;
    const pair = pairs.get(key);
    if (m.a >= m.b) out.push(`meeting ${key} not ordered`);
    if (!pair) out.push(`round ${m.round}: pair ${key} may not meet`);
    else if (pair.score !== m.score || pair.reasons.join('|') !== m.reasons.join('|')) out.push(`pair ${key}: score or reasons changed`);
    if (m.round < 0 || m.round >= input.rounds) out.push(`meeting ${key} in round ${m.round} out of range`);
    for (const v of [m.a, m.b]) {
      if (!avail[v]?.has(m.round)) out.push(`round ${m.round}: attendee ${v} unavailable`);
      const bk = `${m.round}:${v}`;
      if (!tables && busy.has(bk)) out.push(`round ${m.round}: attendee ${v} double-booked`);
      if (tables && busy.has(bk) && busy.get(bk) !== m.table) out.push(`round ${m.round}: attendee ${v} at two tables`);
      busy.set(bk, tables ? (m.table ?? -1) : 1);
      rounds[v].add(m.round);
    }
    if (!tables) {
      if (met.has(key)) out.push(`pair ${key} meets twice`);
      met.add(key);
    }
    totals[m.a] += m.score;
    totals[m.b] += m.score;
  }
  input.attendees.forEach((a, v) => {
    if (a.maxMeetings !== null && rounds[v].size > a.maxMeetings) out.push(`attendee ${v} over its cap ${a.maxMeetings}`);
    if (Math.abs(totals[v] - s.totals[v]) > 1e-9) out.push(`attendee ${v}: total ${s.totals[v]} != ${totals[v]}`);
  });
  for (const l of input.locked ?? []) {
    const a = Math.min(l.a, l.b);
    const b = Math.max(l.a, l.b);
    const m = s.meetings.find((x) => x.round === l.round && x.a === a && x.b === b);
    if (!m || !m.locked) out.push(`locked meeting ${a}:${b} in round ${l.round} not kept`);
    else if (l.table !== undefined && m.table !== l.table) out.push(`locked meeting ${a}:${b} moved from table ${l.table}`);
  }
  for (const so of s.sitOuts) {
    if (busy.has(`${so.round}:${so.attendee}`)) out.push(`round ${so.round}: attendee ${so.attendee} sits out and meets`);
    if (!avail[so.attendee]?.has(so.round)) out.push(`round ${so.round}: attendee ${so.attendee} sits out while unavailable`);
  }
  if (tables) {
    const seats = input.seatsPerTable ?? 0;
    const seen = new Set<string>();
    for (const t of s.tables) {
      if (t.members.length > seats) out.push(`round ${t.round} table ${t.table}: ${t.members.length} > ${seats} seats`);
      for (let i = 0; i < t.members.length; i++) {
        const v = t.members[i];
        const k = `${t.round}:${v}`;
        if (seen.has(k)) out.push(`round ${t.round}: attendee ${v} seated twice`);
        seen.add(k);
        for (let j = i + 1; j < t.members.length; j++) {
          const key = `${Math.min(v, t.members[j])}:${Math.max(v, t.members[j])}`;
          if (!pairs.has(key)) out.push(`round ${t.round} table ${t.table}: ${key} may not share a table`);
        }
      }
    }
  }
  return out;
}

/** Sit-outs per attendee among rounds where it could have met. */
export function sitOutCounts(input: ScheduleInput, s: Schedule): number[] {
  const counts = new Array<number>(input.attendees.length).fill(0);
  for (const so of s.sitOuts) counts[so.attendee]++;
  return counts;
}
