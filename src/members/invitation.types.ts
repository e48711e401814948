import { IsEmail, Length } from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { MembershipRole, OrganizationKind } from '../core/enums.js';
import { UserError } from '../core/user-error.types.js';
import { Organization } from '../profiles/organization.types.js';

/** Invitation lifetime: an unanswered (or declined) invitation reads as EXPIRED after it. */
export const INVITATION_TTL_DAYS = 14;

/** What an inviter sees. There is no DECLINED: a decline would tell the inviter the address has an account. */
export enum OrganizationInvitationStatus {
  PENDING = 'PENDING',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(OrganizationInvitationStatus, {
  name: 'OrganizationInvitationStatus',
  description: `PENDING until accepted (it then leaves the list: the person is a member), revoked, or ${INVITATION_TTL_DAYS} days `
    + 'old (then EXPIRED). A declined invitation reads exactly like an unanswered one.',
});

@ObjectType({ description: 'An invitation as the inviting organization\'s owners see it.' })
export class OrganizationInvitation {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The address it was sent to, lower-cased. Says nothing about whether an account uses it.' })
  email: string;

  @Field(() => MembershipRole)
  role: MembershipRole;

  @Field(() => OrganizationInvitationStatus)
  status: OrganizationInvitationStatus;

  @Field(() => DateTimeResolver)
  expiresAt: Date;

  @Field(() => DateTimeResolver)
  createdAt: Date;
}

@ObjectType({
  description: 'An open invitation addressed to you: enough to decide (name, kind, role), nothing more until you accept.',
})
export class ReceivedInvitation {
  @Field(() => ID)
  id: string;

  @Field()
  organizationName: string;

  @Field(() => OrganizationKind)
  organizationKind: OrganizationKind;

  @Field(() => MembershipRole, { description: 'The role you get by accepting (an existing higher role is kept).' })
  role: MembershipRole;

  @Field(() => DateTimeResolver)
  expiresAt: Date;

  @Field(() => DateTimeResolver)
  createdAt: Date;
}

@InputType()
export class OrganizationMemberInviteInput {
  @Field(() => ID)
  organizationId: string;

  @Field({ description: 'Any address: with or without an account, the answer is the same.' })
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 254)
  email: string;

  @Field(() => MembershipRole, { description: 'Re-inviting an address with an open invitation changes its role and renews it.' })
  role: MembershipRole;
}

@InputType()
export class OrganizationInvitationAcceptInput {
  @Field(() => ID)
  invitationId: string;
}

@InputType()
export class OrganizationInvitationDeclineInput {
  @Field(() => ID)
  invitationId: string;
}

@InputType()
export class OrganizationInvitationRevokeInput {
  @Field(() => ID)
  invitationId: string;
}

@ObjectType()
export class OrganizationInvitationPayload {
  @Field(() => OrganizationInvitation, { nullable: true })
  invitation: OrganizationInvitation | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class OrganizationInvitationAcceptPayload {
  @Field(() => Organization, { nullable: true, description: 'The organization you now belong to.' })
  organization: Organization | null;

  @Field(() => MembershipRole, { nullable: true, description: 'Your role in it now.' })
  role: MembershipRole | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class OrganizationInvitationDeclinePayload {
  @Field()
  declined: boolean;

  @Field(() => [UserError])
  userErrors: UserError[];
}
