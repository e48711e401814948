import type { ConnectionShape, Page } from '../core/connection.js';
import { NotFoundError } from '../core/errors.js';
import { queryPage } from '../core/page-query.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import { buildOfferFilter } from './offer-filter.sql.js';
import { OFFER_COLUMNS, toOffer, toOffers, type OfferRow } from './offer-view.js';
import { loadVisibleOffer, visibleOffersFrom } from './offer-visibility.js';
import type { OfferFilter } from './offer.inputs.js';
import type { Offer } from './offer.types.js';
import { AnonymousTokens } from '../privacy/anonymous-card.js';

// Reads of offers for whoever asks: one offer, and the list with its filters. Both start from the offers the
// viewer may see (visibleOffersFrom), so a hidden offer is absent everywhere, and counted nowhere.

/** One offer; NOT_FOUND alike for a missing and a hidden one. */
export async function findOffer(ctx: RequestContext, id: string): Promise<Offer> {
  const row = await loadVisibleOffer(ctx.db, ctx.viewer, id);
  if (!row) throw new NotFoundError('Offer');
  return toOffer(ctx.viewer, row, new AnonymousTokens());
}

/** A page of offers, newest first (nearest first with `near`, most relevant first with `search`). */
export async function listOffers(ctx: RequestContext, filter: OfferFilter, page: Page): Promise<ConnectionShape<Offer>> {
  const params = new SqlParams();
  const from = visibleOffersFrom(ctx.viewer, params);
  const built = buildOfferFilter(filter, params);
  const orderBy = built.rank
    ? `${built.rank} DESC, f.created_at DESC, f.id`
    : built.distance ? `${built.distance}, f.created_at DESC, f.id` : 'f.created_at DESC, f.id DESC';
  const query = {
    columns: `${OFFER_COLUMNS}${built.distance ? `, ${built.distance} AS "distanceKm"` : ''}`,
    from,
    where: built.where.length ? built.where.join(' AND ') : 'TRUE',
    orderBy,
    params,
  };
  return queryPage(ctx.db, query, page, (rows: OfferRow[]) => toOffers(ctx.viewer, rows));
}
