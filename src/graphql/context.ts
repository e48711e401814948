import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Viewer } from '../accounts/viewer.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface RequestContext {
  viewer: Viewer;
  db: DataSource;
  requestId: string;
  log: Logger;
  /** Per request: a loader must never cache across requests or viewers. */
  loaders: Loaders;
}

export function createContext(base: Omit<RequestContext, 'loaders'>): RequestContext {
  return { ...base, loaders: createLoaders(base.db) };
}
