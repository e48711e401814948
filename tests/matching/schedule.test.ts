// The event schedule engine (src/matching/events): rules always kept on seeded random instances, fair sit-outs,
// locks, determinism, repair with few changes, the manual-change rule names. Quality against the exact reference:
// schedule-quality.test.ts.
import { checkManualMeeting, findBrokenRule, generateSchedule, repairSchedule, ScheduleInputError, type ScheduleInput } from '../../src/matching/events/index.js';
import { randomScheduleInstance } from '../../src/matching/reference/random-schedule-instances.js';
import { scheduleViolations, sitOutCounts } from '../../src/matching/reference/schedule-invariants.js';

function completeInstance(n: number, rounds: number, seed = 1): ScheduleInput {
  const pairs = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push({ a, b, score: ((a * 7 + b * 13 + seed) % 10) / 10, reasons: [`r${a}-${b}`] });
  return {
    format: 'ONE_TO_ONE',
    rounds,
    attendees: Array.from({ length: n }, (_, v) => ({ id: `a${v}`, availableRounds: [...Array(rounds).keys()], maxMeetings: null })),
    pairs,
    seed,
  };
}

describe('ONE_TO_ONE: rules always hold', () => {
  const cases: [number, number, number][] = [[7, 4, 0.7], [20, 6, 0.9], [41, 8, 0.5], [80, 8, 0.95], [150, 8, 0.3]];
  it.each(cases)('%i attendees, %i rounds, density %f: 6 seeds with locks, caps, gaps', (n, rounds, density) => {
    for (let seed = 1; seed <= 6; seed++) {
      const input = randomScheduleInstance(seed, { attendees: n, rounds, density, locks: 3, capRate: 0.3, missRate: 0.2 });
      const s = generateSchedule(input);
      expect(scheduleViolations(input, s)).toEqual([]);
      expect(s.tables).toEqual([]);
      expect(s.meetings.filter((m) => m.locked)).toHaveLength(input.locked!.length);
    }
  });

  it('meetings carry the pair score and reasons; totals add them up', () => {
    const input = completeInstance(6, 3);
    const s = generateSchedule(input);
    const m = s.meetings[0];
    const pair = input.pairs.find((p) => p.a === m.a && p.b === m.b)!;
    expect(m.reasons).toEqual(pair.reasons);
    expect(m.score).toBe(pair.score);
    expect(s.meetings).toHaveLength(9); // 3 meetings a round, everyone meets each round
    expect(s.totals.reduce((x, y) => x + y, 0)).toBeCloseTo(2 * s.meetings.reduce((x, y) => x + y.score, 0), 9);
  });
});

describe('ONE_TO_ONE: fair sit-outs', () => {
  it('an odd number of attendees: one sits out per round, nobody twice before everyone once', () => {
    // (a full round robin, 9 rounds for 9 attendees, is beyond a round-by-round method: the last rounds' unmet
    // pairs need not form a matching; 7 of 9 rounds leave enough room)
    const input = completeInstance(9, 7, 3);
    const s = generateSchedule(input);
    expect(scheduleViolations(input, s)).toEqual([]);
    const counts = sitOutCounts(input, s);
    expect(s.sitOuts).toHaveLength(7);
    expect(Math.max(...counts)).toBe(1);
  });

  it.each([[11, 8], [15, 8], [31, 8]])('%i attendees, %i rounds, random scores: sit-out counts differ by at most one', (n, rounds) => {
    for (let seed = 1; seed <= 4; seed++) {
      const input = randomScheduleInstance(seed, { attendees: n, rounds, density: 1, missRate: 0, capRate: 0 });
      const s = generateSchedule(input);
      const counts = sitOutCounts(input, s);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      expect(s.sitOuts).toHaveLength(rounds); // one per round: never more than the parity forces
    }
  });

  it('an attendee with no pair left is listed as sitting out, not matched', () => {
    const input = completeInstance(4, 3);
    input.pairs = input.pairs.filter((p) => p.a !== 3 && p.b !== 3);
    const s = generateSchedule(input);
    expect(s.sitOuts.filter((x) => x.attendee === 3).map((x) => x.round)).toEqual([0, 1, 2]);
    expect(s.meetings.some((m) => m.a === 3 || m.b === 3)).toBe(false);
  });
});

