import { BadInputError, QueryLimitError } from '../core/errors.js';
import type { RequestContext } from '../core/request-context.js';
import type { Audience, EventHub, EventScope } from './event-hub.js';
import type { ActivityKind, StoredEvent } from './event-log.js';
import { readEventsAfter } from './event-store.js';
import { assertCursorRetained } from './event-retention.js';
import './subscription-context.js';

// subscribeToEvents: how a resumable subscription field is declared (offerPosted, inboxUpdated, urgentNeedAlert,
// savedSearchMatched all use it). In a type-graphql resolver:
//
//   @Subscription(() => UrgentNeedAlert, {
//     subscribe: ({ args, context }) => subscribeToEvents(context, {
//       kinds: ['URGENT_NEED'],
//       after: args.after,                       // optional cursor: replay what was missed, then live
//       organizationIds: [orgIdTheViewerIsAMemberOf], // addressed events reach it only if they name one of these
//       project: (event, ctx) => buildAlertFor(ctx, event), // the payload for ctx.viewer, or null to skip it
//     }),
//   })
//   urgentNeedAlert(@Root() alert: UrgentNeedAlert, @Arg('organizationId', () => ID) _org: string,
//     @Arg('after', () => String, { nullable: true }) _after?: string): UrgentNeedAlert { return alert; }
//
// What it guarantees:
// - Replay then live, no gap and no duplicate at the seam: it registers with the process's hub first (live events
//   wait in a queue), reads the log after `after` in pages until it is exhausted, then serves the queue, dropping
//   what the replay already served (cursors only grow).
// - Per subscriber, per event: `project` decides, through the same read paths as the queries (src/privacy via the
//   features), whether this viewer gets the event and what it shows (return null to skip: the cursor still
//   advances); before it is sent, the connection's token and memberships are checked afresh (ctx.liveCheck, set by
//   the WebSocket transport: a revoked token or a lost membership closes the socket and nothing is sent).
// - `project` runs with ctx.loaders set to the event's shared loaders (one DataLoader set per event for every
//   subscriber it reaches, so field resolvers of the payload batch across subscribers and nothing is cached from
//   one event to the next); scope.memo shares one computation per key (e.g. one SQL per viewer group).
// - Each payload should carry `cursor: event.cursor` so the client can resume after it.
// - A cursor from before the retention horizon (EVENT_RETENTION_DAYS) answers BAD_USER_INPUT on `after` with
//   reason CURSOR_EXPIRED: refetch with queries, then subscribe without `after`.
// - A subscriber that lets MAX_PENDING live events pile up is ended with QUERY_LIMIT_EXCEEDED (reason
//   SUBSCRIBER_TOO_SLOW, resumeAfter: its last cursor): it resubscribes with `after` and loses nothing.

export const MAX_PENDING = 1000;
const REPLAY_PAGE = 100;
const MAX_CURSOR = 2n ** 63n - 1n; // bigint ids

export interface EventStreamOptions<T> {
  kinds: readonly ActivityKind[];
  after?: string | null;
  /** Addressed events reach the subscriber only when they name one of these organizations; broadcasts always do. */
  organizationIds?: readonly string[];
  /** A cheap cut for broadcasts, shared per event by every subscriber of the audience (see Audience in event-hub.ts). */
  audience?: Audience;
  project: (event: StoredEvent, ctx: RequestContext, scope: EventScope) => Promise<T | null>;
}

/** A cursor as the client sent it: a non-negative integer in a string. */
export function parseCursor(after: string | null | undefined): bigint | null {
  if (after === null || after === undefined) return null;
  const cursor = /^\d{1,19}$/.test(after) ? BigInt(after) : -1n;
  if (cursor < 0n || cursor > MAX_CURSOR) throw new BadInputError('after', 'after must be a cursor received from this subscription');
  return cursor;
}

interface Item {
  event: StoredEvent;
  scope: EventScope;
}

