import { registerEnumType } from 'type-graphql';

// The closed sets of offer requests, each registered with the schema right under its definition.

export enum OfferRequestStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OfferRequestStatus, {
  name: 'OfferRequestStatus',
  description: 'PENDING until the offering organization answers (ACCEPTED or DECLINED) or the requester withdraws; a '
    + 'pending request reads EXPIRED once the offer\'s request deadline (or its end) has passed unanswered, and '
    + 'CANCELLED once the offer is closed. An accepted request may still be WITHDRAWN (its seats are freed) until the '
    + 'exchange is done. A decline is shown to the two organizations only.',
});

export enum OfferRequestDirection {
  RECEIVED = 'RECEIVED',
  SENT = 'SENT',
}
registerEnumType(OfferRequestDirection, {
  name: 'OfferRequestDirection',
  description: 'RECEIVED: requests for the organization\'s offers; SENT: requests the organization made.',
});

/** Longest message and comment, in characters. */
export const MAX_REQUEST_MESSAGE = 2000;
export const MAX_FEEDBACK_COMMENT = 2000;
/** Most seats one request may ask for. */
export const MAX_SEATS_ASKED = 500;
