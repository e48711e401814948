import { Field, Float, ObjectType } from 'type-graphql';

// A reason sentence with its weight: the vocabulary every ranked answer explains itself with (partner and
// coalition suggestions, offers for needs, event meetings, urgent alerts).

@ObjectType({ description: 'A sentence a person can check, with its weight in the score.' })
export class SuggestionReason {
  @Field({ description: 'Stable machine code, e.g. COVERS_NEED, SHARED_ISSUE, DISTANCE.' })
  code: string;

  @Field({ description: 'The reason in words.' })
  text: string;

  @Field(() => Float, { description: 'Contribution to the score (negative for gaps).' })
  weight: number;
}
