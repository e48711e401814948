import { IsNotEmpty, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../core/user-error.types.js';

@ObjectType({ description: 'A capability category such as FUNDRAISING or LEGAL_AID.', simpleResolvers: true })
export class CapabilityCategory {
  @Field(() => ID, { description: 'Stable code, e.g. FUNDRAISING.' })
  id: string;

  @Field()
  name: string;

  @Field()
  description: string;
}

@ObjectType({ description: 'A concrete skill within a category, e.g. grant writing.', simpleResolvers: true })
export class Skill {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => CapabilityCategory)
  category: CapabilityCategory;
}

@ObjectType({ simpleResolvers: true })
export class IssueArea {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field()
  description: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

@InputType()
export class SkillCreateInput {
  @Field(() => ID)
  @IsNotEmpty()
  categoryId: string;

  @Field()
  @Length(2, 80)
  @Matches(SLUG, { message: 'slug must be lower-case words joined by hyphens' })
  slug: string;

  @Field()
  @Length(2, 120)
  name: string;
}

@InputType()
export class IssueAreaCreateInput {
  @Field()
  @Length(2, 80)
  @Matches(SLUG, { message: 'slug must be lower-case words joined by hyphens' })
  slug: string;

  @Field()
  @Length(2, 120)
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(0, 2000)
  description?: string;
}

@ObjectType()
export class SkillCreatePayload {
  @Field(() => Skill, { nullable: true })
  skill: Skill | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class IssueAreaCreatePayload {
  @Field(() => IssueArea, { nullable: true })
  issueArea: IssueArea | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
