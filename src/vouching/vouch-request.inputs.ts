import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

export const MAX_REQUEST_MESSAGE_LENGTH = 1000;

@InputType()
export class VouchRequestInput {
  @Field(() => ID, { description: 'Your group, the one to vouch for (you must be an OWNER or EDITOR).' })
  organizationId: string;

  @Field(() => ID, { description: 'The verified organization you ask; one your group may already see.' })
  voucherOrganizationId: string;

  @Field({ description: `Who you are and why this organization can speak for you, 1 to ${MAX_REQUEST_MESSAGE_LENGTH} characters.` })
  // Decorators register bottom-up: the length issue is the one reported for an empty message.
  @Matches(/\S/, { message: 'message must not be blank' })
  @Length(1, MAX_REQUEST_MESSAGE_LENGTH)
  message: string;
}

@InputType()
export class VouchRequestAnswerInput {
  @Field(() => ID)
  vouchRequestId: string;
}
