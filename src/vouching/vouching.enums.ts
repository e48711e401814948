import { registerEnumType } from 'type-graphql';

// Closed sets of the vouching feature.

export enum OrganizationBadge {
  VERIFIED = 'VERIFIED',
  VOUCHED = 'VOUCHED',
}

registerEnumType(OrganizationBadge, {
  name: 'OrganizationBadge',
  description: 'VERIFIED: checked by Coalesce admins. VOUCHED: enough verified organizations vouch for it (VOUCHES_FOR_BADGE, default 2).',
});

export enum VouchDirection {
  RECEIVED = 'RECEIVED',
  GIVEN = 'GIVEN',
}

registerEnumType(VouchDirection, { name: 'VouchDirection', description: 'RECEIVED: vouches for the organization; GIVEN: vouches it gave.' });

export enum VouchRequestStatus {
  PENDING = 'PENDING',
  VOUCHED = 'VOUCHED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  VOUCH_WITHDRAWN = 'VOUCH_WITHDRAWN',
}

registerEnumType(VouchRequestStatus, {
  name: 'VouchRequestStatus',
  description: 'PENDING: waiting for the asked organization. VOUCHED: it vouched, and the vouch stands. DECLINED: it declined (the group '
    + 'learns nothing else). WITHDRAWN: the group took the request back. VOUCH_WITHDRAWN: it vouched and later withdrew the vouch.',
});
