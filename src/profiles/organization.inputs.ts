import {
  ArrayMaxSize, ArrayUnique, IsEmail, IsISO31661Alpha2, IsISO6391, IsLatitude, IsLongitude, IsOptional, IsUrl, Length,
  Matches, Max, Min, ValidateNested,
} from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { Omittable } from '../core/input-rules.js';
import { LocationPrecision, OrganizationKind, SizeBand, Visibility } from '../core/enums.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

@InputType()
export class LocationInput {
  @Field({ description: 'ISO 3166-1 alpha-2, e.g. KE.' })
  @IsISO31661Alpha2()
  country: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 120)
  region?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 120)
  city?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLatitude({ message: 'latitude must be between -90 and 90' })
  latitude?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLongitude({ message: 'longitude must be between -180 and 180' })
  longitude?: number;

  @Field(() => LocationPrecision, { description: 'What non-members may learn. Default CITY.' })
  precision: LocationPrecision;
}

/** Fields shared by create and update; on update every field is optional (absent = unchanged). */
@InputType()
export class OrganizationFields {
  @Field({ nullable: true })
  @Omittable()
  @Length(1, 4000)
  mission?: string;

  @Field(() => SizeBand, { nullable: true })
  @IsOptional()
  sizeBand?: SizeBand;

  @Field(() => LocationInput, { nullable: true })
  @Omittable()
  @ValidateNested()
  location?: LocationInput;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes.' })
  @Omittable()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsISO6391({ each: true, message: 'languages must be ISO 639-1 codes such as en or ar' })
  languages?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'website must be an http(s) URL' })
  @Length(1, 500)
  website?: string;

  @Field({ nullable: true, description: 'Seen by members and by the other side of an accepted introduction or offer request. null clears it.' })
  @IsOptional()
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  @Length(3, 254)
  contactEmail?: string;

  @Field({ nullable: true, description: 'Who to ask for (a name or a role), seen like contactEmail. null clears it.' })
  @IsOptional()
  @Length(1, 200)
  @Matches(/\S/, { message: 'contactPerson must not be blank' })
  contactPerson?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 2000)
  fundingDisclosure?: string;

  @Field(() => [ID], { nullable: true })
  @Omittable()
  @ArrayMaxSize(20)
  @ArrayUnique()
  issueAreaIds?: string[];

  @Field(() => [OrganizationKind], { nullable: true, description: 'Kinds of organization you will not partner with.' })
  @Omittable()
  @ArrayUnique()
  dealbreakerKinds?: OrganizationKind[];

  @Field(() => Visibility, { nullable: true })
  @Omittable()
  visibility?: Visibility;

  @Field({ nullable: true, description: 'PRIVATE organizations only: may appear anonymously in suggestions.' })
  @Omittable()
  anonymousSuggestions?: boolean;
}

@InputType()
export class OrganizationCreateInput extends OrganizationFields {
  @Field()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @Field({ nullable: true, description: 'URL name; derived from the name when omitted.' })
  @IsOptional()
  @Length(2, 80)
  @Matches(SLUG, { message: 'slug must be lower-case words joined by hyphens' })
  slug?: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;
}

@InputType()
export class OrganizationUpdateInput extends OrganizationFields {
  @Field(() => ID)
  id: string;

  @Field({ nullable: true })
  @Omittable()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @Field({ nullable: true })
  @Omittable()
  @Length(2, 80)
  @Matches(SLUG, { message: 'slug must be lower-case words joined by hyphens' })
  slug?: string;

  @Field(() => OrganizationKind, { nullable: true })
  @Omittable()
  kind?: OrganizationKind;
}

@InputType()
export class OrganizationVerifyInput {
  @Field(() => ID)
  id: string;

  @Field()
  verified: boolean;
}

@InputType()
export class NearInput {
  @Field(() => Float)
  @IsLatitude({ message: 'latitude must be between -90 and 90' })
  latitude: number;

  @Field(() => Float)
  @IsLongitude({ message: 'longitude must be between -180 and 180' })
  longitude: number;

  @Field(() => Float)
  @Min(0)
  @Max(20000)
  radiusKm: number;
}
