import type { Need } from '../capabilities/capability.types.js';
import { NeedStatus } from '../core/enums.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import { canSeePrivateDetails } from '../privacy/visibility.js';
import { loadVisibleRecords } from '../profiles/visible-records.js';
import { completedExchangeSql, requestStatusSql } from './offer-request-status.sql.js';
import type { OfferRequestStatus } from './offer-request.enums.js';
import type { OfferRequest } from './offer-request.types.js';
import { OFFER_COLUMNS, toOffers, type OfferRow } from './offer-view.js';
import { visibleOffersFrom } from './offer-visibility.js';
import type { Offer } from './offer.types.js';

// Offer request rows as SQL returns them (alias `r`, joined with its offer `f`), and how they become what a viewer
// may see. A request is only ever read by the members of its two sides (see offer-request-access.ts); each node is
// shown from one side's point of view (its "perspective"): my rating is that side's, the partner's rating and
// comment are shown only once both sides have rated (neither can adjust to the other's), and a third party never
// reads any of it.

/** FROM clause of every request read. */
export const OFFER_REQUEST_FROM = 'offer_requests r JOIN offers f ON f.id = r.offer_id';

export const OFFER_REQUEST_COLUMNS = `r.id, r.offer_id AS "offerId", r.requesting_organization_id AS "requestingOrganizationId",
  f.organization_id AS "offeringOrganizationId", r.need_id AS "needId", r.message, r.seats,
  ${requestStatusSql('r', 'f')} AS status, ${completedExchangeSql('r', 'f')} AS completed,
  r.created_at AS "createdAt", r.responded_at AS "respondedAt", r.completed_at AS "completedAt",
  r.requester_rating AS "requesterRating", r.requester_comment AS "requesterComment",
  r.offerer_rating AS "offererRating", r.offerer_comment AS "offererComment"`;

export interface OfferRequestRow {
  id: string;
  offerId: string;
  requestingOrganizationId: string;
  offeringOrganizationId: string;
  needId: string | null;
  message: string;
  seats: number;
  /** As read (requestStatusSql): CANCELLED and EXPIRED are derived. */
  status: OfferRequestStatus;
  completed: boolean;
  createdAt: Date;
  respondedAt: Date | null;
  completedAt: Date | null;
  requesterRating: number | null;
  requesterComment: string | null;
  offererRating: number | null;
  offererComment: string | null;
}

/** Which side a node is shown from: the requesting or the offering organization's id. */
export type Perspective = (row: OfferRequestRow) => string;

/** The offers of these ids as this viewer may see them (named, as a card, or not at all), in one statement. */
export async function loadVisibleOffers(ctx: RequestContext, ids: string[]): Promise<Map<string, Offer>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const params = new SqlParams();
  const from = visibleOffersFrom(ctx.viewer, params);
  const rows: OfferRow[] = await ctx.db.query(
    `SELECT ${OFFER_COLUMNS} FROM ${from} WHERE f.id = ANY(${params.add(unique)}::uuid[])`, params.values,
  );
  return new Map(toOffers(ctx.viewer, rows).map((offer) => [offer.id, offer]));
}

/** The requester's need a request serves, as the viewer may see it: closed and met needs are for its members only. */
async function loadNeeds(ctx: RequestContext, rows: OfferRequestRow[]): Promise<Map<string, Need>> {
  const linked = rows.filter((row) => row.needId !== null);
  const lists = await Promise.all(linked.map((row) => ctx.loaders.needsByOrganization.load(row.requestingOrganizationId)));
  const needs = new Map<string, Need>();
  linked.forEach((row, i) => {
    const need = lists[i].find((n) => n.id === row.needId);
    if (need && (need.status === NeedStatus.OPEN || canSeePrivateDetails(ctx.viewer, row.requestingOrganizationId))) needs.set(need.id, need);
  });
  return needs;
}

/** Rows to nodes, with their offers, requesting organizations and needs loaded in one batch each. */
export async function toOfferRequests(ctx: RequestContext, rows: OfferRequestRow[], perspective: Perspective): Promise<OfferRequest[]> {
  const [offers, orgs, needs] = await Promise.all([
    loadVisibleOffers(ctx, rows.map((row) => row.offerId)),
    loadVisibleRecords(ctx, rows.map((row) => row.requestingOrganizationId)),
    loadNeeds(ctx, rows),
  ]);
  return rows.map((row) => {
    const asRequester = perspective(row) === row.requestingOrganizationId;
    const mine = asRequester ? { rating: row.requesterRating, comment: row.requesterComment } : { rating: row.offererRating, comment: row.offererComment };
    const theirs = asRequester ? { rating: row.offererRating, comment: row.offererComment } : { rating: row.requesterRating, comment: row.requesterComment };
    const bothRated = mine.rating !== null && theirs.rating !== null;
    return {
      id: row.id,
      offer: offers.get(row.offerId) ?? null,
      requestingOrganization: orgs.get(row.requestingOrganizationId) ?? null,
      need: row.needId ? needs.get(row.needId) ?? null : null,
      message: row.message,
      seats: row.seats,
      status: row.status,
      createdAt: row.createdAt,
      respondedAt: row.respondedAt,
      completed: row.completed,
      completedAt: row.completedAt,
      myRating: mine.rating,
      myComment: mine.comment,
      partnerRated: theirs.rating !== null,
      partnerRating: bothRated ? theirs.rating : null,
      partnerComment: bothRated ? theirs.comment : null,
    };
  });
}
