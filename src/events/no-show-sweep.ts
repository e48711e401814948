import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { MembershipRole } from '../core/enums.js';
import type { RequestContext } from '../core/request-context.js';
import { Viewer } from '../core/viewer.js';
import { EVENT_COLUMNS, EVENT_FROM, type EventRow } from './event-view.js';
import { applyDoorRule } from './no-shows.js';
import { startPeriodicJob, type PeriodicJob } from '../core/periodic-job.js';

// Between arrivals the door rule still has to apply when a round starts: every interval, each running event with
// check-in open is locked and the rule applied (no-shows.ts). The work is done as the organizers would do it (a
// viewer acting for the organizing organization), so scores and reasons of the new meetings are the ones an
// organizer's repair would make.

export const NO_SHOW_SWEEP_INTERVAL_MS = 30_000;

export type ContextFactory = (viewer: Viewer) => RequestContext;

export async function sweepNoShows(db: DataSource, makeContext: ContextFactory, now = Date.now()): Promise<number> {
  const due: { id: string }[] = await db.query(
    `SELECT id FROM events WHERE status = 'PUBLISHED' AND no_show_grace_minutes IS NOT NULL
       AND starts_at + make_interval(mins => no_show_grace_minutes) <= $1 AND ends_at > $1`,
    [new Date(now)],
  );
  let marked = 0;
  for (const { id } of due) {
    marked += await db.transaction(async (tx) => {
      const [row]: EventRow[] = await tx.query(`SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE e.id = $1 FOR UPDATE OF e`, [id]);
      if (!row) return 0;
      const organizers = new Viewer(null, false, new Map([[row.organizerId, MembershipRole.EDITOR]]), null);
      return applyDoorRule(makeContext(organizers), tx, row, now);
    });
  }
  return marked;
}

/** Frees no-shows' meetings every intervalMs (core/periodic-job.ts). */
export function startNoShowSweep(db: DataSource, log: Logger, makeContext: ContextFactory, intervalMs = NO_SHOW_SWEEP_INTERVAL_MS): PeriodicJob {
  return startPeriodicJob({ intervalMs, log, pass: () => sweepNoShows(db, makeContext), done: 'no-shows freed their meetings', countAs: 'marked', name: 'no-show sweep' });
}
