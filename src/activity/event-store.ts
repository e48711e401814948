import type { DataSource, EntityManager } from 'typeorm';
import type { StoredEvent } from './event-log.js';

// Reads of the event log (activity_events): the hub's catch-up and a subscriber's replay. Retention: rows older
// than EVENT_RETENTION_DAYS are swept (event-retention.ts); a cursor from before the sweep horizon is refused
// (CURSOR_EXPIRED), because what it missed is no longer all there.

export const EVENT_RETENTION_DAYS = 7;

interface EventRow {
  id: string;
  kind: string;
  subjectId: string;
  organizationIds: string[] | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

const COLUMNS = `e.id::text AS id, e.kind, e.subject_id AS "subjectId", e.organization_ids AS "organizationIds", e.data,
  e.created_at AS "createdAt"`;

function toStored(row: EventRow): StoredEvent {
  return {
    cursor: row.id, kind: row.kind, subjectId: row.subjectId, organizationIds: row.organizationIds, data: row.data,
    occurredAt: new Date(row.createdAt).toISOString(),
  };
}

export interface ReadOptions {
  /** Only these kinds. */
  kinds?: readonly string[];
  /** Addressed events only when they name one of these (broadcasts always). */
  organizationIds?: readonly string[];
  /** Up to and including this cursor. */
  through?: string;
  limit: number;
}

/** Events after a cursor, oldest first. */
export async function readEventsAfter(db: DataSource | EntityManager, after: string, options: ReadOptions): Promise<StoredEvent[]> {
  const params: unknown[] = [after];
  const where = ['e.id > $1::bigint'];
  if (options.through !== undefined) {
    params.push(options.through);
    where.push(`e.id <= $${params.length}::bigint`);
  }
  if (options.kinds) {
    params.push(options.kinds);
    where.push(`e.kind = ANY($${params.length}::varchar[])`);
  }
  if (options.organizationIds) {
    params.push(options.organizationIds);
    where.push(`(e.organization_ids IS NULL OR e.organization_ids && $${params.length}::uuid[])`);
  }
  params.push(options.limit);
  const rows: EventRow[] = await db.query(
    `SELECT ${COLUMNS} FROM activity_events e WHERE ${where.join(' AND ')} ORDER BY e.id LIMIT $${params.length}`,
    params,
  );
  return rows.map(toStored);
}

/** The newest cursor stored ('0' when the log is empty). */
export async function latestCursor(db: DataSource | EntityManager): Promise<string> {
  const [row]: { max: string | null }[] = await db.query('SELECT max(id)::text AS max FROM activity_events');
  return row.max ?? '0';
}
