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
