import type { DataSource } from 'typeorm';
import { childListLoader } from '../profiles/organization.loaders.js';
import type { Capability, Need } from './capability.types.js';

export function createCapabilityLoaders(db: DataSource) {
  return {
    capabilitiesByOrganization: childListLoader<Capability>(db, 'capabilities'),
    needsByOrganization: childListLoader<Need>(db, 'needs'),
  };
}

export type CapabilityLoaders = ReturnType<typeof createCapabilityLoaders>;

// Added to the request's loaders (core/request-context.ts); api/loader-registry.ts creates them.
declare module '../core/request-context.js' {
  interface Loaders extends CapabilityLoaders {}
}
