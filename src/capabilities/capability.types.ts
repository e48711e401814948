import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { CapabilityLevel, NeedPriority, NeedStatus } from '../core/enums.js';
import { IssueArea, Skill } from '../taxonomy/taxonomy.types.js';

@ObjectType({ description: 'Something an organization can share with partners.', simpleResolvers: true })
export class Capability {
  @Field(() => ID)
  id: string;

  @Field(() => Skill)
  skill: Skill;

  @Field(() => CapabilityLevel)
  level: CapabilityLevel;

  @Field(() => Int, { nullable: true, description: 'How many partners or people it can serve at once.' })
  capacity: number | null;

  @Field({ description: 'Can be provided remotely, so distance does not matter.' })
  remote: boolean;

  @Field()
  description: string;
}

@ObjectType({ description: 'Something an organization lacks and looks for in partners.', simpleResolvers: true })
export class Need {
  @Field(() => ID)
  id: string;

  @Field(() => Skill)
  skill: Skill;

  @Field(() => NeedPriority)
  priority: NeedPriority;

  @Field(() => IssueArea, { nullable: true })
  issueArea: IssueArea | null;

  @Field(() => LocalDateResolver, { nullable: true })
  neededBy: string | null;

  @Field(() => NeedStatus)
  status: NeedStatus;

  @Field()
  remoteOk: boolean;

  @Field()
  description: string;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was marked urgent (needMarkUrgent), while it is OPEN and HIGH or CRITICAL.' })
  urgentSince: string | null;
}
