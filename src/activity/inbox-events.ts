import type { EntityManager } from 'typeorm';
import { recordEvent } from './event-log.js';

// The inbox events the introductions and offers features record, and to whom each is addressed (the organizations
// whose members' inboxUpdated receives it). Each side hears what the other side did, and both hear an expiry:
//   RECEIVED   -> the organization asked (an introduction refused by its dealbreakers is never delivered: nobody)
//   ACCEPTED   -> the requester
//   DECLINED   -> the requester only: a decline is never shown to anyone else
//   WITHDRAWN  -> the organization asked (if the request was ever delivered to it)
//   EXPIRED    -> both (the organization asked only if it was delivered)
//   CANCELLED  -> the requester: its pending offer request was cancelled by the offer's close (the offering side
//                 closed it itself, so it is not told)
// The event holds ids only; the payload is re-read for each subscriber (inbox.ts).

export const INBOX = 'INBOX';

export type InboxChange = 'RECEIVED' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN' | 'EXPIRED' | 'CANCELLED';
export type InboxSubject = 'INTRODUCTION' | 'OFFER_REQUEST';

export interface InboxEventData extends Record<string, unknown> {
  subject: InboxSubject;
  change: InboxChange;
  /** The requesting organization (a decline is for it alone, checked again when delivered). */
  requesterId: string;
}

export interface ExchangeSides {
  id: string;
  requesterId: string;
  receiverId: string;
  /** false: refused by the receiver's dealbreakers, never shown to it. */
  delivered?: boolean;
}

/** Who hears of a change (see the table above). */
export function inboxAddressees(change: InboxChange, sides: ExchangeSides): string[] {
  const receiver = sides.delivered === false ? [] : [sides.receiverId];
  switch (change) {
    case 'RECEIVED':
    case 'WITHDRAWN':
      return receiver;
    case 'ACCEPTED':
    case 'DECLINED':
    case 'CANCELLED':
      return [sides.requesterId];
    case 'EXPIRED':
      return [sides.requesterId, ...receiver];
  }
}

export function inboxEvent(subject: InboxSubject, change: InboxChange, sides: ExchangeSides) {
  const data: InboxEventData = { subject, change, requesterId: sides.requesterId };
  return { kind: INBOX, subjectId: sides.id, organizationIds: inboxAddressees(change, sides), data };
}

async function record(tx: EntityManager, subject: InboxSubject, change: InboxChange, sides: ExchangeSides): Promise<void> {
  const event = inboxEvent(subject, change, sides);
  if (event.organizationIds.length) await recordEvent(tx, event);
}

/** In the introduction's transaction. */
export function recordIntroductionEvent(
  tx: EntityManager, change: InboxChange, intro: { id: string; fromOrganizationId: string; toOrganizationId: string; delivered: boolean },
): Promise<void> {
  return record(tx, 'INTRODUCTION', change, {
    id: intro.id, requesterId: intro.fromOrganizationId, receiverId: intro.toOrganizationId, delivered: intro.delivered,
  });
}

/** In the offer request's transaction. */
export function recordOfferRequestEvent(
  tx: EntityManager, change: InboxChange, request: { id: string; requestingOrganizationId: string; offeringOrganizationId: string },
): Promise<void> {
  return record(tx, 'OFFER_REQUEST', change, {
    id: request.id, requesterId: request.requestingOrganizationId, receiverId: request.offeringOrganizationId,
  });
}
