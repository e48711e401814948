import type { BenchResult, Figure } from './results.js';

// The one table `npm run bench` ends with: a row per figure, a value column per database, the target and whether
// each database met it. A bench's load-average row (before -> after, taken by the runner around the bench's process)
// comes first, so a figure measured on a busy machine reads as such.

export interface BenchRun {
  bench: string;
  /** Key of the database column, or null for a bench that uses no database (measured once). */
  database: string | null;
  exitCode: number;
  seconds: number;
  load: { before: number[]; after: number[] };
  result: BenchResult | null;
}

function formatValue(f: Figure): string {
  if (f.value === null) return 'n/a';
  const v = f.value;
  const digits = Number.isInteger(v) ? 0 : Math.abs(v) < 10 ? 2 : 1;
  const text = v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (f.unit === 'ratio' || f.unit === '') return text;
  return f.unit === '%' ? `${text}%` : `${text} ${f.unit}`;
}

const targetOf = (f: Figure): string => (f.target === null ? '' : f.unit === '%' ? `${f.target}%` : f.unit === 'ratio' ? f.target : `${f.target} ${f.unit}`);

interface Row {
  bench: string;
  /** The columns this bench's runs fill: every database, or the first for a bench without one. */
  columns: string[];
  figure: string;
  values: Map<string, string>;
  target: string;
  passes: Map<string, boolean | null>;
}

export function summaryTable(runs: BenchRun[], columns: string[]): string {
  const rows: Row[] = [];
  const benches = [...new Set(runs.map((r) => r.bench))];
  for (const bench of benches) {
    const ofBench = runs.filter((r) => r.bench === bench);
    // A bench without a database is measured once: its values stand in the first column.
    const columnOf = (run: BenchRun) => run.database ?? columns[0];
    const used = columns.filter((c) => ofBench.some((run) => columnOf(run) === c));
    const load: Row = { bench, columns: used, figure: 'load average 1 min, before -> after', values: new Map(), target: '', passes: new Map() };
    for (const run of ofBench) load.values.set(columnOf(run), `${run.load.before[0].toFixed(2)} -> ${run.load.after[0].toFixed(2)}`);
    rows.push(load);
    const byName = new Map<string, Row>();
    for (const run of ofBench) {
      const col = columnOf(run);
      if (run.exitCode !== 0 || !run.result) {
        const name = run.result ? 'exit code' : 'exit code (no results written)';
        let row = byName.get(name);
        if (!row) byName.set(name, (row = { bench, columns: used, figure: name, values: new Map(), target: '= 0', passes: new Map() }));
        row.values.set(col, String(run.exitCode));
        row.passes.set(col, run.exitCode === 0);
      }
      for (const f of run.result?.figures ?? []) {
        let row = byName.get(f.name);
        if (!row) byName.set(f.name, (row = { bench, columns: used, figure: f.name, values: new Map(), target: targetOf(f), passes: new Map() }));
        row.values.set(col, formatValue(f));
        row.passes.set(col, f.pass);
      }
    }
    rows.push(...byName.values());
  }
  const header = ['bench', 'figure', ...columns, 'target', 'pass'];
  const cells = rows.map((r) => {
    // One verdict per column the bench filled, in column order ('-': no target or not measured there).
    const passes = r.columns.map((c) => r.passes.get(c) ?? null);
    const pass = passes.some((p) => p !== null) ? passes.map((p) => (p === null ? '-' : p ? 'yes' : 'NO')).join(' / ') : '';
    return [r.bench, r.figure, ...columns.map((c) => r.values.get(c) ?? ''), r.target, pass];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const numeric = (i: number) => i >= 2 && i < 2 + columns.length;
  const line = (c: string[]) => c.map((v, i) => (numeric(i) ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** A run passes when its bench exited 0 and every figure with a target met it. */
export const runPassed = (run: BenchRun): boolean =>
  run.exitCode === 0 && run.result !== null && run.result.figures.every((f) => f.pass !== false);
