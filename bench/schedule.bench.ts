// `npm run bench:schedule [-- --attendees 1000 --rounds 8 --exact-attendees 200 --seeds 3]`
// The event schedule engine (src/matching/events), quality and time side by side:
// - speed: ONE_TO_ONE and TABLES for 1,000 attendees x 8 rounds (~475k pairs that may meet), target < 3 s;
// - ONE_TO_ONE quality against the exact maximum-weight matching of each round, round after round (edmonds-blossom,
//   O(n^3): run on smaller instances, --exact-attendees), total and lowest attendee total;
// - TABLES quality against random seating and a long local search (iterated, many restarts).
// Wall time depends on what else runs on the machine: the load average is printed, and CPU time beside wall time.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateSchedule, type Schedule, type ScheduleInput } from '../src/matching/events/index.js';
import { exactRoundAfterRound } from '../src/matching/reference/exact-schedule.js';
import { randomScheduleInstance } from '../src/matching/reference/random-schedule-instances.js';
import { scheduleViolations } from '../src/matching/reference/schedule-invariants.js';
import { longTableSearch, randomSeating, tableQuality } from '../src/matching/reference/table-references.js';
import { figure, loadNow, writeResult } from './support/results.js';

const { values } = parseArgs({
  options: {
    attendees: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '8' },
    'exact-attendees': { type: 'string', default: '200' },
    'tables-attendees': { type: 'string', default: '120' },
    seeds: { type: 'string', default: '3' },
  },
});
const big = Number(values.attendees);
const rounds = Number(values.rounds);
const exactN = Number(values['exact-attendees']);
const tablesN = Number(values['tables-attendees']);
const seeds = Number(values.seeds);
const startedAt = new Date().toISOString();
const loadBefore = loadNow();
// Summary figures for bench/results (the tables below stay the human record).
let slowestMs = 0;
let slowestCpuMs = 0;
let brokenSchedules = 0;
let worstTablesVsLong = Infinity;

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ');
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const fmt = (x: number, d = 1) => x.toFixed(d);

