import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';

// One small shape for every benchmark's figures, so `npm run bench` can gather them into one table and one summary
// without parsing each bench's human output (which stays as it was). A bench run alone writes
// bench/results/<bench>-<time>.json; under the runner it writes where BENCH_RESULT_FILE says.

export const RESULTS_DIR = join(__dirname, '..', 'results');

/** `< 30` (below), `>= 0.6` (at least) or `= 0` (exactly): the bench's target for one figure. */
export type Target = { below: number } | { atLeast: number } | { equals: number };

export interface Figure {
  name: string;
  /** null when the bench could not measure it (e.g. no request was served): a figure with a target then fails. */
  value: number | null;
  unit: string;
  target: string | null;
  pass: boolean | null;
}

export interface LoadAverages {
  /** 1, 5 and 15 minute load averages (/proc/loadavg). */
  before: number[];
  after: number[];
}

export interface BenchResult {
  bench: string;
  /** The database the figures were measured on, without credentials; null for a bench that uses none. */
  database: string | null;
  load: LoadAverages;
  figures: Figure[];
  startedAt: string;
  node: string;
  /** The bench's own fuller record (options, raw results). */
  details?: unknown;
}

function targetText(target: Target): string {
  if ('below' in target) return `< ${target.below}`;
  if ('atLeast' in target) return `>= ${target.atLeast}`;
  return `= ${target.equals}`;
}

function meets(value: number, target: Target): boolean {
  if ('below' in target) return value < target.below;
  if ('atLeast' in target) return value >= target.atLeast;
  return value === target.equals;
}

export function figure(name: string, value: number | null | undefined, unit: string, target?: Target): Figure {
  const measured = value === null || value === undefined || !Number.isFinite(value) ? null : value;
  return {
    name,
    value: measured,
    unit,
    target: target ? targetText(target) : null,
    pass: target ? measured !== null && meets(measured, target) : null,
  };
}

export const loadNow = (): number[] => loadavg().map((x) => Number(x.toFixed(2)));

/** The runner names the database it started or was given (BENCH_DATABASE_NAME); alone, the bench's own words. */
export const databaseName = (own: string): string => process.env.BENCH_DATABASE_NAME || own;

/** "host:port" of a PostgreSQL URL, never its credentials. */
export const serverOf = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}`;
};

/** Writes the result and returns the file's path. */
export function writeResult(result: Omit<BenchResult, 'node'>): string {
  const file = process.env.BENCH_RESULT_FILE
    || join(RESULTS_DIR, `${result.bench}-${result.startedAt.replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...result, node: process.versions.node }, null, 2)}\n`);
  return file;
}
