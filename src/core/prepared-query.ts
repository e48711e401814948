import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

// A statement that runs many times in a burst with other values (offerPosted reads one offer for each group of
// alike subscribers: hundreds per event) is sent as a named statement: PostgreSQL parses and plans it once per
// connection and, after a few runs, keeps a generic plan. Planned afresh each time, such reads cost more than they
// do; batched into one UNION ALL they were planned as one huge statement per event (about 640 ms for 100 groups on
// PostgreSQL 15, the whole budget of an event several times over).
//
// Names come from the text, so the same text is the same statement on every connection. Only a bounded number of
// texts get a name (each costs memory in every server process that prepared it); others run unnamed.

const MAX_NAMED_TEXTS = 64;
const names = new Map<string, string>();

function nameOf(text: string): string | null {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED_TEXTS) {
    names.set(text, (name = `coalesce_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`));
  }
  return name ?? null;
}

/** Runs `text` with `values` (positional), as a named statement when it may have one. */
export function preparedQuery<T>(db: DataSource | EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const name = nameOf(text);
  // pg takes a query config ({ name, text }) where TypeORM passes the SQL string through to it unchanged.
  return db.query(name ? ({ name, text } as unknown as string) : text, values);
}
