import type { Loaders, RequestContext } from '../core/request-context.js';
import { createLoaders } from './loader-registry.js';

/**
 * A request's context: what the transport knows, plus a fresh set of every feature's loaders, created on first use.
 * Lazily because a subscription's context lives as long as its socket, and its events bring their own loaders
 * (src/activity/event-stream.ts): an idle subscriber should not hold a set it never reads.
 */
export function createContext(base: Omit<RequestContext, 'loaders'>): RequestContext {
  let loaders: Loaders | undefined;
  return Object.defineProperty({ ...base }, 'loaders', {
    enumerable: true,
    configurable: true,
    get: () => (loaders ??= createLoaders(base.db)),
    set: (value: Loaders) => { loaders = value; },
  }) as RequestContext;
}
