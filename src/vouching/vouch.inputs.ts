import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

export const MAX_STATEMENT_LENGTH = 1000;

@InputType()
export class VouchCreateInput {
  @Field(() => ID, { description: 'Your verified organization (you must be an OWNER or EDITOR).' })
  voucherOrganizationId: string;

  @Field(() => ID, { description: 'The organization you vouch for.' })
  organizationId: string;

  @Field({ description: `Why you trust it, 1 to ${MAX_STATEMENT_LENGTH} characters.` })
  // Decorators register bottom-up: the length issue is the one reported for an empty statement.
  @Matches(/\S/, { message: 'statement must not be blank' })
  @Length(1, MAX_STATEMENT_LENGTH)
  statement: string;
}

@InputType()
export class VouchWithdrawInput {
  @Field(() => ID)
  vouchId: string;
}
