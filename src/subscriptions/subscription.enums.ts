import { registerEnumType } from 'type-graphql';

// The closed sets of live subscriptions, each registered with the schema right under its definition.

export enum OfferChangeKind {
  POSTED = 'POSTED',
  REOPENED = 'REOPENED',
}
registerEnumType(OfferChangeKind, {
  name: 'OfferChange',
  description: 'POSTED: a new offer; REOPENED: an offer that was FULL or EXPIRED takes requests again (seats freed or added, deadline moved).',
});

export enum InboxChangeKind {
  RECEIVED = 'RECEIVED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(InboxChangeKind, {
  name: 'InboxChange',
  description: 'What happened to an introduction or offer request: RECEIVED (to the organization asked), ACCEPTED and '
    + 'DECLINED (to the requester only), WITHDRAWN (to the organization asked), EXPIRED (to both), CANCELLED (an offer request still pending when its '
    + 'offer was closed; to the requester).',
});
