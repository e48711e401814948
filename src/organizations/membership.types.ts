import { IsEmail, Length } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MembershipRole } from '../common/enums.js';
import { UserError } from '../graphql/user-error.types.js';
import { Member, Organization } from './organization.types.js';

@InputType()
export class OrganizationMemberAddInput {
  @Field(() => ID)
  organizationId: string;

  @Field({ description: 'Email of an existing account.' })
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 254)
  email: string;

  @Field(() => MembershipRole, { description: 'Also changes the role of someone already a member.' })
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
