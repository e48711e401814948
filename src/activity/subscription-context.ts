import type { EventHub, EventScope } from './event-hub.js';

// What the WebSocket transport (api/subscription-server.ts) adds to a subscription's request context, declared
// here beside the code that reads it (the floor knows no feature; see core/request-context.ts).
declare module '../core/request-context.js' {
  interface RequestContext {
    /** The process's event hub; only subscriptions over WebSocket have one. */
    eventHub?: EventHub;
    /**
     * Checked before each event: do the connection's token and memberships still hold? On false the transport
     * has closed the socket (4401 token revoked or expired, 4403 membership lost) and the stream ends.
     */
    liveCheck?: (scope: EventScope) => Promise<boolean>;
  }
}
