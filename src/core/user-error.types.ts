import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An expected failure of a mutation that the user can fix.' })
export class UserError {
  @Field({ description: 'Stable machine-readable code, e.g. INVALID_LENGTH, TAKEN, UNKNOWN_SKILL.' })
  code: string;

  @Field(() => String, { nullable: true, description: 'Path of the input field concerned, e.g. "input.name".' })
  field: string | null;

  @Field()
  message: string;
}
