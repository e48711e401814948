import type { TestApp } from './test-app.js';

/**
 * Waits until the app's background work (sweeps, the saved-search matcher woken by earlier writes) has stopped
 * issuing statements for `quietMs`, so that a statement count afterwards measures the request alone.
 */
export async function waitForQuietDatabase(app: TestApp, quietMs = 400, maxMs = 15_000): Promise<void> {
  const started = Date.now();
  for (let seen = -1; seen !== app.statements.length && Date.now() - started < maxMs;) {
    seen = app.statements.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

/**
 * The statements one request runs: the fewest over `tries` runs, each after the database is quiet. Background work
 * (a sweep, the saved-search matcher) can start during a request and add its statements to the count, never take
 * any away. `run` gets the attempt number: an anonymous request must differ per attempt (a GraphQL comment will
 * do), or the public response cache answers the repeats without a statement.
 */
export async function fewestStatements<T>(app: TestApp, run: (attempt: number) => Promise<T>, tries = 3): Promise<{ count: number; result: T }> {
  let fewest: { count: number; result: T } | null = null;
  for (let attempt = 0; attempt < tries; attempt++) {
    await waitForQuietDatabase(app);
    app.statements.length = 0;
    const result = await run(attempt);
    if (!fewest || app.statements.length < fewest.count) fewest = { count: app.statements.length, result };
  }
  return fewest!;
}
