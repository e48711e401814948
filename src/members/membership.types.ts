import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MembershipRole } from '../core/enums.js';
import { UserError } from '../core/user-error.types.js';
import { Organization } from '../profiles/organization.types.js';

// Nobody is added directly: people join by accepting an invitation (invitation.types.ts).

@ObjectType()
export class Member {
  @Field(() => ID)
  userId: string;

  @Field()
  displayName: string;

  @Field(() => MembershipRole)
  role: MembershipRole;
}

@ObjectType({ description: 'An organization the viewer belongs to, with the viewer\'s role.' })
export class ViewerMembership {
  @Field(() => MembershipRole)
  role: MembershipRole;

  @Field(() => Organization)
  organization: Organization;
}

@InputType()
export class OrganizationMemberRoleSetInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID)
  userId: string;

  @Field(() => MembershipRole)
  role: MembershipRole;
}

@InputType()
export class OrganizationMemberRemoveInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID)
  userId: string;
}

@ObjectType()
export class OrganizationMemberPayload {
  @Field(() => Member, { nullable: true })
  member: Member | null;

  @Field(() => Organization, { nullable: true })
  organization: Organization | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
