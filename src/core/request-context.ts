import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { ThrottleContext } from '../accounts/sign-in-throttle.js';
import type { Viewer } from './viewer.js';
import type { EnginePool } from '../suggestions/engine-pool.js';
import { createLoaders, type Loaders } from '../api/loader-registry.js';

export interface RequestContext {
  viewer: Viewer;
  db: DataSource;
  requestId: string;
  log: Logger;
  /** Per request: a loader must never cache across requests or viewers. */
  loaders: Loaders;
  /** The client address and the account throttles (set by the HTTP and WebSocket transports; absent in scripts). */
  throttle?: ThrottleContext;
  /** The app's worker pool for heavy engine work; absent (scripts, benches), the work runs in-process. */
  engine?: EnginePool;
}

export function createContext(base: Omit<RequestContext, 'loaders'>): RequestContext {
  return { ...base, loaders: createLoaders(base.db) };
}
