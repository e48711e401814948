import {
  ArrayMaxSize, ArrayUnique, IsISO6391, IsOptional, Length, Matches, Max, Min, ValidateNested,
} from 'class-validator';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Omittable } from '../core/input-rules.js';
import { UserError } from '../core/user-error.types.js';
import { LocationInput, NearInput } from '../profiles/organization.inputs.js';
import { OfferAudience, OfferFormat } from './offer.enums.js';
import { Offer } from './offer.types.js';

export const MAX_OFFER_SEATS = 100_000;
export const MAX_OFFER_ISSUE_AREAS = 10;

/** What offerPost and offerUpdate share, all optional (absent: the default on post, unchanged on update). */
@InputType()
export class OfferFields {
  @Field({ nullable: true, description: 'Up to 4,000 characters.' })
  @Omittable()
  @Length(0, 4000)
  description?: string;

  @Field(() => Int, { nullable: true, description: `Places, 1 to ${MAX_OFFER_SEATS}; null means unlimited.` })
  @IsOptional()
  @Min(1)
  @Max(MAX_OFFER_SEATS)
  seats?: number | null;

  @Field({ nullable: true, description: 'Can be taken part in remotely. An offer is remote, has a place, or both.' })
  @Omittable()
  remote?: boolean;

  @Field(() => LocationInput, {
    nullable: true,
    description: 'Where it takes place; its precision may not be finer than your organization\'s location. null clears it.',
  })
  @IsOptional()
  @ValidateNested()
  place?: LocationInput | null;

  @Field(() => [ID], { nullable: true, description: `Issue areas it serves, at most ${MAX_OFFER_ISSUE_AREAS}.` })
  @Omittable()
  @ArrayMaxSize(MAX_OFFER_ISSUE_AREAS)
  @ArrayUnique()
  issueAreaIds?: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes of the languages it is given in.' })
  @Omittable()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsISO6391({ each: true, message: 'languages must be ISO 639-1 codes such as en or ar' })
  languages?: string[];

  @Field(() => DateTimeResolver, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  startsAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'After startsAt. null clears it.' })
  @IsOptional()
  endsAt?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Requests are taken until then; not after endsAt. null clears it.' })
  @IsOptional()
  requestDeadline?: Date | null;
}

@InputType()
export class OfferPostInput extends OfferFields {
  @Field(() => ID, { description: 'Your organization (you must be an OWNER or EDITOR).' })
  organizationId: string;

  @Field(() => ID, { description: 'A skill from the taxonomy: what is offered.' })
  skillId: string;

  @Field({ description: '1 to 200 characters.' })
  @Matches(/\S/, { message: 'title must not be blank' })
  @Length(1, 200)
  title: string;

  @Field(() => OfferFormat)
  format: OfferFormat;

  @Field(() => OfferAudience, { description: 'A PRIVATE organization may only choose PARTNERS or ANONYMOUS.' })
  audience: OfferAudience;
}

@InputType()
export class OfferUpdateInput extends OfferFields {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  @Omittable()
  skillId?: string;

  @Field({ nullable: true })
  @Omittable()
  @Matches(/\S/, { message: 'title must not be blank' })
  @Length(1, 200)
  title?: string;

  @Field(() => OfferFormat, { nullable: true })
  @Omittable()
  format?: OfferFormat;

  @Field(() => OfferAudience, { nullable: true, description: 'A PRIVATE organization may only choose PARTNERS or ANONYMOUS.' })
  @Omittable()
  audience?: OfferAudience;
}

@InputType()
export class OfferCloseInput {
  @Field(() => ID)
  id: string;
}

@ObjectType()
export class OfferPayload {
  @Field(() => Offer, { nullable: true })
  offer: Offer | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@InputType({ description: 'All given conditions must hold; a list matches when any of its values does.' })
export class OfferFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  skillIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Offers of a skill in any of these categories.' })
  @IsOptional()
  @ArrayMaxSize(20)
  categoryIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Offers serving any of these issue areas (anonymous offers, which hide theirs, never match).' })
  @IsOptional()
  @ArrayMaxSize(50)
  issueAreaIds?: string[];

  @Field(() => [OfferFormat], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  formats?: OfferFormat[];

  @Field({ nullable: true, description: 'true: only offers that can be taken part in remotely; false: only in-person ones.' })
  @IsOptional()
  remote?: boolean;

  @Field(() => NearInput, {
    nullable: true,
    description: 'Within a radius of a point, measured from the public position of each offer\'s place (or, without a place, its organization); for anonymous offers the centre of their region cell.',
  })
  @IsOptional()
  @ValidateNested()
  near?: NearInput;

  @Field({ nullable: true, description: 'Only offers taking requests now (status OPEN).' })
  @IsOptional()
  openOnly?: boolean;

  @Field(() => ID, { nullable: true, description: 'Offers of one organization (its anonymous offers never match).' })
  @IsOptional()
  organizationId?: string;

  @Field({ nullable: true, description: 'Words to find in titles and descriptions; results are ordered by relevance.' })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}
