import { IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../core/user-error.types.js';
import { OfferFilter } from '../offers/offer.inputs.js';
import { OrganizationFilter } from '../profiles/organization-filter.types.js';
import { SavedSearch } from './saved-search.types.js';

@InputType({ description: 'Exactly one of organizationFilter and offerFilter.' })
export class SavedSearchCreateInput {
  @Field(() => ID, { description: 'Your organization: every member sees the search and its matches.' })
  organizationId: string;

  @Field({ description: '1 to 120 characters.' })
  @Matches(/\S/, { message: 'name must not be blank' })
  @Length(1, 120)
  name: string;

  @Field(() => OrganizationFilter, { nullable: true, description: 'Look for new organizations, as the organizations list filters them.' })
  @IsOptional()
  @ValidateNested()
  organizationFilter?: OrganizationFilter;

  @Field(() => OfferFilter, { nullable: true, description: 'Look for new offers, as the offers list filters them.' })
  @IsOptional()
  @ValidateNested()
  offerFilter?: OfferFilter;
}

@InputType()
export class SavedSearchDeleteInput {
  @Field(() => ID)
  id: string;
}

@InputType()
export class SavedSearchMarkSeenInput {
  @Field(() => ID)
  savedSearchId: string;

  @Field(() => ID, { nullable: true, description: 'Marks the matches up to this one (the newest you showed); all matches so far when absent.' })
  @IsOptional()
  upToMatchId?: string;
}

@ObjectType()
export class SavedSearchPayload {
  @Field(() => SavedSearch, { nullable: true })
  savedSearch: SavedSearch | null;

  @Field(() => [UserError], { description: 'FILTER_REQUIRED, SAVED_SEARCH_LIMIT_REACHED, and validation codes.' })
  userErrors: UserError[];
}

@ObjectType()
export class SavedSearchDeletePayload {
  @Field(() => ID, { nullable: true })
  deletedId: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
