import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { newAccessToken } from '../src/accounts/credentials.js';
import { createApp } from '../src/api/app.js';
import { loadConfig } from '../src/core/config.js';
import { createLogger } from '../src/core/logger.js';
import { createDataSource } from '../src/db/create-data-source.js';
import { quoteIdent, withDatabase } from '../src/db/database-url.js';
import { positiveInt, UsageError } from './support/cli.js';
import { processCpuMs } from './support/process-cpu.js';
import { databaseName, figure, loadNow, serverOf, writeResult, type Figure } from './support/results.js';

// npm run bench:subscriptions [-- --subscribers 10000 --orgs 2000 --offers 40 --rate 2 --redis-subscribers 2000]
//
// Live subscriptions at scale, three processes: this one (orchestrator and the organization posting offers over
// HTTP), the API process(es) (src/api/app.ts as production runs it), and a separate load process holding every
// subscriber's WebSocket (graphql-ws createClient over `ws`, one socket and one offerPosted(organizationId)
// subscription per subscriber, each with its own access token).
//
// Data (scratch database coalesce_bench_subs on DATABASE_URL's server, dropped before and after): `orgs`
// organizations, each needing one of 10 skills from 10 different categories; `subscribers` members spread over them.
// An offer of skill k meets exactly the organizations needing skill k, so what each offer should reach is known.
// Every 5th offer is for PARTNERS only (the posting organization has none): it must reach nobody.
//
// Figures: connect time (all sockets acknowledged), RSS growth of the API process per idle subscriber, and for
// offers posted at a steady rate, delivery latency to every matching subscriber, counted from the moment the
// mutation was SENT (an upper bound of commit -> receipt: the mutation's own time is printed beside it), and
// delivered vs expected. Then the same through Redis with two API processes (posting to one, subscribers on the
// other).

const ROLE = process.env.SUBS_BENCH_ROLE;
const DATABASE = 'coalesce_bench_subs';
const SUBSCRIPTION = 'subscription($org: ID!) { offerPosted(organizationId: $org) { cursor change offer { id title organization { name } skill { name } } } }';

const now = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------- API process role

async function serverRole(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: process.env.SUBS_BENCH_DB, DB_POOL_SIZE: '10',
    ...(process.env.SUBS_BENCH_REDIS ? { REDIS_URL: process.env.SUBS_BENCH_REDIS } : {}),
    // 10,000 sockets come from one address: lift the per-address budget so the bench measures subscriptions.
    RATE_LIMIT_ADDRESS_COST: '1000000000000', RATE_LIMIT_USER_COST: '1000000000000',
  });
  const db = createDataSource({ url: config.databaseUrl!, poolSize: config.dbPoolSize, statementTimeoutMs: config.dbStatementTimeoutMs });
  await db.initialize();
  const app = await createApp(config, db, createLogger((process.env.SUBS_BENCH_LOG as 'silent' | 'error' | undefined) ?? 'silent'));
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const stop = () => { app.stop().then(() => db.destroy()).then(() => process.exit(0), () => process.exit(1)); };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  // The orchestrator profiles the steady phase only (not connecting 10,000 sockets, not tearing them down).
  const session = new Session();
  session.connect();
  process.on('message', (message: { type: string; file?: string }) => {
    if (message.type === 'memory') {
      // After a full collection: what the process holds, not the garbage of the last deliveries.
      session.post('HeapProfiler.collectGarbage', () => {
        const { rss, heapUsed } = process.memoryUsage();
        process.send!({ type: 'memory', rssKb: rss / 1024, heapUsedKb: heapUsed / 1024 });
      });
    } else if (message.type === 'profile-start') {
      session.post('Profiler.enable', () => session.post('Profiler.start'));
    } else if (message.type === 'profile-stop') {
      session.post('Profiler.stop', (error, result) => {
        if (!error) writeFileSync(message.file!, JSON.stringify(result.profile));
        process.send!({ type: 'profile-written' });
      });
    }
  });
  process.send!({ port: (app.server.address() as AddressInfo).port });
}

// ---------------------------------------------------------------- load process role

/** An error, a close event or a list of GraphQL errors, in words. */
function describe(e: unknown): string {
  if (Array.isArray(e)) return JSON.stringify(e).slice(0, 300);
  const v = e as { code?: number; reason?: string; message?: string; type?: string };
  if (typeof v?.code === 'number') return `closed ${v.code} ${v.reason ?? ''}`;
  return v?.message ?? v?.type ?? String(e);
}

