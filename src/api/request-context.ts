import type { RequestContext } from '../core/request-context.js';
import { createLoaders } from './loader-registry.js';

/** A request's context: what the transport knows, plus a fresh set of every feature's loaders. */
export function createContext(base: Omit<RequestContext, 'loaders'>): RequestContext {
  return { ...base, loaders: createLoaders(base.db) };
}