describe('ONE_TO_ONE: locks, caps, availability', () => {
  it('locked meetings are kept as they are and their pair is not met again', () => {
    const input = completeInstance(8, 4);
    input.locked = [{ round: 2, a: 0, b: 1 }, { round: 0, a: 5, b: 2 }];
    const s = generateSchedule(input);
    expect(s.meetings.filter((m) => m.locked).map((m) => [m.round, m.a, m.b])).toEqual([[0, 2, 5], [2, 0, 1]]);
    expect(s.meetings.filter((m) => m.a === 0 && m.b === 1)).toHaveLength(1);
    expect(scheduleViolations(input, s)).toEqual([]);
  });

  it('a cap keeps room for the locked meetings later in the day', () => {
    const input = completeInstance(6, 4);
    input.attendees[0].maxMeetings = 1;
    input.locked = [{ round: 3, a: 0, b: 4 }];
    const s = generateSchedule(input);
    expect(s.meetings.filter((m) => m.a === 0 || m.b === 0).map((m) => m.round)).toEqual([3]);
  });

  it('locks that break a rule are refused with the rule named', () => {
    const input = completeInstance(6, 3);
    input.attendees[1].availableRounds = [0, 2];
    input.locked = [{ round: 1, a: 0, b: 1 }];
    expect(() => generateSchedule(input)).toThrow(ScheduleInputError);
    expect(() => generateSchedule(input)).toThrow(/second attendee is not available in round 2/);
    input.locked = [{ round: 0, a: 0, b: 1 }, { round: 0, a: 1, b: 2 }];
    expect(() => generateSchedule(input)).toThrow(/already has a meeting in round 1/);
  });

  it('bad input is refused clearly', () => {
    const input = completeInstance(4, 2);
    expect(() => generateSchedule({ ...input, pairs: [{ a: 0, b: 9, score: 0.5, reasons: [] }] })).toThrow(/pair 0 b/);
    expect(() => generateSchedule({ ...input, pairs: [{ a: 0, b: 1, score: 1.5, reasons: [] }] })).toThrow(/score must be in \[0, 1\]/);
    expect(() => generateSchedule({ ...input, pairs: [input.pairs[0], { ...input.pairs[0] }] })).toThrow(/listed twice/);
  });
});

describe('determinism', () => {
  it('same input and seed give the same schedule; another seed may differ', () => {
    const input = randomScheduleInstance(5, { attendees: 60, rounds: 6, locks: 2 });
    const first = generateSchedule(input);
    expect(generateSchedule(structuredClone(input))).toEqual(first);
    const tables = randomScheduleInstance(5, { attendees: 60, rounds: 4, format: 'TABLES', seatsPerTable: 5 });
    expect(generateSchedule(structuredClone(tables))).toEqual(generateSchedule(tables));
    const other = generateSchedule({ ...completeInstance(30, 4, 1), seed: 2 });
    const same = generateSchedule({ ...completeInstance(30, 4, 1), seed: 1 });
    expect(other).not.toEqual(same);
  });
});

describe('checkManualMeeting names the broken rule', () => {
  const input = completeInstance(6, 3);
  input.pairs = input.pairs.filter((p) => !(p.a === 0 && p.b === 5));
  input.attendees[4].availableRounds = [0, 1];
  input.attendees[3].maxMeetings = 1;
  const s = generateSchedule(input);
  const meetingOf = (round: number, v: number) => s.meetings.find((m) => m.round === round && (m.a === v || m.b === v));

  it('pair not allowed', () => {
    expect(findBrokenRule(input, s, { round: 0, a: 0, b: 5 })?.rule).toBe('PAIR_NOT_ALLOWED');
    expect(checkManualMeeting(input, s, { round: 0, a: 5, b: 0 })).toBe("These two attendees may not meet under the event's who-can-meet rules");
  });
  it('same pair twice', () => {
    const m = s.meetings.find((x) => x.round === 0)!;
    const without = { ...s, meetings: s.meetings.filter((x) => x.round !== 1) };
    expect(checkManualMeeting(input, without, { round: 1, a: m.a, b: m.b })).toBe('These two attendees already meet in round 1');
  });
  it('attendee unavailable', () => {
    expect(findBrokenRule(input, { ...s, meetings: [] }, { round: 2, a: 1, b: 4 })).toEqual({ rule: 'ATTENDEE_UNAVAILABLE', attendee: 4, message: 'The second attendee is not available in round 3' });
  });
  it('double-booked in a round', () => {
    const m = meetingOf(0, 1)!;
    const other = [0, 1, 2, 3, 4, 5].find((v) => v !== m.a && v !== m.b && v !== 5 && v !== 0)!;
    const r = findBrokenRule(input, s, { round: 0, a: 1, b: other });
    expect(r?.rule).toBe('DOUBLE_BOOKED');
    expect(r?.message).toMatch(/already has a meeting in round 1/);
  });
  it('over its cap', () => {
    const booked = [{ round: 0, a: 2, b: 3, table: null, score: 0, reasons: [], locked: false }];
    expect(findBrokenRule(input, { ...s, meetings: booked }, { round: 1, a: 3, b: 4 })).toEqual({ rule: 'OVER_CAP', attendee: 3, message: 'The first attendee would have more than its cap of 1 meetings' });
  });
  it('a meeting that breaks nothing: null', () => {
    expect(checkManualMeeting(input, { ...s, meetings: [] }, { round: 1, a: 1, b: 2 })).toBeNull();
  });
  it('rounds and attendees out of range', () => {
    expect(findBrokenRule(input, s, { round: 3, a: 1, b: 2 })?.message).toBe('Round 4 is not a round of this event (1 to 3)');
    expect(findBrokenRule(input, s, { round: 0, a: 1, b: 1 })?.rule).toBe('INVALID_MEETING');
    expect(findBrokenRule(input, s, { round: 0, a: 1, b: 99 })?.rule).toBe('INVALID_MEETING');
  });
});