interface Subscriber {
  token: string;
  org: string;
}

async function loadRole(): Promise<void> {
  const { url, file } = JSON.parse(process.env.SUBS_BENCH_LOAD!) as { url: string; file: string };
  const subscribers: Subscriber[] = JSON.parse(readFileSync(file, 'utf8'));
  const receipts = new Map<string, number[]>();
  const errors: string[] = [];
  const clients: Client[] = [];
  const connectMs: number[] = [];
  let closed = 0;
  const started = now();
  const BATCH = 50; // sockets opening at once (a burst of thousands would queue for the pool past its 2 s timeout)
  for (let i = 0; i < subscribers.length; i += BATCH) {
    await Promise.all(subscribers.slice(i, i + BATCH).map((s) => new Promise<void>((resolve) => {
      const t0 = now();
      const client = createClient({
        url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, connectionParams: { authorization: `Bearer ${s.token}` },
        onNonLazyError: () => undefined, // counted through the listeners below
        on: {
          connected: () => { connectMs.push(now() - t0); resolve(); },
          closed: () => { closed++; resolve(); },
          error: (e) => { errors.push(describe(e)); resolve(); },
        },
      });
      clients.push(client);
      client.subscribe({ query: SUBSCRIPTION, variables: { org: s.org } }, {
        next: (result) => {
          const id = (result.data as { offerPosted?: { offer: { id: string } } } | undefined)?.offerPosted?.offer.id;
          if (!id) { errors.push(JSON.stringify(result.errors)); return; }
          let list = receipts.get(id);
          if (!list) receipts.set(id, (list = []));
          list.push(now());
        },
        error: (e) => errors.push(describe(e)),
        complete: () => undefined,
      });
    })));
  }
  process.send!({ type: 'connected', totalMs: now() - started, connectMs, errors: errors.slice(0, 5), closed });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'report') {
      process.send!({ type: 'report', receipts: [...receipts], errors: errors.slice(0, 5), errorCount: errors.length, closed });
    } else if (message.type === 'reset') {
      receipts.clear();
    } else if (message.type === 'stop') {
      Promise.all(clients.map((c) => c.dispose())).finally(() => process.exit(0));
    }
  });
}

// ---------------------------------------------------------------- orchestrator

function options() {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '10000' },
      orgs: { type: 'string', default: '2000' },
      offers: { type: 'string', default: '40' },
      rate: { type: 'string', default: '2' },
      'redis-subscribers': { type: 'string', default: '2000' },
      redis: { type: 'string', default: process.env.REDIS_URL || 'redis://127.0.0.1:6379' },
    },
  });
  const subscribers = positiveInt('subscribers', values.subscribers!, 1);
  const orgs = positiveInt('orgs', values.orgs!, 10);
  if (orgs > subscribers) throw new UsageError('--orgs must not exceed --subscribers');
  return {
    subscribers, orgs, offers: positiveInt('offers', values.offers!, 5), rate: positiveInt('rate', values.rate!, 1),
    redisSubscribers: positiveInt('redis-subscribers', values['redis-subscribers']!, 0), redis: values.redis!,
  };
}

interface Seeded {
  url: string;
  serverUrl: string;
  skills: string[];
  /** Organization -> index of the skill it needs. */
  needOf: Map<string, number>;
  subscribers: Subscriber[];
  poster: { token: string; org: string };
}

