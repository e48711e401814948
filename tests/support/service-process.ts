import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { signUp, type TestUser } from './factories.js';
import type { TestApp } from './test-app.js';

// The real service as a child process (`node -r ts-node/register/transpile-only src/main.ts`), as `npm start` runs
// it, with its stdout and stderr captured: for tests of start-up, shutdown, crashes and logs.

const ROOT = resolve(__dirname, '..', '..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  child: ChildProcess;
  pid: number;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** Its JSON log lines so far. */
  logLines(): Record<string, unknown>[];
  exited: Promise<Exit>;
}

/** A temporary directory the `postgres` system user can traverse (the embedded PostgreSQL runs as it under root). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `coalesce-${prefix}-`));
  chmodSync(dir, 0o755);
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Spawns the service; does not wait. env is added to a clean environment (no DATABASE_URL unless given). script:
 * src/main.ts (`npm run start:prod`'s entry) or seeds/start-with-demo.ts (`npm start`, which seeds the demo).
 */
export function spawnService(env: Record<string, string>, script = 'src/main.ts'): Omit<ServiceProcess, 'baseUrl'> {
  const { DATABASE_URL: _db, TEST_DATABASE_URL: _test, NODE_ENV: _env, LOG_LEVEL: _level, ...inherited } = process.env;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script], {
    cwd: ROOT,
    env: { ...inherited, NODE_ENV: 'development', LOG_LEVEL: 'info', SEED_DEMO: 'false', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<Exit>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  return {
    child,
    pid: child.pid!,
    output: () => output,
    logLines: () => output.split('\n').filter((line) => line.startsWith('{')).flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    }),
    exited,
  };
}

/** Spawns the service and resolves once it logged 'Coalesce is ready'; rejects with its output if it exits first. */
export async function startService(env: Record<string, string>, timeoutMs = 45_000, script?: string): Promise<ServiceProcess> {
  const service = spawnService(env, script);
  const deadline = Date.now() + timeoutMs;
  let exit: Exit | null = null;
  void service.exited.then((e) => (exit = e));
  for (;;) {
    const ready = service.logLines().find((line) => line.msg === 'Coalesce is ready');
    if (ready) return { ...service, baseUrl: new URL(String(ready.url)).origin };
    if (exit) throw new Error(`service exited (${JSON.stringify(exit)}) before it was ready:\n${service.output()}`);
    if (Date.now() > deadline) {
      service.child.kill('SIGKILL');
      throw new Error(`service not ready after ${timeoutMs} ms:\n${service.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The postmaster pid an embedded cluster under DATA_DIR recorded, or null. */
export function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** After a file's tests: kills services still running, stops their postmasters, removes their data directories. */
export function cleanUpServices(services: Pick<ServiceProcess, 'child'>[], dirs: string[]): void {
  for (const service of services) if (service.child.exitCode === null) service.child.kill('SIGKILL');
  for (const dir of dirs) {
    const pid = postmasterPid(dir);
    if (pid && alive(pid)) process.kill(pid, 'SIGQUIT');
    removeDir(dir);
  }
}

export async function waitUntil(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

export interface Outcome {
  /** HTTP status, or null when the request failed at the transport level. */
  status: number | null;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
  headers: Record<string, string | string[] | undefined>;
  /** ECONNREFUSED, ECONNRESET, ... for transport failures. */
  errorCode: string | null;
  /** Whether the TCP connection was established (the request reached the server's socket). */
  connected: boolean;
}

/**
 * One GraphQL POST on its own connection (no keep-alive: no reuse races to blur what a shutdown does). With
 * holdMs, half the body is sent, then the rest after holdMs: a request that is in flight on the server meanwhile.
 */
export function postGraphQL(
  baseUrl: string,
  payload: { query: string; variables?: Record<string, unknown> },
  options: { token?: string; requestId?: string; holdMs?: number; onHeld?: () => void } = {},
): Promise<Outcome> {
  const body = Buffer.from(JSON.stringify(payload));
  return new Promise((resolvePromise) => {
    let connected = false;
    const req = request(`${baseUrl}/graphql`, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        connection: 'close',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.requestId ? { 'x-request-id': options.requestId } : {}),
      },
    });
    req.on('socket', (socket) => socket.once('connect', () => (connected = true)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        let parsed: Outcome['body'] = null;
        try {
          parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          parsed = null;
        }
        resolvePromise({ status: res.statusCode ?? null, body: parsed, headers: res.headers, errorCode: null, connected });
      });
      res.on('error', (error: NodeJS.ErrnoException) => resolvePromise({ status: null, body: null, headers: {}, errorCode: error.code ?? error.message, connected }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolvePromise({ status: null, body: null, headers: {}, errorCode: error.code ?? error.message, connected }));
    if (options.holdMs) {
      const half = Math.floor(body.length / 2);
      req.write(body.subarray(0, half));
      req.once('socket', (socket) => socket.once('connect', () => {
        options.onHeld?.();
        setTimeout(() => req.end(body.subarray(half)), options.holdMs);
      }));
    } else {
      req.end(body);
    }
  });
}

export const ORG_CREATE = `mutation($input: OrganizationCreateInput!) { organizationCreate(input: $input) { organization { id name } userErrors { code field message } } }`;
export const ORG_COUNT = `{ organizations(first: 5) { totalCount } }`;

/** The `coalesce` database of the embedded PostgreSQL a service started (its port is in the ready line). */
export function embeddedDatabaseUrl(service: ServiceProcess): string {
  const ready = service.logLines().find((line) => line.msg === 'Coalesce is ready');
  const port = /port (\d+)/.exec(String(ready?.database))?.[1];
  if (!port) throw new Error('the service does not run an embedded PostgreSQL');
  return `postgres://postgres:coalesce-local@127.0.0.1:${port}/coalesce`;
}

/**
 * A verified, signed-in account on a service process, made the way the API tests make one (factories.signUp:
 * sign up, read the mailed code from the outbox, confirm), with a pg client standing in for the TestApp's pool.
 */
export async function signUpOver(service: ServiceProcess, databaseUrl: string, name = 'Ops'): Promise<TestUser> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const app = {
      url: `${service.baseUrl}/graphql`,
      baseUrl: service.baseUrl,
      db: { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows } as unknown as DataSource,
      statements: [],
      close: async () => undefined,
    } satisfies TestApp;
    return await signUp(app, name);
  } finally {
    await client.end();
  }
}
