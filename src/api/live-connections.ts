import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { WebSocket } from 'ws';
import { viewersByTokenIds } from '../accounts/viewer-from-token.js';
import type { RequestContext } from '../core/request-context.js';
import type { Viewer } from '../core/viewer.js';
import type { EventHub, EventScope } from '../activity/event-hub.js';

// The WebSocket connections' authentication, kept true while they live. A connection authenticates once, at
// connection_init; its token and memberships are then checked again before every event it would receive (one
// statement per event for all its subscribers, batched) and every SUBSCRIPTION_CHECK_INTERVAL_SECONDS (default 60,
// core/config.ts) for idle connections, so a revoked token closes a socket that receives nothing within that time:
//   - token revoked, expired or deleted            -> close 4401 "Unauthorized"
//   - a membership (or admin right) it had is gone or its role changed -> close 4403 "Forbidden"
// The client reconnects (with a valid token) and resubscribes with its last cursors: nothing is lost, and what it
// may no longer see it no longer gets. Memberships gained later do not widen an open connection; a new one sees them.

export const CLOSE_TOKEN_REVOKED = 4401;
export const CLOSE_MEMBERSHIP_CHANGED = 4403;
/** Tokens per statement of the periodic check: small batches, one after another, so that 10,000 idle connections
 *  cost a short statement now and then instead of one big one that delays the events being delivered meanwhile. */
const CHECK_BATCH = 500;

interface ConnectionState {
  viewer: Viewer;
}

/** True when `fresh` lacks something `old` had: admin right, a membership, or a membership's role. */
function lostSomething(old: Viewer, fresh: Viewer): boolean {
  if (old.isAdmin && !fresh.isAdmin) return true;
  for (const [organizationId, role] of old.memberships) if (fresh.roleIn(organizationId) !== role) return true;
  return false;
}

export class LiveConnections {
  private readonly states = new Map<WebSocket, ConnectionState>();
  private readonly timer: NodeJS.Timeout;
  private checking: Promise<void> | null = null;

  constructor(private readonly db: DataSource, private readonly log: Logger, intervalMs: number) {
    this.timer = setInterval(() => {
      this.checking ??= this.checkAll().catch((err: unknown) => this.log.warn({ err }, 'subscriptions: connection check failed'))
        .finally(() => { this.checking = null; });
    }, intervalMs);
    this.timer.unref();
  }

  open(socket: WebSocket, viewer: Viewer): void {
    this.states.set(socket, { viewer });
    socket.once('close', () => this.states.delete(socket));
  }

  get size(): number {
    return this.states.size;
  }

  /** Gives a subscription's context the hub and the per-event check of its connection. */
  attach(ctx: RequestContext, socket: WebSocket, hub: EventHub): void {
    ctx.eventHub = hub;
    ctx.liveCheck = (scope) => this.check(socket, scope);
  }

  private async check(socket: WebSocket, scope: EventScope): Promise<boolean> {
    const state = this.states.get(socket);
    if (!state) return false;
    const tokenId = state.viewer.tokenId;
    if (!tokenId) return true; // anonymous: nothing to revoke
    const loader = await scope.memo('live-viewers', async () => new DataLoader<string, Viewer | null>(async (ids) => {
      const fresh = await viewersByTokenIds(this.db, ids);
      return ids.map((id) => fresh.get(id) ?? null);
    }));
    return this.judge(socket, state, await loader.load(tokenId));
  }

  private judge(socket: WebSocket, state: ConnectionState, fresh: Viewer | null): boolean {
    if (!fresh) {
      socket.close(CLOSE_TOKEN_REVOKED, 'Unauthorized: the access token was revoked or has expired');
      this.states.delete(socket);
      return false;
    }
    if (lostSomething(state.viewer, fresh)) {
      socket.close(CLOSE_MEMBERSHIP_CHANGED, 'Forbidden: a membership this connection relied on was removed or changed');
      this.states.delete(socket);
      return false;
    }
    return true;
  }

  /** Idle connections too: every token checked in batches. */
  private async checkAll(): Promise<void> {
    const withToken = [...this.states].filter(([, state]) => state.viewer.tokenId);
    for (let i = 0; i < withToken.length; i += CHECK_BATCH) {
      const batch = withToken.slice(i, i + CHECK_BATCH);
      const fresh = await viewersByTokenIds(this.db, batch.map(([, state]) => state.viewer.tokenId!));
      for (const [socket, state] of batch) this.judge(socket, state, fresh.get(state.viewer.tokenId!) ?? null);
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
