import type { Logger } from 'pino';

// The background passes of the service (offer statuses, proposals at their deadline, inbox expiries, no-shows, the
// event log's retention) all run the same way: every interval (the first after one interval, so a start-up is not
// slowed), one pass at a time (a slow pass is not overlapped by the next), a failure logged and retried at the next
// interval, and a stop that waits for the pass in flight.

export interface PeriodicJob {
  stop(): Promise<void>;
}

export interface PeriodicJobOptions {
  intervalMs: number;
  log: Logger;
  /** One pass; returns how many things it changed (logged when not zero). */
  pass: () => Promise<number>;
  /** What a pass that changed something logs, e.g. 'offer statuses swept'. */
  done: string;
  /** The log field the count goes in, e.g. 'changed'. */
  countAs: string;
  /** Names the job in the failure warning, e.g. 'offer status sweep'. */
  name: string;
}

export function startPeriodicJob(options: PeriodicJobOptions): PeriodicJob {
  const { intervalMs, log, pass, done, countAs, name } = options;
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = pass()
      .then((count) => { if (count) log.info({ [countAs]: count }, done); })
      .catch((err: unknown) => { log.warn({ err }, `${name} failed; retrying at the next interval`); })
      .finally(() => { running = null; });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
