import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Viewer } from './viewer.js';

/**
 * What each feature keeps per request for batching (DataLoaders). The floor knows no feature, so each feature adds
 * its own loaders to this interface where it defines them (TypeScript declaration merging: see
 * profiles/organization.loaders.ts), and the roof builds them all (api/loader-registry.ts). A loader must never
 * cache across requests or viewers.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Loaders {}

/**
 * What every resolver and service receives. The transports (api/app.ts for HTTP, api/subscription-server.ts for
 * WebSocket) build it; features that keep more per request (the sign-in throttles, the engine pool) add optional
 * members here the same way as loaders, next to their own code.
 */
export interface RequestContext {
  viewer: Viewer;
  db: DataSource;
  requestId: string;
  log: Logger;
  loaders: Loaders;
}