describe('repairSchedule', () => {
  it('after a cancellation: history and untouched meetings kept, the partners re-paired, moves reported', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const input = randomScheduleInstance(seed, { attendees: 41, rounds: 6, density: 0.9, capRate: 0 });
      const before = generateSchedule(input);
      const gone = [3, 17];
      const { schedule, moved, cancelled } = repairSchedule(input, before, { removed: gone, fromRound: 2 });
      const after = { ...input, attendees: input.attendees.map((a, v) => (gone.includes(v) ? { ...a, availableRounds: a.availableRounds.filter((r) => r < 2) } : a)) };
      expect(scheduleViolations(after, schedule)).toEqual([]);
      const key = (m: { round: number; a: number; b: number }) => `${m.round}:${m.a}:${m.b}`;
      const kept = before.meetings.filter((m) => m.round < 2 || (!gone.includes(m.a) && !gone.includes(m.b)));
      const afterKeys = new Set(schedule.meetings.map(key));
      expect(kept.every((m) => afterKeys.has(key(m)))).toBe(true);
      expect(cancelled.map(key).sort()).toEqual(before.meetings.filter((m) => m.round >= 2 && (gone.includes(m.a) || gone.includes(m.b))).map(key).sort());
      expect(schedule.meetings.length).toBe(kept.length + moved.length);
      // each new meeting involves someone who lost a partner: no other agenda changes
      for (const mv of moved) {
        expect(mv.aWas !== null || mv.bWas !== null).toBe(true);
        expect(gone.includes(mv.aWas ?? gone[0]) && gone.includes(mv.bWas ?? gone[0])).toBe(true);
        expect(mv.was).toMatch(/partner cancelled/);
      }
      expect(moved.length).toBeLessThanOrEqual(cancelled.length);
      expect(moved.length).toBeGreaterThan(0);
    }
  });

  it('TABLES: removed attendees leave their tables, nobody else moves unless left alone', () => {
    const input = randomScheduleInstance(2, { attendees: 30, rounds: 4, format: 'TABLES', seatsPerTable: 4, capRate: 0 });
    const before = generateSchedule(input);
    const { schedule } = repairSchedule(input, before, { removed: [5], fromRound: 1 });
    expect(schedule.tables.filter((t) => t.round >= 1).some((t) => t.members.includes(5))).toBe(false);
    expect(schedule.tables.filter((t) => t.round === 0)).toEqual(before.tables.filter((t) => t.round === 0));
    const after = { ...input, attendees: input.attendees.map((a, v) => (v === 5 ? { ...a, availableRounds: [0] } : a)) };
    expect(scheduleViolations(after, schedule)).toEqual([]);
  });
});

describe('TABLES: rules always hold', () => {
  it.each([[13, 3, 4, 0.9], [40, 5, 6, 0.95], [75, 6, 8, 0.7]])('%i attendees, %i rounds, %i seats, density %f', (n, rounds, seats, density) => {
    for (let seed = 1; seed <= 4; seed++) {
      const input = randomScheduleInstance(seed, { attendees: n, rounds, format: 'TABLES', seatsPerTable: seats, density, locks: 2 });
      const s = generateSchedule(input);
      expect(scheduleViolations(input, s)).toEqual([]);
      for (let r = 0; r < rounds; r++) {
        const seated = s.tables.filter((t) => t.round === r).reduce((acc, t) => acc + t.members.length, 0);
        const sitting = s.sitOuts.filter((x) => x.round === r).length;
        const expected = input.attendees.filter((a, v) => a.availableRounds.includes(r) && (a.maxMeetings === null || s.tables.filter((t) => t.round < r && t.members.includes(v)).length < a.maxMeetings)).length;
        expect(seated + sitting).toBeLessThanOrEqual(expected);
      }
    }
  });

  it('a locked pair shares its table', () => {
    const input = randomScheduleInstance(3, { attendees: 24, rounds: 3, format: 'TABLES', seatsPerTable: 4, missRate: 0, capRate: 0 });
    input.locked = [{ round: 1, a: 2, b: 9, table: 3 }];
    const s = generateSchedule(input);
    const t = s.tables.find((x) => x.round === 1 && x.table === 3)!;
    expect(t.members).toEqual(expect.arrayContaining([2, 9]));
    expect(scheduleViolations(input, s)).toEqual([]);
  });
});