class EventStream<T> implements AsyncIterableIterator<T> {
  private readonly live: Item[] = [];
  private replay: Item[] = [];
  private replaying: boolean;
  private lastCursor: bigint;
  private wake: (() => void) | null = null;
  private finished = false;
  private failure: Error | null = null;
  private readonly unregister: () => void;
  private readonly organizationIds: readonly string[];

  constructor(private readonly hub: EventHub, private readonly ctx: RequestContext, private readonly options: EventStreamOptions<T>, after: bigint | null) {
    this.replaying = after !== null;
    this.lastCursor = after ?? 0n;
    this.organizationIds = options.organizationIds ?? [];
    // Registered before the replay reads anything: whatever commits meanwhile waits in `live`.
    this.unregister = hub.register({
      kinds: options.kinds,
      organizationIds: new Set(this.organizationIds),
      ...(options.audience ? { audience: options.audience } : {}),
      push: (event, scope) => this.push({ event, scope }),
    });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private push(item: Item): void {
    if (this.finished) return;
    if (this.live.length >= MAX_PENDING) {
      this.failure = new QueryLimitError('This subscriber fell too far behind; resubscribe with `after` set to the last cursor received', {
        reason: 'SUBSCRIBER_TOO_SLOW', resumeAfter: this.lastCursor.toString(),
      });
      this.live.length = 0;
      this.unregister();
    } else {
      this.live.push(item);
    }
    this.wake?.();
  }

  private async nextItem(): Promise<Item | null> {
    for (;;) {
      if (this.finished) return null;
      if (this.failure) {
        const failure = this.failure;
        this.close();
        throw failure;
      }
      if (this.replay.length === 0 && this.replaying) {
        // The next page of the log after the last event served (one scope, i.e. one loader set, per page).
        const events = await readEventsAfter(this.ctx.db, this.lastCursor.toString(), {
          kinds: this.options.kinds, organizationIds: this.organizationIds, limit: REPLAY_PAGE,
        });
        if (events.length < REPLAY_PAGE) this.replaying = false; // the log is exhausted: live from here on
        const scope = this.hub.newScope();
        this.replay = events.map((event) => ({ event, scope }));
      }
      const replayed = this.replay.shift();
      if (replayed) return replayed;
      if (this.replaying) continue;
      const item = this.live.shift();
      if (item) {
        if (BigInt(item.event.cursor) <= this.lastCursor) continue; // served by the replay already
        return item;
      }
      await new Promise<void>((resolve) => { this.wake = resolve; });
      this.wake = null;
    }
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      const item = await this.nextItem();
      if (!item) return { value: undefined, done: true };
      this.lastCursor = BigInt(item.event.cursor);
      this.ctx.loaders = item.scope.loaders;
      const payload = await this.options.project(item.event, this.ctx, item.scope);
      if (payload === null) continue;
      // Before anything is sent: does the connection still stand (token, memberships)? Checked for every event it
      // would receive (batched per event across subscribers); events it would not receive need no check.
      if (this.ctx.liveCheck && !(await this.ctx.liveCheck(item.scope))) {
        this.close();
        return { value: undefined, done: true };
      }
      return { value: payload, done: false };
    }
  }

  private close(): void {
    if (this.finished) return;
    this.finished = true;
    this.unregister();
    this.wake?.();
  }

  async return(): Promise<IteratorResult<T>> {
    this.close();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    this.close();
    throw error;
  }
}

/** A resumable live stream of events for one subscriber (see the comment at the top of this file). */
export async function subscribeToEvents<T>(ctx: RequestContext, options: EventStreamOptions<T>): Promise<AsyncIterableIterator<T>> {
  const hub = ctx.eventHub;
  if (!hub) throw new Error('Subscriptions are served over WebSocket only (no event hub in this context)');
  const after = parseCursor(options.after);
  if (after !== null) await assertCursorRetained(ctx.db, after);
  return new EventStream<T>(hub, ctx, options, after);
}
