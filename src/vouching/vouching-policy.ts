import type { RequestContext } from '../core/request-context.js';

// How many vouches from verified organizations make an organization VOUCHED. The number is configuration
// (VOUCHES_FOR_BADGE, core/config.ts); the transports put it on the request context (api/app.ts and
// api/subscription-server.ts), so one process can serve tests with different thresholds side by side.

export const DEFAULT_VOUCHES_FOR_BADGE = 2;

export interface VouchingPolicy {
  vouchesForBadge: number;
}

declare module '../core/request-context.js' {
  interface RequestContext {
    /** Absent (scripts, benches): the default threshold. */
    vouching?: VouchingPolicy;
  }
}

export function vouchesForBadge(ctx: RequestContext): number {
  return ctx.vouching?.vouchesForBadge ?? DEFAULT_VOUCHES_FOR_BADGE;
}
