import { registerEnumType } from 'type-graphql';

// The closed sets of an offer, each registered with the schema right under its definition.

export enum OfferFormat {
  WORKSHOP = 'WORKSHOP',
  MENTORING = 'MENTORING',
  TOOLKIT = 'TOOLKIT',
  VOLUNTEERS = 'VOLUNTEERS',
  SECONDMENT = 'SECONDMENT',
  RESOURCE = 'RESOURCE',
  ADVICE = 'ADVICE',
}
registerEnumType(OfferFormat, { name: 'OfferFormat', description: 'What kind of sharing the offer is.' });

export enum OfferAudience {
  PUBLIC = 'PUBLIC',
  NETWORK = 'NETWORK',
  PARTNERS = 'PARTNERS',
  ANONYMOUS = 'ANONYMOUS',
}
registerEnumType(OfferAudience, {
  name: 'OfferAudience',
  description: 'PUBLIC: anyone. NETWORK: signed-in users. PARTNERS: organizations that collaborate with the offering one. '
    + 'ANONYMOUS: signed-in users, who see an anonymous card (kind, coarse region) instead of the organization until '
    + 'it accepts their request. A PRIVATE organization may only post PARTNERS or ANONYMOUS offers.',
});

export enum OfferStatus {
  OPEN = 'OPEN',
  FULL = 'FULL',
  CLOSED = 'CLOSED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  description: 'Derived whenever it is read: CLOSED when the organization closed it; else EXPIRED once its request '
    + 'deadline or its end has passed; else FULL when every seat is taken; else OPEN.',
});