async function seed(orgCount: number, subscriberCount: number): Promise<Seeded> {
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new PgClient({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(DATABASE)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoteIdent(DATABASE)}`);
  await admin.end();
  const url = withDatabase(serverUrl, DATABASE);
  const ds = createDataSource({ url, poolSize: 2, statementTimeoutMs: 600_000 });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const skills: string[] = (await ds.query('SELECT DISTINCT ON (category_id) id FROM skills ORDER BY category_id, slug LIMIT 10')).map((r: { id: string }) => r.id);
    const orgs: string[] = (await ds.query(
      `INSERT INTO organizations (slug, name, kind, visibility, location_precision)
       SELECT 'bench-org-' || i, 'Bench organization ' || i, 'NGO', 'PUBLIC', 'CITY' FROM generate_series(0, $1 - 1) i
       ORDER BY i RETURNING id`, [orgCount],
    )).map((r: { id: string }) => r.id);
    const [posterOrg] = (await ds.query(`INSERT INTO organizations (slug, name, kind, visibility, location_precision)
      VALUES ('bench-poster', 'Bench poster', 'NGO', 'PUBLIC', 'CITY') RETURNING id`)).map((r: { id: string }) => r.id);
    await ds.query(
      `INSERT INTO needs (organization_id, skill_id, priority) SELECT o, ($2::uuid[])[1 + (n - 1) % 10], 'HIGH'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(o, n)`, [orgs, skills],
    );
    const users: string[] = (await ds.query(
      `INSERT INTO users (email, display_name, password_hash, email_verified_at)
       SELECT 'bench-sub-' || i || '@example.org', 'Subscriber ' || i, 'x', now() FROM generate_series(0, $1) i ORDER BY i RETURNING id`,
      [subscriberCount],
    )).map((r: { id: string }) => r.id);
    const tokens = users.map(() => newAccessToken());
    await ds.query(
      `INSERT INTO access_tokens (user_id, token_hash, expires_at) SELECT u, decode(h, 'hex'), now() + interval '30 days'
       FROM unnest($1::uuid[], $2::text[]) AS t(u, h)`, [users, tokens.map((t) => t.hash.toString('hex'))],
    );
    // users[0] owns the posting organization; the others are members of org (i - 1) % orgCount.
    const memberOrg = users.map((_, i) => (i === 0 ? posterOrg : orgs[(i - 1) % orgCount]));
    await ds.query(
      `INSERT INTO memberships (user_id, organization_id, role) SELECT u, o, CASE WHEN n = 1 THEN 'OWNER' ELSE 'MEMBER' END
       FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS t(u, o, n)`, [users, memberOrg],
    );
    await ds.query('VACUUM (ANALYZE)');
    const needOf = new Map(orgs.map((o, i) => [o, i % 10]));
    const subscribers = users.slice(1).map((_, i) => ({ token: tokens[i + 1].token, org: memberOrg[i + 1] }));
    return { url, serverUrl, skills, needOf, subscribers, poster: { token: tokens[0].token, org: posterOrg } };
  } finally {
    await ds.destroy();
  }
}

async function startApi(dbUrl: string, redis: string | null): Promise<{ child: ChildProcess; baseUrl: string; stop(): Promise<void> }> {
  const child = fork(__filename, [], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    env: { ...process.env, SUBS_BENCH_ROLE: 'server', SUBS_BENCH_DB: dbUrl, SUBS_BENCH_REDIS: redis ?? '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await new Promise<{ port: number }>((ok, fail) => {
    child.once('message', (m) => ok(m as { port: number }));
    child.once('exit', (code) => fail(new Error(`API process exited with ${code}`)));
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() { child.kill('SIGTERM'); await exited; },
  };
}

/** CPU time (user + system) the process has used so far, in ms: a figure that a busy machine disturbs less than latency. */
const cpuMs = (pid: number): number => processCpuMs(pid) ?? NaN;

/** The API process's memory after a full garbage collection (asked over IPC). */
function memoryOf(child: ChildProcess): Promise<{ rssKb: number; heapUsedKb: number }> {
  return new Promise((ok) => {
    const onMessage = (m: { type: string; rssKb: number; heapUsedKb: number }) => {
      if (m.type !== 'memory') return;
      child.off('message', onMessage);
      ok(m);
    };
    child.on('message', onMessage);
    child.send({ type: 'memory' });
  });
}

interface LoadChild {
  child: ChildProcess;
  connected: { totalMs: number; connectMs: number[]; errors: string[]; closed: number };
  report(): Promise<{ receipts: [string, number[]][]; errors: string[]; errorCount: number; closed: number }>;
  reset(): void;
  stop(): Promise<void>;
}

async function startLoad(wsUrl: string, subscribers: Subscriber[]): Promise<LoadChild> {
  const file = join(tmpdir(), `coalesce-subs-bench-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(subscribers));
  const child = fork(__filename, [], {
    execArgv: ['-r', 'ts-node/register/transpile-only', '--max-old-space-size=4096'],
    env: { ...process.env, SUBS_BENCH_ROLE: 'load', SUBS_BENCH_LOAD: JSON.stringify({ url: wsUrl, file }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: ((m: { type: string }) => void)[] = [];
  child.on('message', (m: { type: string }) => messages.splice(0).forEach((f) => f(m)));
  const next = <T>() => new Promise<T>((ok) => messages.push((m) => ok(m as T)));
  const connected = await next<LoadChild['connected']>();
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  return {
    child,
    connected,
    report: () => { const r = next<Awaited<ReturnType<LoadChild['report']>>>(); child.send({ type: 'report' }); return r; },
    reset: () => child.send({ type: 'reset' }),
    async stop() { child.send({ type: 'stop' }); await exited; },
  };
}

async function post(baseUrl: string, token: string, org: string, skill: string, title: string, audience: string) {
  const sent = now();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation($input: OfferPostInput!) { offerPost(input: $input) { offer { id } userErrors { code message } } }',
      variables: { input: { organizationId: org, skillId: skill, title, format: 'WORKSHOP', audience, remote: true } },
    }),
  });
  const body = await response.json() as { data?: { offerPost: { offer: { id: string } | null; userErrors: unknown[] } }; errors?: unknown };
  const id = body.data?.offerPost.offer?.id;
  if (!id) throw new Error(`offerPost failed: ${JSON.stringify(body)}`);
  return { id, sent, answered: now() };
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
const ms = (v: number) => `${v.toFixed(1)} ms`;

interface Measured {
  label: string;
  subscribers: number;
  connectAllMs: number;
  connectP50: number;
  connectP99: number;
  /** RSS growth of the API process per subscriber, idle, both ends measured after a full garbage collection. */
  rssPerSubscriberKb: number | null;
  heapPerSubscriberKb: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
  mutationP50: number;
  delivered: number;
  expected: number;
  wrong: number;
  errors: string[];
  posts: number;
  failedPosts: number;
  /** CPU the subscribers' API process used from the first steady-rate offer until deliveries stopped. */
  apiCpuMs: number;
}

/** Warm-up (one offer per skill until every subscriber got one), then `offers` at `rate` per second. */
async function measure(label: string, seeded: Seeded, subscribers: Subscriber[], postTo: string, subscribeTo: { baseUrl: string; pid: number; child: ChildProcess }, o: ReturnType<typeof options>, log: (s: string) => void): Promise<Measured> {
  const memoryBefore = await memoryOf(subscribeTo.child);
  const load = await startLoad(`${subscribeTo.baseUrl.replace(/^http/, 'ws')}/graphql`, subscribers);
  const connectSorted = [...load.connected.connectMs].sort((a, b) => a - b);
  log(`${label}: ${load.connected.connectMs.length} sockets acknowledged in ${(load.connected.totalMs / 1000).toFixed(1)} s`);
  if (load.connected.errors.length) log(`  connect errors: ${load.connected.errors.join(' | ')}`);
  // Memory per idle subscriber: after the sockets have subscribed and stayed idle for 5 s, before any delivery (the
  // full collection this takes would otherwise sit between the warm-up and the measured offers, which would then
  // start cold: that is measuring the measurement).
  await new Promise((r) => setTimeout(r, 5000));
  const memoryIdle = await memoryOf(subscribeTo.child);
  // Every subscriber is registered once it has received a warm-up offer of the skill its organization needs.
  const perSkill = new Map<number, number>();
  for (const s of subscribers) perSkill.set(seeded.needOf.get(s.org)!, (perSkill.get(seeded.needOf.get(s.org)!) ?? 0) + 1);
  // One at a time (a burst of ten offers to every subscriber at once measures the burst, not the steady state).
  let registered = true;
  for (const [k, skill] of seeded.skills.entries()) {
    const warm = await post(postTo, seeded.poster.token, seeded.poster.org, skill, `Warm-up ${k}`, 'PUBLIC');
    let got = 0;
    for (let i = 0; i < 60 && got < (perSkill.get(k) ?? 0); i++) {
      await new Promise((r) => setTimeout(r, 500));
      got = new Map((await load.report()).receipts).get(warm.id)?.length ?? 0;
    }
    if (got < (perSkill.get(k) ?? 0)) registered = false;
  }
  load.reset();
  if (!registered) log('  warm-up: not every subscriber got its warm-up offer within 30 s');
  // Steady rate.
  // SUBS_BENCH_PROFILE=<dir>: a V8 CPU profile of the subscribers' API process over the steady phase (DevTools).
  const profileDir = process.env.SUBS_BENCH_PROFILE;
  if (profileDir) subscribeTo.child.send({ type: 'profile-start' });
  const cpuBefore = cpuMs(subscribeTo.pid);
  const posted: { id: string; sent: number; answered: number; expected: number }[] = [];
  const failedPosts: string[] = [];
  const interval = 1000 / o.rate;
  const start = now();
  for (let i = 0; i < o.offers; i++) {
    const due = start + i * interval;
    const wait = due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const k = i % 10;
    const partnersOnly = i % 5 === 4;
    try {
      const p = await post(postTo, seeded.poster.token, seeded.poster.org, seeded.skills[k], `Offer ${i}`, partnersOnly ? 'PARTNERS' : 'PUBLIC');
      posted.push({ ...p, expected: partnersOnly ? 0 : perSkill.get(k) ?? 0 });
    } catch (error) {
      failedPosts.push(String((error as Error).message).slice(0, 200)); // refused (e.g. SERVICE_UNAVAILABLE): nothing to deliver
    }
  }
  // Until everything expected has arrived, or nothing more has for 10 s (on a busy machine a pause of a second or
  // two is not the end: stopping at the first quiet second counted late events as lost).
  const expectedTotal = posted.reduce((n, p) => n + p.expected, 0);
  let report = await load.report();
  for (let previous = -1, quietSince = now(); ;) {
    const total = report.receipts.reduce((n, [, list]) => n + list.length, 0);
    if (total >= expectedTotal && total > 0) {
      await new Promise((r) => setTimeout(r, 1000)); // and a moment for anything unexpected
      report = await load.report();
      break;
    }
    if (total !== previous) quietSince = now();
    else if (now() - quietSince > 10_000) break;
    previous = total;
    await new Promise((r) => setTimeout(r, 500));
    report = await load.report();
  }
  const apiCpuMs = cpuMs(subscribeTo.pid) - cpuBefore;
  if (profileDir) {
    const written = new Promise<void>((ok) => subscribeTo.child.once('message', () => ok()));
    const file = join(profileDir, `subscriptions-${label.replace(/\W+/g, '-')}-${Date.now()}.cpuprofile`);
    subscribeTo.child.send({ type: 'profile-stop', file });
    await written;
    log(`  CPU profile of the steady phase: ${file}`);
  }
  const got = new Map(report.receipts);
  const latencies: number[] = [];
  let delivered = 0;
  let wrong = 0;
  const slowest: { offer: number; lastMs: number; firstMs: number }[] = [];
  for (const [index, p] of posted.entries()) {
    const list = got.get(p.id) ?? [];
    delivered += list.length;
    if (list.length !== p.expected) wrong++;
    for (const t of list) latencies.push(t - p.sent);
    if (list.length) slowest.push({ offer: index, firstMs: Math.min(...list) - p.sent, lastMs: Math.max(...list) - p.sent });
  }
  // Where the tail comes from: the offers whose last delivery came latest (first/last receipt after the send).
  slowest.sort((a, b) => b.lastMs - a.lastMs);
  log(`  slowest offers (index: first / last delivery): ${slowest.slice(0, 6).map((o) => `#${o.offer}: ${o.firstMs.toFixed(0)} / ${o.lastMs.toFixed(0)} ms`).join(', ')}`);
  latencies.sort((a, b) => a - b);
  const mutation = posted.map((p) => p.answered - p.sent).sort((a, b) => a - b);
  await load.stop();
  return {
    label, subscribers: subscribers.length, connectAllMs: load.connected.totalMs, connectP50: pct(connectSorted, 50), connectP99: pct(connectSorted, 99),
    rssPerSubscriberKb: (memoryIdle.rssKb - memoryBefore.rssKb) / subscribers.length,
    heapPerSubscriberKb: (memoryIdle.heapUsedKb - memoryBefore.heapUsedKb) / subscribers.length,
    latencyP50: pct(latencies, 50), latencyP99: pct(latencies, 99), latencyMax: latencies[latencies.length - 1] ?? NaN, mutationP50: pct(mutation, 50),
    delivered, expected: posted.reduce((n, p) => n + p.expected, 0), wrong, errors: [...failedPosts.map((f) => `offerPost refused: ${f}`), ...report.errors],
    posts: posted.length, failedPosts: failedPosts.length, apiCpuMs,
  };
}

async function orchestrate(): Promise<void> {
  const o = options();
  const startedAt = new Date().toISOString();
  const loadBefore = loadNow();
  const log = (s: string) => console.log(s);
  log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), Node ${process.version}, /proc/loadavg before: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  const seeded = await seed(o.orgs, o.subscribers);
  log(`seeded ${o.orgs} organizations, ${o.subscribers} subscribers (${seeded.url.replace(/\/\/[^@]*@/, '//')})`);
  const results: Measured[] = [];
  try {
    const api = await startApi(seeded.url, null);
    try {
      results.push(await measure('one process, in-process bus', seeded, seeded.subscribers, api.baseUrl, { baseUrl: api.baseUrl, pid: api.child.pid!, child: api.child }, o, log));
    } finally {
      await api.stop();
    }
    if (o.redisSubscribers > 0) {
      const a = await startApi(seeded.url, o.redis);
      const b = await startApi(seeded.url, o.redis);
      try {
        const some = seeded.subscribers.slice(0, o.redisSubscribers);
        results.push(await measure('two processes through Redis', seeded, some, a.baseUrl, { baseUrl: b.baseUrl, pid: b.child.pid!, child: b.child }, o, log));
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    }
  } finally {
    const admin = new PgClient({ connectionString: withDatabase(seeded.serverUrl, 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(DATABASE)} WITH (FORCE)`);
    await admin.end();
  }
  log('');
  log(`| run | subscribers | connect all | connect p50 / p99 | RSS (JS heap) per idle subscriber | latency p50 / p99 / max (from send) | offerPost p50 | delivered / expected | offers off | offers posted / refused | API CPU per delivery |`);
  log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    log(`| ${r.label} | ${r.subscribers} | ${(r.connectAllMs / 1000).toFixed(1)} s | ${ms(r.connectP50)} / ${ms(r.connectP99)} | ${r.rssPerSubscriberKb === null ? 'n/a' : `${r.rssPerSubscriberKb.toFixed(1)} KB`} (${r.heapPerSubscriberKb.toFixed(1)} KB) | ${ms(r.latencyP50)} / ${ms(r.latencyP99)} / ${ms(r.latencyMax)} | ${ms(r.mutationP50)} | ${r.delivered} / ${r.expected} | ${r.wrong} | ${r.posts} / ${r.failedPosts} | ${r.delivered ? `${((r.apiCpuMs * 1000) / r.delivered).toFixed(0)} µs` : 'n/a'} |`);
    if (r.errors.length) log(`  errors (${r.label}): ${r.errors.join(' | ')}`);
  }
  log(`/proc/loadavg after: ${readFileSync('/proc/loadavg', 'utf8').trim()} (1-min load before the run: ${loadavg()[0].toFixed(2)})`);
  log(`offers: ${o.offers} at ${o.rate}/s, every 5th PARTNERS-only (expected to reach nobody); targets: p99 < 250 ms, < 20 KB per idle subscriber`);
  const figuresOf = (r: Measured, prefix: string): Figure[] => [
    figure(`${prefix}connect all ${r.subscribers} subscribers`, r.connectAllMs / 1000, 's'),
    figure(`${prefix}RSS per idle subscriber`, r.rssPerSubscriberKb, 'KB', { below: 20 }),
    figure(`${prefix}delivery latency p50 (from send)`, r.latencyP50, 'ms'),
    figure(`${prefix}delivery latency p99 (from send)`, r.latencyP99, 'ms', { below: 250 }),
    figure(`${prefix}offers delivered to the wrong number of subscribers`, r.wrong, 'offers', { equals: 0 }),
    figure(`${prefix}offerPost refused`, r.failedPosts, 'offers', { equals: 0 }),
    figure(`${prefix}API CPU per delivery`, r.delivered ? (r.apiCpuMs * 1000) / r.delivered : null, 'µs'),
  ];
  const file = writeResult({
    bench: 'subscriptions', database: databaseName(`PostgreSQL at ${serverOf(seeded.serverUrl)}, database ${DATABASE}`),
    load: { before: loadBefore, after: loadNow() }, startedAt,
    // The first run is the target's (subscribers on one process); the Redis run's figures are named as such.
    figures: results.flatMap((r, i) => figuresOf(r, i === 0 ? '' : 'Redis, two processes: ')),
    details: { options: { ...o, redis: o.redis.replace(/\/\/[^@]*@/, '//') }, results },
  });
  process.stderr.write(`results written to ${file}\n`);
}

const main = ROLE === 'server' ? serverRole : ROLE === 'load' ? loadRole : orchestrate;
main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
