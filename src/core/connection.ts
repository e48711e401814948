import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadInputError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}.` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

// Cursors are opaque offsets into the requested ordering. Relevance-ordered search has no stable key to seek
// on, so one cursor scheme serves every list; the max page size bounds the work per request.
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined | null): number {
  if (cursor === undefined || cursor === null) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new BadInputError('after', 'The cursor is not valid');
  return Number(match[1]) + 1;
}

export interface Page {
  limit: number;
  offset: number;
  /** The client selected totalCount: count in the page's own statement (see core/page-query.ts). */
  countWithPage?: boolean;
}

export function toPage(args: PageArgs): Page {
  return { limit: args.first ?? DEFAULT_PAGE_SIZE, offset: decodeCursor(args.after) };
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A getter: the count query runs only when a client selects totalCount. */
  readonly totalCount: Promise<number>;
}

/** rows: up to limit + 1 rows fetched from offset; the extra one only tells whether there is a next page. */
export function toConnection<T extends object>(rows: T[], page: Page, totalCount: () => Promise<number>): ConnectionShape<T> {
  return pageConnection(rows.slice(0, page.limit), page, rows.length > page.limit, totalCount);
}

/** The connection of one page's nodes, when whether a next page exists is known. */
export function pageConnection<T extends object>(nodes: T[], page: Page, hasNextPage: boolean, totalCount: () => Promise<number>): ConnectionShape<T> {
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page.offset + i), node }));
  const pageInfo = {
    hasNextPage,
    hasPreviousPage: page.offset > 0,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
  let count: Promise<number> | null = null;
  return {
    edges,
    nodes,
    pageInfo,
    get totalCount() {
      count ??= totalCount();
      return count;
    },
  };
}

/** Builds the XConnection / XEdge types for a node type. */
export function connectionTypes<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => [nodeType], { description: 'The nodes of edges, for clients that need no cursors.' })
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    // Not simple: the value is a promise (counted on first read), and a resolver's result is what gets awaited.
    @Field(() => Int, { description: 'Number of items matching, all pages together.', simple: false })
    totalCount: number;
  }
  return { Edge, Connection };
}
