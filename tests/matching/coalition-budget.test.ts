import { coalitionObjective, suggestCoalitions, suggestCoalitionsWithin, type CoalitionInput } from '../../src/matching/index.js';
import { cpuBudget, fromWireCoalitionInput, threadCpuMs, toWireCoalitionInput } from '../../src/matching/engine-worker.js';
import { ALL_CATEGORIES, randomInstance } from '../../src/matching/reference/random-instances.js';

// The work budget of the pure engine: a deadline checked in the search loops. Not hit, nothing changes; hit, the
// best feasible coalitions so far come back, the last one marked incomplete.

/** Big enough that the full search takes a while (every category, large sizes, 5 alternatives). */
function heavyInstance(seed: number): CoalitionInput {
  const base = randomInstance(seed, { minCandidates: 120, maxCandidates: 120 });
  return { ...base, requiredCategoryIds: ALL_CATEGORIES, minSize: 1, maxSize: 30, alternatives: 5, requireCommunityBased: false, mustInclude: [] };
}

function expectFeasible(input: CoalitionInput, memberIds: string[], score: number): void {
  const byId = new Map(input.candidates.map((o) => [o.id, o]));
  const members = memberIds.map((id) => byId.get(id)!);
  expect(members.length).toBeGreaterThanOrEqual(input.minSize);
  expect(members.length).toBeLessThanOrEqual(input.maxSize);
  expect(coalitionObjective(members, input)).toBeCloseTo(score, 9);
}

describe('coalition search under a deadline', () => {
  it('gives exactly the unbounded result when the deadline is not reached', () => {
    for (let s = 0; s < 3; s++) {
      const input = { ...randomInstance(4100 + s * 17), alternatives: 3 };
      const unbounded = suggestCoalitions(input);
      const outcome = suggestCoalitionsWithin(input, { deadline: performance.now() + 60_000 });
      expect(outcome.complete).toBe(true);
      expect(outcome.alternatives).toEqual(unbounded);
      expect(unbounded.length).toBeGreaterThan(0);
      expect(unbounded.every((alt) => alt.complete)).toBe(true);
    }
  });

  it('returns feasible coalitions found so far, the last marked incomplete, when the deadline has passed', () => {
    const input = heavyInstance(77);
    const outcome = suggestCoalitionsWithin(input, { deadline: performance.now() - 1 });
    expect(outcome.complete).toBe(false);
    expect(outcome.alternatives).toHaveLength(1); // the first seed's construction always runs; no later alternative starts
    expect(outcome.alternatives[0].complete).toBe(false);
    expectFeasible(input, outcome.alternatives[0].memberIds, outcome.alternatives[0].score);
  });

  it('stops soon after the deadline even in the expensive phases', () => {
    const input = heavyInstance(78);
    const started = performance.now();
    const outcome = suggestCoalitionsWithin(input, { deadline: started + 50 });
    const took = performance.now() - started;
    expect(outcome.complete).toBe(false);
    expect(took).toBeLessThan(1000);
    for (const alt of outcome.alternatives) expectFeasible(input, alt.memberIds, alt.score);
  });

  it('goes on when extendDeadline grants more time, and stops when it refuses', () => {
    const input = { ...randomInstance(4242), alternatives: 2 };
    let asked = 0;
    const granted = suggestCoalitionsWithin(input, { deadline: performance.now() - 1, extendDeadline: (now) => { asked++; return now + 60_000; } });
    expect(asked).toBe(1);
    expect(granted.complete).toBe(true);
    expect(granted.alternatives).toEqual(suggestCoalitions(input));
    const refused = suggestCoalitionsWithin(input, { deadline: performance.now() - 1, extendDeadline: () => undefined });
    expect(refused.complete).toBe(false);
  });

  it('measures the budget in the thread\'s CPU time on Linux', () => {
    const before = threadCpuMs();
    if (process.platform !== 'linux') return expect(before).toBeNull();
    expect(before).not.toBeNull();
    const spinUntil = performance.now() + 30;
    let x = 0;
    while (performance.now() < spinUntil) x++;
    expect(x).toBeGreaterThan(0);
    expect(threadCpuMs()! - before!).toBeGreaterThan(5);
    // A budget with CPU time left extends its wall deadline; one without ends.
    const budget = cpuBudget(10_000);
    expect(budget.extendDeadline!(performance.now())).toBeGreaterThan(performance.now());
    const spent = cpuBudget(1);
    const until = performance.now() + 5;
    while (performance.now() < until) x++;
    expect(spent.extendDeadline!(performance.now())).toBeUndefined();
  });

  it('passes trust to the worker as plain arrays and back', () => {
    const input = randomInstance(99);
    const wire = toWireCoalitionInput(input);
    expect(JSON.parse(JSON.stringify(wire))).toEqual(wire);
    const back = fromWireCoalitionInput(wire);
    expect([...back.trust.collaborators].map(([id, set]) => [id, [...set]])).toEqual([...input.trust.collaborators].map(([id, set]) => [id, [...set]]));
    expect(suggestCoalitions(back)).toEqual(suggestCoalitions(input));
  });
});
