import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../core/request-context.js';
import type { Viewer } from '../core/viewer.js';
import { perViewerLoader } from '../core/viewer-loader.js';
import { canSeePrivateDetails } from './visibility.js';

// Contact details (the contact email and the contact person) are a double opt-in: an organization's members see
// their own, and the members of an organization on the other side of an ACCEPTED exchange with it (an
// introduction, or an offer request, in either direction) see them too, for as long as that exchange stays
// accepted; so do the members of an organization sharing a coalition with it, while both are current members.
// Nobody else does: not admins, not a pending, declined, withdrawn or expired pair, not third parties.
// The Organization type's contact fields ask canSeeContact and nothing else, so every path that returns an
// organization (lists, suggestions, introductions, offers, requests, payloads) follows this one rule.

/**
 * SQL: the organizations among `candidates` (a uuid[] parameter) that have an accepted exchange with one of
 * `mine` (a uuid[] parameter): one row `id` per such candidate. Each branch probes an indexed column.
 */
export function acceptedExchangePartnersSql(mine: string, candidates: string): string {
  return `SELECT c.id FROM unnest(${candidates}::uuid[]) AS c(id)
    WHERE EXISTS (SELECT 1 FROM introductions i WHERE i.status = 'ACCEPTED'
        AND ((i.from_organization_id = ANY(${mine}::uuid[]) AND i.to_organization_id = c.id)
          OR (i.to_organization_id = ANY(${mine}::uuid[]) AND i.from_organization_id = c.id)))
      OR EXISTS (SELECT 1 FROM offer_requests r JOIN offers f ON f.id = r.offer_id WHERE r.status = 'ACCEPTED'
        AND ((r.requesting_organization_id = ANY(${mine}::uuid[]) AND f.organization_id = c.id)
          OR (f.organization_id = ANY(${mine}::uuid[]) AND r.requesting_organization_id = c.id)))
      OR EXISTS (SELECT 1 FROM coalition_members cm JOIN coalition_members co
          ON co.coalition_id = cm.coalition_id AND co.organization_id = c.id AND co.left_at IS NULL
        WHERE cm.organization_id = ANY(${mine}::uuid[]) AND cm.left_at IS NULL)`;
}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/**
 * Per request (api/loader-registry.ts creates one with the other loaders): which organizations' contact details a
 * viewer may read. Batched (every organization of a page in one statement) per viewer and never cached
 * (core/viewer-loader.ts), so an accept or a withdrawal earlier in the same document is seen by the next field.
 */
export class ContactAccess {
  private readonly partnersOf = perViewerLoader<string, boolean>(async (viewer, ids) => {
    const rows: { id: string }[] = await this.db.query(acceptedExchangePartnersSql('$1', '$2'), [viewer.organizationIds, [...new Set(ids)]]);
    const partners = new Set(rows.map((row) => row.id));
    return ids.map((id) => partners.has(id));
  });

  constructor(private readonly db: Queryable) {}

  canSee(viewer: Viewer, organizationId: string): Promise<boolean> {
    if (canSeePrivateDetails(viewer, organizationId)) return Promise.resolve(true);
    // Only a side of an exchange may see: a viewer with no organization is no side of any.
    if (viewer.memberships.size === 0) return Promise.resolve(false);
    return this.partnersOf(viewer).load(organizationId);
  }
}

export function createContactLoaders(db: DataSource) {
  return { contactAccess: new ContactAccess(db) };
}

// Added to the request's loaders (core/request-context.ts); api/loader-registry.ts creates them.
declare module '../core/request-context.js' {
  interface Loaders extends ReturnType<typeof createContactLoaders> {}
}

/** May the viewer of this request read the organization's contact email and contact person? */
export function canSeeContact(ctx: RequestContext, organizationId: string): Promise<boolean> {
  return ctx.loaders.contactAccess.canSee(ctx.viewer, organizationId);
}

/** A contact value as the viewer may read it: itself, or null. */
export async function contactOnly<T>(ctx: RequestContext, organizationId: string, value: T | null): Promise<T | null> {
  return value !== null && (await canSeeContact(ctx, organizationId)) ? value : null;
}
