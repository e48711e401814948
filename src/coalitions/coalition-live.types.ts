import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Vouch } from '../vouching/vouch.types.js';
import { Coalition, CoalitionInvitation } from './coalition.types.js';
import { CoalitionProposal } from './proposal.types.js';

// What coalitionUpdated pushes (coalition-live.ts builds it for each subscriber). The objects inside are the query
// types themselves, read for the subscriber exactly as the queries read them.

export enum CoalitionChangeKind {
  INVITATION_RECEIVED = 'INVITATION_RECEIVED',
  INVITATION_ACCEPTED = 'INVITATION_ACCEPTED',
  INVITATION_DECLINED = 'INVITATION_DECLINED',
  INVITATION_WITHDRAWN = 'INVITATION_WITHDRAWN',
  PROPOSAL_OPENED = 'PROPOSAL_OPENED',
  PROPOSAL_SETTLED = 'PROPOSAL_SETTLED',
  VOUCH_GIVEN = 'VOUCH_GIVEN',
  VOUCH_WITHDRAWN = 'VOUCH_WITHDRAWN',
}
registerEnumType(CoalitionChangeKind, {
  name: 'CoalitionChange',
  description: 'INVITATION_RECEIVED (to the invited organization), INVITATION_ACCEPTED (to the coalition\'s members), '
    + 'INVITATION_DECLINED (to the organization that declined only: the coalition is never told), INVITATION_WITHDRAWN '
    + '(to the coalition\'s members; to the invited organization as the bare id of the invitation it had), PROPOSAL_OPENED and '
    + 'PROPOSAL_SETTLED (to the members; an application also to the applicant), VOUCH_GIVEN and VOUCH_WITHDRAWN (to the '
    + 'organization vouched for, when it may see the voucher).',
});

@ObjectType({ description: 'Something happened to a coalition your organization belongs to or is invited to, or to a vouch for it.' })
export class CoalitionEvent {
  @Field({ description: 'Opaque; resubscribe with `after: cursor` to get what follows it.' })
  cursor: string;

  @Field(() => DateTimeResolver)
  occurredAt: Date;

  @Field(() => CoalitionChangeKind)
  change: CoalitionChangeKind;

  @Field(() => ID, { description: 'The invitation, proposal or vouch it is about (so a client can update or drop what it shows).' })
  subjectId: string;

  @Field(() => Coalition, { nullable: true, description: 'The coalition as coalition(id) shows it to you now (null for vouches, or when you may no longer see it).' })
  coalition: Coalition | null;

  @Field(() => CoalitionInvitation, { nullable: true, description: 'Invitation changes: as coalition invitations or coalitionInvitationsReceived show it to you now.' })
  invitation: CoalitionInvitation | null;

  @Field(() => CoalitionProposal, { nullable: true, description: 'Proposal changes: as proposal(id) shows it to you now.' })
  proposal: CoalitionProposal | null;

  @Field(() => Vouch, { nullable: true, description: 'VOUCH_GIVEN: the vouch as vouches(organizationId) shows it (null once withdrawn).' })
  vouch: Vouch | null;
}
