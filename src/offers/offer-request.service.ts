import type { EntityManager } from 'typeorm';
import { NotFoundError, UserInputError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { requireOrganization } from '../authorization/organization-guard.js';
import { lockOfferRequest } from './offer-request-access.js';
import type { OfferRequestRow } from './offer-request-view.js';
import { OfferRequestStatus } from './offer-request.enums.js';
import type { OfferRequestInput, OfferRequestRespondInput, OfferRequestWithdrawInput } from './offer-request.inputs.js';
import { lapsedOfferSql } from './offer-status.sql.js';
import { loadVisibleOffer } from './offer-visibility.js';
import { OfferStatus } from './offer.enums.js';
import { recordOfferRequestEvent } from '../activity/inbox-events.js';
import { watchOfferReopening } from './offer-events.js';

// The life cycle of an offer request: PENDING -> ACCEPTED | DECLINED | WITHDRAWN (and ACCEPTED -> WITHDRAWN, which
// frees its seats), or EXPIRED / CANCELLED by the offer alone. Each function runs inside runMutation's transaction
// and returns the request it touched with the side whose point of view the payload shows.
//
// Seats are never oversold: offers.seats_taken changes only here, by accept and withdraw, each holding the offer
// row FOR UPDATE and re-reading it under that lock; offers_seats_taken_check backs that up in the database.

export interface TouchedRequest {
  id: string;
  /** The side the payload is shown from. */
  perspective: string;
}

/** The offer row's seats and state, locked FOR UPDATE: the one place seats are counted. */
interface OfferSeats {
  status: OfferStatus;
  seats: number | null;
  seatsTaken: number;
  lapsed: boolean;
}

async function lockOfferSeats(tx: EntityManager, offerId: string): Promise<OfferSeats> {
  const [offer]: OfferSeats[] = await tx.query(
    `SELECT f.status, f.seats, f.seats_taken AS "seatsTaken", coalesce(${lapsedOfferSql('f')}, false) AS lapsed
     FROM offers f WHERE f.id = $1 FOR UPDATE`,
    [offerId],
  );
  return offer;
}

function seatsLeft(offer: { seats: number | null; seatsTaken: number }): number {
  return offer.seats === null ? Number.POSITIVE_INFINITY : offer.seats - offer.seatsTaken;
}

function fullError(field: string, offer: { seats: number | null; seatsTaken: number }, asked: number): UserInputError {
  const left = Math.max(0, seatsLeft(offer));
  return new UserInputError('FULL', field, left === 0
    ? 'Every seat of this offer is taken'
    : `Only ${left} seat${left === 1 ? '' : 's'} left, ${asked} asked`);
}

/** The request as read must still be waiting for an answer (by the offering side, or a withdrawal). */
function assertPending(row: OfferRequestRow): void {
  if (row.status === OfferRequestStatus.PENDING) return;
  if (row.status === OfferRequestStatus.EXPIRED) {
    throw new UserInputError('EXPIRED', 'input.offerRequestId', 'The offer\'s request deadline has passed: this request expired unanswered');
  }
  if (row.status === OfferRequestStatus.CANCELLED) throw new UserInputError('NOT_OPEN', 'input.offerRequestId', 'The offer was closed');
  throw new UserInputError('INVALID_STATE', 'input.offerRequestId', `This request is ${row.status.toLowerCase()}, no longer pending`);
}

export async function requestOffer(ctx: RequestContext, tx: EntityManager, input: OfferRequestInput): Promise<TouchedRequest> {
  // Locks the requesting organization's row and reads the viewer's role in it as it stands under that lock.
  const org = await requireOrganization(tx, ctx.viewer, input.organizationId, 'edit');
  // The offer row is held (FOR SHARE) until commit: a close running meanwhile (FOR UPDATE) either waits for this
  // request and then cancels it with the others, or goes first and is seen below. No request is left pending
  // behind a close that did not tell its requester.
  if (isUuid(input.offerId)) await tx.query('SELECT 1 FROM offers WHERE id = $1 FOR SHARE', [input.offerId]);
  // An offer this organization's viewer may not see answers exactly like a random id: no existence oracle.
  const offer = await loadVisibleOffer(tx, org.viewer, input.offerId);
  if (!offer) throw new NotFoundError('Offer');
  if (offer.organizationId === org.id) throw new UserInputError('OWN_OFFER', 'input.offerId', 'An organization cannot request its own offer');
  if (offer.status === OfferStatus.CLOSED) throw new UserInputError('NOT_OPEN', 'input.offerId', 'This offer is closed');
  if (offer.status === OfferStatus.EXPIRED) throw new UserInputError('EXPIRED', 'input.offerId', 'The request deadline of this offer has passed');
  const seats = input.seats ?? 1;
  if (offer.seats !== null && seats > offer.seats) {
    throw new UserInputError('INVALID', 'input.seats', `This offer has ${offer.seats} seat${offer.seats === 1 ? '' : 's'} in all`);
  }
  // Advisory here (no seat is taken by asking): accept judges the seats again under the offer's lock.
  if (seats > seatsLeft(offer)) throw fullError('input.offerId', offer, seats);
  const needId = input.needId ?? null;
  if (needId !== null) {
    const own: unknown[] = isUuid(needId)
      ? await tx.query(`SELECT 1 FROM needs WHERE id = $1 AND organization_id = $2 AND status = 'OPEN'`, [needId, org.id])
      : [];
    if (own.length === 0) throw new UserInputError('INVALID', 'input.needId', 'This is not an open need of the requesting organization');
  }
  // A second pending request of the organization for the offer violates offer_requests_pending_key: TAKEN
  // (core/run-mutation.ts).
  const [row]: { id: string }[] = await tx.query(
    `INSERT INTO offer_requests (offer_id, requesting_organization_id, requested_by_user_id, need_id, message, seats)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [offer.id, org.id, ctx.viewer.userId, needId, input.message.trim(), seats],
  );
  await recordOfferRequestEvent(tx, 'RECEIVED', { id: row.id, requestingOrganizationId: org.id, offeringOrganizationId: offer.organizationId });
  return { id: row.id, perspective: org.id };
}

export async function respondToOfferRequest(ctx: RequestContext, tx: EntityManager, input: OfferRequestRespondInput): Promise<TouchedRequest> {
  const { row, actingFor } = await lockOfferRequest(ctx, tx, input.offerRequestId, 'offerer');
  assertPending(row);
  if (!input.accept) {
    await tx.query(`UPDATE offer_requests SET status = 'DECLINED', responded_at = now() WHERE id = $1`, [row.id]);
    await recordOfferRequestEvent(tx, 'DECLINED', row); // to the requester only (subscriptions/inbox-events.ts)
    return { id: row.id, perspective: actingFor };
  }
  // Judged again under the offer's lock: concurrent accepts of one offer serialize here, each sees the seats the
  // previous one took, and a close or a deadline that came meanwhile wins.
  const offer = await lockOfferSeats(tx, row.offerId);
  if (offer.status === OfferStatus.CLOSED) throw new UserInputError('NOT_OPEN', 'input.offerRequestId', 'The offer was closed');
  if (offer.lapsed) throw new UserInputError('EXPIRED', 'input.offerRequestId', 'The offer\'s request deadline has passed');
  if (row.seats > seatsLeft(offer)) throw fullError('input.offerRequestId', offer, row.seats);
  await tx.query('UPDATE offers SET seats_taken = seats_taken + $2, updated_at = now() WHERE id = $1', [row.offerId, row.seats]);
  await tx.query(`UPDATE offer_requests SET status = 'ACCEPTED', responded_at = now() WHERE id = $1`, [row.id]);
  await recordOfferRequestEvent(tx, 'ACCEPTED', row);
  return { id: row.id, perspective: actingFor };
}

export async function withdrawOfferRequest(ctx: RequestContext, tx: EntityManager, input: OfferRequestWithdrawInput): Promise<TouchedRequest> {
  const { row, actingFor } = await lockOfferRequest(ctx, tx, input.offerRequestId, 'requester');
  if (row.status === OfferRequestStatus.ACCEPTED) {
    if (row.completed) throw new UserInputError('INVALID_STATE', 'input.offerRequestId', 'This exchange is done: there is nothing left to withdraw');
    // Gives its seats back, under the offer's lock like every change of seats.
    await lockOfferSeats(tx, row.offerId);
    await watchOfferReopening(tx, row.offerId); // a FULL offer taking requests again is pushed as REOPENED
    await tx.query('UPDATE offers SET seats_taken = seats_taken - $2, updated_at = now() WHERE id = $1', [row.offerId, row.seats]);
  } else {
    assertPending(row);
  }
  await tx.query(`UPDATE offer_requests SET status = 'WITHDRAWN' WHERE id = $1`, [row.id]);
  await recordOfferRequestEvent(tx, 'WITHDRAWN', row);
  return { id: row.id, perspective: actingFor };
}
