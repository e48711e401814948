import { registerEnumType } from 'type-graphql';

// Closed sets of the introductions feature, stored as varchar like the other enums (see core/enums.ts).

export enum IntroductionStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}

export enum IntroductionDirection {
  RECEIVED = 'RECEIVED',
  SENT = 'SENT',
}

export enum CollaborationSource {
  INTRODUCTION = 'INTRODUCTION',
  COALITION = 'COALITION',
  EVENT = 'EVENT',
  DECLARED = 'DECLARED',
}

/** How long a request waits for an answer before it counts as EXPIRED. */
export const INTRODUCTION_TTL_DAYS = 30;

registerEnumType(IntroductionStatus, {
  name: 'IntroductionStatus',
  description: `PENDING until answered, withdrawn, or ${INTRODUCTION_TTL_DAYS} days old (then EXPIRED).`,
});
registerEnumType(IntroductionDirection, { name: 'IntroductionDirection', description: 'RECEIVED: sent to the organization; SENT: sent by it.' });
registerEnumType(CollaborationSource, { name: 'CollaborationSource', description: 'How the collaboration came about.' });
