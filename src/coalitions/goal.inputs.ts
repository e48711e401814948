import { ArrayMaxSize, IsBoolean, IsOptional, IsUrl, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsCalendarDate, Omittable } from '../core/input-rules.js';

export const MAX_MILESTONES = 50;

@InputType()
export class MilestoneInput {
  @Field({ description: '1 to 200 characters.' })
  @Matches(/\S/, { message: 'title must not be blank' })
  @Length(1, 200)
  title: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string | null;
}

@InputType()
export class GoalCreateInput {
  @Field(() => ID) coalitionId: string;

  @Field(() => ID, { nullable: true, description: 'The member organization you act for, when you could act for several.' })
  @IsOptional()
  organizationId?: string | null;

  @Field({ description: '1 to 200 characters.' })
  @Matches(/\S/, { message: 'title must not be blank' })
  @Length(1, 200)
  title: string;

  @Field({ nullable: true, description: 'Up to 4,000 characters.' })
  @Omittable()
  @MaxLength(4000)
  description?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string | null;

  @Field(() => [MilestoneInput], { nullable: true, description: `At most ${MAX_MILESTONES}, in order.` })
  @Omittable()
  @ArrayMaxSize(MAX_MILESTONES)
  @ValidateNested()
  milestones?: MilestoneInput[];
}

@InputType()
export class GoalUpdateInput {
  @Field(() => ID) goalId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  organizationId?: string | null;

  @Field({ nullable: true })
  @Omittable()
  @Matches(/\S/, { message: 'title must not be blank' })
  @Length(1, 200)
  title?: string;

  @Field({ nullable: true })
  @Omittable()
  @MaxLength(4000)
  description?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null clears it.' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string | null;

  @Field({ nullable: true, description: 'true drops the goal, false takes it up again.' })
  @Omittable()
  @IsBoolean()
  dropped?: boolean;

  @Field({ nullable: true, description: 'true marks it done whatever its milestones, false undoes that.' })
  @Omittable()
  @IsBoolean()
  completed?: boolean;

  @Field(() => [MilestoneInput], { nullable: true, description: 'Milestones to add at the end.' })
  @Omittable()
  @ArrayMaxSize(MAX_MILESTONES)
  @ValidateNested()
  addMilestones?: MilestoneInput[];
}

@InputType()
export class MilestoneSetInput {
  @Field(() => ID) milestoneId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  organizationId?: string | null;

  @Field() done: boolean;
}

@InputType()
export class WinRecordInput {
  @Field(() => ID) coalitionId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  organizationId?: string | null;

  @Field({ description: '1 to 200 characters.' })
  @Matches(/\S/, { message: 'title must not be blank' })
  @Length(1, 200)
  title: string;

  @Field({ nullable: true, description: 'Up to 4,000 characters.' })
  @Omittable()
  @MaxLength(4000)
  description?: string;

  @Field({ description: 'YYYY-MM-DD.' })
  @IsCalendarDate()
  achievedOn: string;

  @Field(() => String, { nullable: true, description: 'http(s) link to the evidence.' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  evidenceUrl?: string | null;

  @Field({ nullable: true, description: 'Show it to everyone who may see the coalition (default false: members only).' })
  @Omittable()
  @IsBoolean()
  public?: boolean;

  @Field(() => ID, { nullable: true, description: 'A goal of the coalition it advances.' })
  @IsOptional()
  goalId?: string | null;
}

@InputType()
export class WinRemoveInput {
  @Field(() => ID) winId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  organizationId?: string | null;
}
