import type { DataSource } from 'typeorm';
import type { Loaders } from '../core/request-context.js';
import { createCoalitionLoaders } from '../coalitions/coalition.loaders.js';
import { createContactLoaders } from '../privacy/contact-rules.js';
import { createOfferLoaders } from '../offers/offer.loaders.js';
import { createOfferRequestLoaders } from '../offers/offer-request.loaders.js';
import { createCapabilityLoaders } from '../capabilities/capability.loaders.js';
import { createOrganizationLoaders } from '../profiles/organization.loaders.js';
import { createTaxonomyLoaders } from '../taxonomy/taxonomy.loaders.js';
import { createVouchLoaders } from '../vouching/vouch.loaders.js';

/** Every feature's loaders, fresh per request. A feature that declares loaders adds its factory here. */
export function createLoaders(db: DataSource): Loaders {
  return { ...createVouchLoaders(db), ...createOrganizationLoaders(db), ...createCapabilityLoaders(db), ...createTaxonomyLoaders(db), ...createContactLoaders(db), ...createOfferLoaders(db),
    ...createOfferRequestLoaders(db),
    ...createCoalitionLoaders(db) };
}
