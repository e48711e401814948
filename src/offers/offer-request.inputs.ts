import { IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Omittable } from '../core/input-rules.js';
import { MAX_FEEDBACK_COMMENT, MAX_REQUEST_MESSAGE, MAX_SEATS_ASKED } from './offer-request.enums.js';

@InputType()
export class OfferRequestInput {
  @Field(() => ID)
  offerId: string;

  @Field(() => ID, { description: 'The organization asking (you must be one of its OWNERs or EDITORs).' })
  organizationId: string;

  @Field({ description: `1 to ${MAX_REQUEST_MESSAGE} characters: who you are and what you hope to get from it.` })
  // Decorators register bottom-up: the length issue is the one reported for an empty message.
  @Matches(/\S/, { message: 'message must not be blank' })
  @Length(1, MAX_REQUEST_MESSAGE)
  message: string;

  @Field(() => ID, { nullable: true, description: 'One of your organization\'s open needs that this would meet.' })
  @IsOptional()
  needId?: string;

  @Field(() => Int, { nullable: true, description: `Seats asked, 1 to ${MAX_SEATS_ASKED}; default 1.` })
  @Omittable()
  @Min(1)
  @Max(MAX_SEATS_ASKED)
  seats?: number;
}

@InputType()
export class OfferRequestWithdrawInput {
  @Field(() => ID)
  offerRequestId: string;
}

@InputType()
export class OfferRequestRespondInput {
  @Field(() => ID)
  offerRequestId: string;

  @Field({ description: 'true accepts (the seats are taken from the offer), false declines.' })
  accept: boolean;
}

@InputType()
export class OfferRequestCompleteInput {
  @Field(() => ID)
  offerRequestId: string;

  @Field(() => ID, { nullable: true, description: 'The side you act for; needed only when you edit both organizations.' })
  @IsOptional()
  organizationId?: string;
}

@InputType()
export class OfferRequestRateInput {
  @Field(() => ID)
  offerRequestId: string;

  @Field(() => Int, { description: '1 (poor) to 5 (excellent).' })
  @Min(1)
  @Max(5)
  rating: number;

  @Field(() => String, { nullable: true, description: `Up to ${MAX_FEEDBACK_COMMENT} characters; the other organization reads it once it has rated too. null clears it.` })
  @IsOptional()
  @MaxLength(MAX_FEEDBACK_COMMENT)
  comment?: string | null;

  @Field(() => ID, { nullable: true, description: 'The side you rate for; needed only when you edit both organizations.' })
  @IsOptional()
  organizationId?: string;
}
