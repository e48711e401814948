import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MembershipRole } from '../common/enums.js';
import { UserError } from '../graphql/user-error.types.js';
import { Member, Organization } from './organization.types.js';

// Nobody is added directly: people join by accepting an invitation (invitation.types.ts).

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
