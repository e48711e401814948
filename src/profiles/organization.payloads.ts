import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../core/user-error.types.js';
import type { OrganizationRecord } from './organization.record.js';
import { Organization } from './organization.types.js';

@ObjectType()
export class OrganizationPayload {
  @Field(() => Organization, { nullable: true })
  organization: OrganizationRecord | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
