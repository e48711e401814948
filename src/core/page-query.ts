import type { DataSource, EntityManager } from 'typeorm';
import { pageConnection, type ConnectionShape, type Page } from './connection.js';
import type { SqlParams } from './sql-params.js';

/** A list query: `SELECT columns FROM from WHERE where ORDER BY orderBy`, with its parameters so far. */
export interface ListQuery {
  columns: string;
  /** The table with its alias, and any joins that the columns or the condition need. */
  from: string;
  where: string;
  orderBy: string;
  params: SqlParams;
  /**
   * An SQL expression equal to `count(*)` over from/where, when there is a cheaper way to the same number (a count
   * the database keeps); its parameters are added before queryPage adds the paging ones.
   */
  count?: string;
}

/** The column that carries the total in the page's statement. */
const TOTAL = '__totalCount';

/**
 * One page of a list as a Relay connection: the page's rows (plus one, to tell whether a next page exists) and
 * the exact total, only when a client selects totalCount: in the page's own statement when the page says so
 * (`countWithPage`: one round trip, one snapshot), else by a second statement on first read. `toNodes` turns the
 * rows into what the connection shows (a projection, or a batch of lookups for the whole page).
 */
export async function queryPage<Row, Node extends object>(
  db: DataSource | EntityManager,
  query: ListQuery,
  page: Page,
  toNodes: (rows: Row[]) => Node[] | Promise<Node[]>,
): Promise<ConnectionShape<Node>> {
  const { params } = query;
  const countValues = [...params.values]; // before the paging parameters are added
  const count = query.count ?? `(SELECT count(*)::int FROM ${query.from} WHERE ${query.where})`;
  const rows: (Row & { [TOTAL]?: number })[] = await db.query(
    `SELECT ${query.columns}${page.countWithPage ? `, ${count} AS "${TOTAL}"` : ''} FROM ${query.from} WHERE ${query.where}
     ORDER BY ${query.orderBy} LIMIT ${params.add(page.limit + 1)} OFFSET ${params.add(page.offset)}`,
    params.values,
  );
  const counted = rows.length > 0 ? rows[0][TOTAL] : undefined;
  if (counted !== undefined) for (const row of rows) delete row[TOTAL];
  const totalCount = async (): Promise<number> => {
    if (counted !== undefined) return counted;
    const [{ total }] = await db.query(`SELECT ${count} AS total`, countValues);
    return total;
  };
  const hasNextPage = rows.length > page.limit;
  const nodes = await toNodes(hasNextPage ? rows.slice(0, page.limit) : rows);
  return pageConnection(nodes, page, hasNextPage, totalCount);
}
