import { ArrayMaxSize, IsISO31661Alpha2, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OrganizationKind } from '../core/enums.js';
import { NearInput } from './organization.inputs.js';

@InputType({ description: 'All given conditions must hold; a list matches when any of its values does.' })
export class OrganizationFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  issueAreaIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Organizations offering any of these skills.' })
  @IsOptional()
  @ArrayMaxSize(50)
  skillIdsOffered?: string[];

  @Field(() => [ID], { nullable: true, description: 'Organizations offering a skill in any of these categories.' })
  @IsOptional()
  @ArrayMaxSize(20)
  categoryIdsOffered?: string[];

  @Field(() => [ID], { nullable: true, description: 'Organizations with an open need for any of these skills.' })
  @IsOptional()
  @ArrayMaxSize(50)
  skillIdsNeeded?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;

  @Field({ nullable: true, description: 'Matches only organizations that reveal their region.' })
  @IsOptional()
  @Length(1, 120)
  region?: string;

  @Field({ nullable: true, description: 'Matches only organizations that reveal their city.' })
  @IsOptional()
  @Length(1, 120)
  city?: string;

  @Field(() => [OrganizationKind], { nullable: true })
  @IsOptional()
  kinds?: OrganizationKind[];

  @Field({ nullable: true })
  @IsOptional()
  verified?: boolean;

  @Field(() => NearInput, { nullable: true, description: 'Within a radius of a point, measured from each organization\'s public position.' })
  @IsOptional()
  @ValidateNested()
  near?: NearInput;

  @Field({ nullable: true, description: 'Words to find in names, missions and capability descriptions; tolerates misspelled names. Results are ordered by relevance.' })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}