function timed<T>(fn: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function check(input: ScheduleInput, s: Schedule): string {
  const v = scheduleViolations(input, s);
  if (v.length > 0) brokenSchedules++;
  return v.length === 0 ? 'ok' : `${v.length} BROKEN (${v[0]})`;
}

const rows: string[][] = [];
const row = (...cells: (string | number)[]) => rows.push(cells.map(String));
function printTable(title: string, header: string[]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  rows.length = 0;
}

console.log(`schedule bench: node ${process.version}, load average before: ${loadavg()}`);

// 1. speed at full size (a warm-up run first: the first call also pays for JIT compilation)
for (const format of ['ONE_TO_ONE', 'TABLES'] as const) {
  for (let seed = 1; seed <= seeds; seed++) {
    const input = randomScheduleInstance(seed, { attendees: big, rounds, format, seatsPerTable: 6, locks: 5 });
    if (seed === 1) generateSchedule(randomScheduleInstance(99, { attendees: 200, rounds, format, seatsPerTable: 6 }));
    const run = timed(() => generateSchedule(input));
    const s = run.value;
    const quality = format === 'TABLES' ? tableQuality(s) : null;
    slowestMs = Math.max(slowestMs, run.wallMs);
    slowestCpuMs = Math.max(slowestCpuMs, run.cpuMs);
    row(format, big, rounds, input.pairs.length, seed, s.meetings.length, fmt(sum(s.totals) / 2), fmt(Math.min(...s.totals), 3),
      quality ? quality.repeats : '-', check(input, s), fmt(run.wallMs, 0), fmt(run.cpuMs, 0), run.wallMs < 3000 ? 'yes' : 'NO', loadavg().split(' ')[0]);
  }
}
printTable(`Speed: ${big} attendees x ${rounds} rounds (target < 3,000 ms wall)`, ['format', 'attendees', 'rounds', 'pairs', 'seed', 'meetings', 'score sum', 'min total', 'repeats', 'rules', 'wall ms', 'cpu ms', '< 3 s', 'load 1m']);

// 2. ONE_TO_ONE against the exact per-round matching
const sizes: [number, number][] = [[30, 0.9], [101, 0.5], [exactN, 0.95]];
let worstRatio = Infinity;
let minFails = 0;
for (const [n, density] of sizes) {
  for (let seed = 1; seed <= seeds; seed++) {
    const input = randomScheduleInstance(seed, { attendees: n, rounds, density, locks: 2 });
    const ours = timed(() => generateSchedule(input));
    const ref = timed(() => exactRoundAfterRound(input));
    const ratio = sum(ours.value.totals) / sum(ref.value.totals);
    const minOurs = Math.min(...ours.value.totals);
    const minRef = Math.min(...ref.value.totals);
    worstRatio = Math.min(worstRatio, ratio);
    if (minOurs < minRef - 1e-9) minFails++;
    row(n, density, input.pairs.length, seed, fmt(sum(ours.value.totals) / 2, 2), fmt(sum(ref.value.totals) / 2, 2), `${fmt(100 * ratio, 2)}%`,
      fmt(minOurs, 3), fmt(minRef, 3), minOurs >= minRef - 1e-9 ? 'yes' : 'NO', ours.value.sitOuts.length, ref.value.sitOuts.length, fmt(ours.wallMs, 0), fmt(ref.wallMs, 0));
  }
}
printTable(`ONE_TO_ONE vs exact matching round after round (edmonds-blossom), ${rounds} rounds`, ['attendees', 'density', 'pairs', 'seed', 'engine total', 'exact total', 'ratio', 'engine min', 'exact min', 'min >= exact', 'engine sit-outs', 'exact sit-outs', 'engine ms', 'exact ms']);
console.log(`worst ratio ${fmt(100 * worstRatio, 2)}% (target >= 99%), lowest-total shortfalls: ${minFails} (target 0)`);

// 3. TABLES against random seating and a long local search
for (const [n, seats] of [[tablesN, 6], [tablesN, 8]] as const) {
  for (let seed = 1; seed <= seeds; seed++) {
    const input = randomScheduleInstance(seed, { attendees: n, rounds, format: 'TABLES', seatsPerTable: seats, locks: 2 });
    const ours = timed(() => generateSchedule(input));
    const rnd = timed(() => randomSeating(input));
    const long = timed(() => longTableSearch(input));
    const q = tableQuality(ours.value);
    const qr = tableQuality(rnd.value);
    const ql = tableQuality(long.value);
    worstTablesVsLong = Math.min(worstTablesVsLong, q.total / ql.total);
    row(n, seats, seed, fmt(q.total), fmt(ql.total), `${fmt((100 * q.total) / ql.total, 2)}%`, fmt(qr.total), `${fmt((100 * q.total) / qr.total, 0)}%`,
      q.repeats, ql.repeats, qr.repeats, fmt(ours.wallMs, 0), fmt(long.wallMs, 0));
  }
}
printTable(`TABLES: summed pair scores at the tables, ${rounds} rounds`, ['attendees', 'seats', 'seed', 'engine', 'long search', 'vs long', 'random', 'vs random', 'repeats', 'long repeats', 'random repeats', 'engine ms', 'long ms']);
console.log(`\nload average after: ${loadavg()}`);
const file = writeResult({
  bench: 'schedule', database: null, load: { before: loadBefore, after: loadNow() }, startedAt,
  figures: [
    figure(`slowest schedule, ${big} attendees x ${rounds} rounds`, slowestMs, 'ms', { below: 3000 }),
    figure('its CPU time', slowestCpuMs, 'ms'),
    figure('schedules breaking a rule', brokenSchedules, 'schedules', { equals: 0 }),
    figure('ONE_TO_ONE vs exact matching, worst', 100 * worstRatio, '%', { atLeast: 99 }),
    figure('lowest attendee total below exact', minFails, 'instances', { equals: 0 }),
    figure('TABLES vs long search, worst', 100 * worstTablesVsLong, '%'),
  ],
  details: { attendees: big, rounds, exactAttendees: exactN, tablesAttendees: tablesN, seeds },
});
process.stderr.write(`results written to ${file}\n`);
