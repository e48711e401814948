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
}

/**
 * One page of a list as a Relay connection: the page's rows (plus one, to tell whether a next page exists) and
 * the exact total, counted by a second statement only when a client selects totalCount. `toNodes` turns the rows
 * into what the connection shows (a projection, or a batch of lookups for the whole page).
 */
export async function queryPage<Row, Node extends object>(
  db: DataSource | EntityManager,
  query: ListQuery,
  page: Page,
  toNodes: (rows: Row[]) => Node[] | Promise<Node[]>,
): Promise<ConnectionShape<Node>> {
  const { params } = query;
  const countValues = [...params.values]; // before the paging parameters are added
  const rows: Row[] = await db.query(
    `SELECT ${query.columns} FROM ${query.from} WHERE ${query.where}
     ORDER BY ${query.orderBy} LIMIT ${params.add(page.limit + 1)} OFFSET ${params.add(page.offset)}`,
    params.values,
  );
  const totalCount = async (): Promise<number> => {
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM ${query.from} WHERE ${query.where}`, countValues);
    return count;
  };
  const hasNextPage = rows.length > page.limit;
  const nodes = await toNodes(hasNextPage ? rows.slice(0, page.limit) : rows);
  return pageConnection(nodes, page, hasNextPage, totalCount);
}
