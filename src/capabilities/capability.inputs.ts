import { IsOptional, Length, Max, Min } from 'class-validator';
import { IsCalendarDate, Omittable } from '../core/input-rules.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CapabilityLevel, NeedPriority, NeedStatus } from '../core/enums.js';
import { UserError } from '../core/user-error.types.js';
import { Capability, Need } from './capability.types.js';
import { Organization } from '../profiles/organization.types.js';

@InputType()
class CapabilityFields {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100000)
  capacity?: number;

  @Field({ nullable: true })
  @Omittable()
  remote?: boolean;

  @Field({ nullable: true })
  @Omittable()
  @Length(0, 2000)
  description?: string;
}

@InputType()
export class CapabilityAddInput extends CapabilityFields {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID)
  skillId: string;

  @Field(() => CapabilityLevel)
  level: CapabilityLevel;
}

@InputType()
export class CapabilityUpdateInput extends CapabilityFields {
  @Field(() => ID)
  id: string;

  @Field(() => CapabilityLevel, { nullable: true })
  @Omittable()
  level?: CapabilityLevel;
}

@InputType()
class NeedFields {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  issueAreaId?: string;

  @Field({ nullable: true, description: 'A date, YYYY-MM-DD.' })
  @IsOptional()
  @IsCalendarDate()
  neededBy?: string;

  @Field({ nullable: true })
  @Omittable()
  remoteOk?: boolean;

  @Field({ nullable: true })
  @Omittable()
  @Length(0, 2000)
  description?: string;
}

@InputType()
export class NeedAddInput extends NeedFields {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID)
  skillId: string;

  @Field(() => NeedPriority)
  priority: NeedPriority;
}

@InputType()
export class NeedUpdateInput extends NeedFields {
  @Field(() => ID)
  id: string;

  @Field(() => NeedPriority, { nullable: true })
  @Omittable()
  priority?: NeedPriority;

  @Field(() => NeedStatus, { nullable: true })
  @Omittable()
  status?: NeedStatus;
}

@InputType()
export class RemoveInput {
  @Field(() => ID)
  id: string;
}

@ObjectType()
export class CapabilityPayload {
  @Field(() => Capability, { nullable: true })
  capability: Capability | null;

  @Field(() => Organization, { nullable: true })
  organization: Organization | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class NeedPayload {
  @Field(() => Need, { nullable: true })
  need: Need | null;

  @Field(() => Organization, { nullable: true })
  organization: Organization | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class RemovePayload {
  @Field(() => ID, { nullable: true })
  removedId: string | null;

  @Field(() => Organization, { nullable: true })
  organization: Organization | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
