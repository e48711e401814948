import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

// Each server runs in its own process so that it gets a core to itself while autocannon, in the parent, uses
// the other: in one process the load generator and the server would share one event loop and measure each other.

interface Ready {
  port: number;
  poolSize: number;
}

/** In a server child: tells the parent where it listens, and shuts down cleanly when asked. */
export function announce(port: number, poolSize: number, stop: () => Promise<void>): void {
  const shutdown = () => {
    stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', shutdown);
  process.on('disconnect', shutdown); // the parent died: do not linger holding database connections
  process.send!({ port, poolSize } satisfies Ready);
}

export interface ServerChild {
  name: string;
  url: string;
  poolSize: number;
  /** The server process, e.g. to read its CPU time (support/process-cpu.ts). */
  pid: number;
  stop(): Promise<void>;
}

export async function startServer(
  name: string, entry: string, databaseUrl: string, profileDir?: string, env: Record<string, string> = {},
): Promise<ServerChild> {
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `${name}-${Date.now()}.cpuprofile`] : [];
  const child: ChildProcess = fork(resolve(__dirname, '..', entry), [], {
    execArgv: [...profile, '-r', 'ts-node/register/transpile-only'],
    env: { ...process.env, ...env, BENCH_DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Ready>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${name} server did not start within 60 s`)), 60_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      ok(message as Ready);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${name} server exited with code ${code} before listening`));
    });
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  return {
    name,
    url: `http://127.0.0.1:${ready.port}/graphql`,
    poolSize: ready.poolSize,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
