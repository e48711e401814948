import type { DataSource } from 'typeorm';
import { SqlParams } from '../core/sql-params.js';
import type { RequestContext } from '../core/request-context.js';
import type { Viewer } from '../core/viewer.js';
import { buildOfferFilter } from '../offers/offer-filter.sql.js';
import { OFFER_COLUMNS, toOffer, type OfferRow } from '../offers/offer-view.js';
import { visibleOffersFrom } from '../offers/offer-visibility.js';
import type { OfferFilter } from '../offers/offer.inputs.js';
import { AnonymousTokens } from '../privacy/anonymous-card.js';
import type { EventScope } from './event-hub.js';
import type { StoredEvent } from './event-log.js';
import type { OfferChange } from './offer-events.js';
import { meetsOpenNeedsSql, ORGANIZATIONS_NEEDING_OFFER_SQL } from './offer-posted.sql.js';
import type { OfferPostedEvent } from './subscription.types.js';
import { viewerKey } from './viewer-key.js';

// offerPosted, per subscriber and event: the offer exactly as the `offers` list (with the subscriber's filter) and
// `offer(id)` would show it to this viewer, or nothing. The read starts from visibleOffersFrom (the privacy policy
// of offers), so an offer the viewer could not read through offer(id) never reaches it, and a card stays a card.

export interface OfferPostedArgs {
  /** Offers meeting this organization's open needs (the viewer is a member). */
  seekerId: string | null;
  filter: OfferFilter | null;
}

/** The offer row for this viewer if it may see it and it matches; one statement. */
export async function loadPostedOffer(db: DataSource, viewer: Viewer, offerId: string, args: OfferPostedArgs): Promise<OfferRow | null> {
  const params = new SqlParams();
  const from = visibleOffersFrom(viewer, params);
  const where = [`f.id = ${params.add(offerId)}`];
  let distance: string | null = null;
  if (args.filter) {
    const built = buildOfferFilter(args.filter, params);
    where.push(...built.where);
    distance = built.distance;
  }
  if (args.seekerId) where.push(meetsOpenNeedsSql(params.add(args.seekerId)));
  const rows: OfferRow[] = await db.query(
    `SELECT ${OFFER_COLUMNS}${distance ? `, ${distance} AS "distanceKm"` : ''} FROM ${from} WHERE ${where.join(' AND ')}`,
    params.values,
  );
  return rows[0] ?? null;
}

/** The payload for this subscriber, or null. Subscribers with the same viewer key and arguments share one read. */
export async function projectOfferPosted(
  event: StoredEvent, ctx: RequestContext, scope: EventScope, args: OfferPostedArgs, argsKey: string,
): Promise<OfferPostedEvent | null> {
  if (args.seekerId) {
    // First cut, one statement per event for every subscriber: does any open need of this organization match?
    const needing = await scope.memo(`needing:${event.subjectId}`, async () => {
      const [row]: { ids: string[] }[] = await ctx.db.query(ORGANIZATIONS_NEEDING_OFFER_SQL, [event.subjectId]);
      return new Set(row?.ids ?? []);
    });
    if (!needing.has(args.seekerId)) return null;
  }
  const row = await scope.memo(`offer:${event.subjectId}:${viewerKey(ctx.viewer)}:${argsKey}`, () => loadPostedOffer(ctx.db, ctx.viewer, event.subjectId, args));
  if (!row) return null;
  return {
    cursor: event.cursor,
    occurredAt: new Date(event.occurredAt),
    change: event.data.change as OfferChange,
    // A fresh token source per payload: an anonymous offer's token is random in every response, as in queries.
    offer: toOffer(ctx.viewer, row, new AnonymousTokens()),
  };
}
