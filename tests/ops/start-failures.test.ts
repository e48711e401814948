import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { cleanUpServices, postmasterPid, spawnService, startService, tempDir, type ServiceProcess } from '../support/service-process.js';

// Every start failure prints its real reason at the default log level (message, code, and the embedded
// PostgreSQL's last log lines), never "undefined", and leaves no PostgreSQL running.

jest.setTimeout(60_000);

const dirs: string[] = [];
const services: Pick<ServiceProcess, 'child'>[] = [];
let dataDir: string;
beforeAll(async () => {
  // One initialised cluster for the tests below (initdb once).
  dataDir = tempDir('failures');
  dirs.push(dataDir);
  const service = await startService({ DATA_DIR: dataDir });
  services.push(service);
  process.kill(service.pid, 'SIGTERM');
  expect((await service.exited).code).toBe(0);
});
afterAll(() => cleanUpServices(services, dirs));

async function failedStart(env: Record<string, string>) {
  const service = spawnService(env);
  services.push(service);
  const exit = await service.exited;
  return { exit, output: service.output() };
}

it('an unusable DATA_DIR', async () => {
  const dir = tempDir('unusable');
  dirs.push(dir);
  const file = join(dir, 'a-file');
  writeFileSync(file, 'not a directory');
  const { exit, output } = await failedStart({ DATA_DIR: file });
  expect(exit.code).toBe(1);
  expect(output).toMatch(/Coalesce failed to start: ENOTDIR: not a directory, mkdir '.*a-file\/postgres' \(code ENOTDIR\)/);
  expect(output).not.toMatch(/undefined/);
});

it('a port in use: the message names it, and the embedded PostgreSQL it had started is stopped', async () => {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    const { exit, output } = await failedStart({ DATA_DIR: dataDir, PORT: String(port) });
    expect(exit.code).toBe(1);
    expect(output).toContain(`Coalesce failed to start: listen EADDRINUSE: address already in use 127.0.0.1:${port} (code EADDRINUSE)`);
    expect(output).not.toMatch(/undefined/);
    expect(postmasterPid(dataDir)).toBeNull(); // stopped cleanly before the exit
  } finally {
    blocker.close();
  }
});

it('PostgreSQL itself refusing to start: its last log lines are printed', async () => {
  // A broken setting in the cluster's configuration: PostgreSQL exits during start-up.
  writeFileSync(join(dataDir, 'postgres', 'postgresql.auto.conf'), 'shared_buffers = nonsense\n');
  const { exit, output } = await failedStart({ DATA_DIR: dataDir });
  expect(exit.code).toBe(1);
  expect(output).toMatch(/Coalesce failed to start: embedded PostgreSQL exited during start-up \(exit code 1\).*\(code EMBEDDED_POSTGRES_EXITED\)/);
  expect(output).toMatch(/Embedded PostgreSQL's last log lines:\n.*shared_buffers/);
  expect(output).not.toMatch(/undefined/);
});
