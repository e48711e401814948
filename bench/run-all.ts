import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_KEYS, openServer, type BenchServer, type DatabaseKey } from './support/bench-databases.js';
import { UsageError } from './support/cli.js';
import { loadNow, RESULTS_DIR, type BenchResult } from './support/results.js';
import { runPassed, summaryTable, type BenchRun } from './support/summary-table.js';

// `npm run bench [-- --only http,matching] [--quick] [--databases embedded,pg15] [--pg-url <url>] [--http="--connections 64"]`
// Every benchmark, one after another, each in its own child process (never two at once: they would measure each
// other on a 2-core machine), then one table of figure, value per database, target and pass, and one summary JSON.
// Each bench keeps its own human output (streamed as it runs) and writes its figures to bench/results/run-<time>/.

const REPO = resolve(__dirname, '..');

interface BenchSpec {
  file: string;
  usesDatabase: boolean;
  /** Sizes for a smoke run (--quick): minutes in all instead of most of an hour. */
  quick: string[];
}

const BENCHES: Record<string, BenchSpec> = {
  http: { file: 'http.bench.ts', usesDatabase: true, quick: ['--orgs', '1000', '--duration', '3', '--warmup', '1'] },
  // The bench samples 2% of the table's pages (TABLESAMPLE SYSTEM) and needs 40 + partners + coalitions requesters:
  // 5,000 organizations gave 40 to 44 rows on embedded PostgreSQL (no coalition request measured); 10,000 about twice that.
  matching: { file: 'matching.bench.ts', usesDatabase: true, quick: ['--orgs', '10000', '--partners', '15', '--recall', '10', '--coalitions', '5', '--quality', '20'] },
  abuse: { file: 'abuse.bench.ts', usesDatabase: true, quick: ['--orgs', '300', '--clients', '4', '--duration', '5', '--warmup', '1'] },
  schedule: { file: 'schedule.bench.ts', usesDatabase: false, quick: ['--attendees', '200', '--exact-attendees', '60', '--tables-attendees', '40', '--seeds', '1'] },
  subscriptions: { file: 'subscriptions.bench.ts', usesDatabase: true, quick: ['--subscribers', '300', '--orgs', '30', '--offers', '10', '--redis-subscribers', '100'] },
};

const USAGE = `usage: npm run bench -- [--only ${Object.keys(BENCHES).join(',')}] [--quick] [--databases ${DATABASE_KEYS.join(',')}] ` +
  '[--pg-url postgres://...] [--<bench>="<its own options>", e.g. --http="--connections 64 --duration 20"]';

const log = (line: string) => process.stderr.write(`${line}\n`);

function list<T extends string>(raw: string, allowed: readonly T[], option: string): T[] {
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const wrong = names.filter((n) => !allowed.includes(n as T));
  if (wrong.length || names.length === 0) throw new UsageError(`--${option}: ${wrong.join(', ') || 'none given'}; choose from ${allowed.join(', ')}`);
  return [...new Set(names)] as T[];
}

function options() {
  const perBench = Object.fromEntries(Object.keys(BENCHES).map((name) => [name, { type: 'string' as const }]));
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      databases: { type: 'string' },
      'pg-url': { type: 'string' },
      ...perBench,
    },
  });
  const pgUrl = values['pg-url'] || process.env.DATABASE_URL || undefined;
  return {
    benches: values.only ? list(values.only as string, Object.keys(BENCHES), 'only') : Object.keys(BENCHES),
    quick: values.quick as boolean,
    // The default is where each bench alone would run: DATABASE_URL's server if set, else embedded PostgreSQL.
    databases: list((values.databases as string | undefined) ?? (process.env.DATABASE_URL ? 'pg15' : 'embedded'), DATABASE_KEYS, 'databases') as DatabaseKey[],
    pgUrl,
    /** Each bench's own options, passed after the --quick sizes so they win. */
    extra: Object.fromEntries(Object.keys(BENCHES).map((name) => [name, ((values as Record<string, unknown>)[name] as string | undefined ?? '').split(/\s+/).filter(Boolean)])),
  };
}

let current: ChildProcess | null = null;

function runChild(spec: BenchSpec, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join('bench', spec.file), ...args], {
      cwd: REPO, env, stdio: 'inherit',
    });
    current = child;
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      current = null;
      ok(code ?? (signal ? 128 : 1));
    });
  });
}

function readResult(file: string): BenchResult | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const opts = options();
  const startedAt = new Date();
  const runDir = join(RESULTS_DIR, `run-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(runDir, { recursive: true });
  const needsDatabase = opts.benches.some((b) => BENCHES[b].usesDatabase);
  const servers: BenchServer[] = [];
  let interrupted = false;
  process.on('SIGINT', () => {
    // The bench child got the same Ctrl-C and cleans up its scratch database; the embedded server stops below.
    interrupted = true;
    log('interrupted: waiting for the running bench to stop');
  });
  const runs: BenchRun[] = [];
  try {
    if (needsDatabase) for (const key of opts.databases) servers.push(await openServer(key, opts.pgUrl, log));
    for (const bench of opts.benches) {
      const spec = BENCHES[bench];
      // A bench without a database runs once, whatever the number of databases.
      const targets: (BenchServer | null)[] = spec.usesDatabase ? servers : [null];
      for (const server of targets) {
        if (interrupted) break;
        const file = join(runDir, `${bench}${server ? `-${server.key}` : ''}.json`);
        const args = [...(opts.quick ? spec.quick : []), ...opts.extra[bench]];
        log(`\n=== ${bench}${server ? ` on ${server.name}` : ''}${args.length ? ` (${args.join(' ')})` : ''}`);
        const env: NodeJS.ProcessEnv = { ...process.env, BENCH_RESULT_FILE: file };
        if (server) Object.assign(env, { DATABASE_URL: server.url, BENCH_DATABASE_NAME: server.name });
        const before = loadNow();
        const t0 = Date.now();
        const exitCode = await runChild(spec, args, env);
        runs.push({
          bench, database: server?.key ?? null, exitCode, seconds: (Date.now() - t0) / 1000,
          load: { before, after: loadNow() }, result: readResult(file),
        });
      }
    }
  } finally {
    for (const server of servers) await server.stop().catch((error: Error) => log(`could not stop ${server.name}: ${error.message}`));
  }

  const columns = servers.length ? servers.map((s) => s.key) : ['value'];
  const pass = runs.every(runPassed);
  console.log(`\nCoalesce benchmarks${opts.quick ? ' (--quick: smaller sizes, a smoke run, not the targets\' sizes)' : ''}, ` +
    `${startedAt.toISOString()}; Node ${process.versions.node}; ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})`);
  for (const s of servers) console.log(`${s.key}: ${s.name}`);
  if (opts.benches.some((b) => !BENCHES[b].usesDatabase)) console.log('schedule uses no database: measured once, in the first column');
  console.log(`\n${summaryTable(runs, columns)}\n`);
  const summaryFile = join(runDir, 'summary.json');
  writeFileSync(summaryFile, `${JSON.stringify({
    startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), node: process.versions.node,
    cores: cpus().length, cpu: cpus()[0]?.model, quick: opts.quick,
    databases: servers.map((s) => ({ key: s.key, name: s.name })), pass, runs,
  }, null, 2)}\n`);
  console.log(`${pass ? 'every figure met its target' : 'some figures missed their targets or a bench failed'}; results in ${runDir}`);
  return interrupted ? 130 : pass ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (current) current.kill('SIGTERM');
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      log(`${(error as Error).message}\n${USAGE}`);
      process.exit(2);
    }
    log(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exit(1);
  },
);
