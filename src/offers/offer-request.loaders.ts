import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { perViewerLoader } from '../core/viewer-loader.js';
import { completedExchangeSql, requestStatusSql } from './offer-request-status.sql.js';
import { OFFER_REQUEST_COLUMNS, OFFER_REQUEST_FROM, type OfferRequestRow } from './offer-request-view.js';

// Per request (api/loader-registry.ts): batched reads behind Offer.viewerRequest and Organization.exchangesCompleted.
// Neither caches (a mutation earlier in the same document changes both); the first depends on the viewer.

export function createOfferRequestLoaders(db: DataSource) {
  return {
    /**
     * Per offer, the request of one of the viewer's organizations: a live one (pending or accepted) first, else the
     * latest. Only the viewer's own organizations' requests: never one of a third party.
     */
    viewerRequestByOffer: perViewerLoader<string, OfferRequestRow | null>(async (viewer, offerIds) => {
      if (viewer.memberships.size === 0) return offerIds.map(() => null);
      const rows: OfferRequestRow[] = await db.query(
        `SELECT DISTINCT ON (r.offer_id) ${OFFER_REQUEST_COLUMNS} FROM ${OFFER_REQUEST_FROM}
         WHERE r.offer_id = ANY($1::uuid[]) AND r.requesting_organization_id = ANY($2::uuid[])
         ORDER BY r.offer_id, ${requestStatusSql('r', 'f')} IN ('PENDING', 'ACCEPTED') DESC, r.created_at DESC, r.id DESC`,
        [[...new Set(offerIds)], viewer.organizationIds],
      );
      const byOffer = new Map(rows.map((row) => [row.offerId, row]));
      return offerIds.map((id) => byOffer.get(id) ?? null);
    }),

    /** Exchanges done (accepted, and marked done or past the offer's end), on either side: a count, nothing more. */
    exchangesCompletedByOrganization: new DataLoader<string, number>(async (ids) => {
      const rows: { id: string; count: number }[] = await db.query(
        `SELECT u.id,
           (SELECT count(*) FROM offer_requests r JOIN offers f ON f.id = r.offer_id
            WHERE r.requesting_organization_id = u.id AND ${completedExchangeSql('r', 'f')})
         + (SELECT count(*) FROM offers f JOIN offer_requests r ON r.offer_id = f.id
            WHERE f.organization_id = u.id AND ${completedExchangeSql('r', 'f')}) AS count
         FROM unnest($1::uuid[]) AS u(id)`,
        [[...new Set(ids)]],
      );
      const counts = new Map(rows.map((row) => [row.id, Number(row.count)]));
      return ids.map((id) => counts.get(id) ?? 0);
    }, { cache: false }),
  };
}

// Added to the request's loaders (core/request-context.ts); api/loader-registry.ts creates them.
declare module '../core/request-context.js' {
  interface Loaders extends ReturnType<typeof createOfferRequestLoaders> {}
}
