import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../core/connection.js';
import { NeedPriority, NeedStatus } from '../core/enums.js';
import { Organization } from '../profiles/organization.types.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { AnonymousOrganization } from '../profiles/anonymous-organization.types.js';
import { IssueArea, Skill } from '../taxonomy/taxonomy.types.js';

@ObjectType({ description: 'The need an urgent alert is about, as you may see it: an anonymous organization\'s need shows no description or issue area.' })
export class UrgentNeed {
  @Field(() => Skill)
  skill: Skill;

  @Field(() => NeedPriority)
  priority: NeedPriority;

  @Field(() => NeedStatus, { description: 'As it stands now: MET or CLOSED once help was found.' })
  status: NeedStatus;

  @Field(() => LocalDateResolver, { nullable: true })
  neededBy: string | null;

  @Field()
  remoteOk: boolean;

  @Field(() => String, { nullable: true, description: 'Null when the organization is shown anonymously (free text could name it).' })
  description: string | null;

  @Field(() => IssueArea, { nullable: true, description: 'Null when the organization is shown anonymously.' })
  issueArea: IssueArea | null;
}

@ObjectType({ description: 'Why an urgent alert reached your organization, in words you can check against both profiles.' })
export class UrgentAlertReason {
  @Field({ description: 'NEEDS_YOUR_SKILL, NEEDS_RELATED_SKILL, REMOTE or DISTANCE.' })
  code: string;

  @Field()
  text: string;
}

@ObjectType({ description: 'An urgent need of another organization that yours can help with: exactly one of organization and anonymousOrganization is set.' })
export class UrgentNeedAlert {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeResolver, { description: 'When the need was marked urgent.' })
  createdAt: Date;

  @Field(() => ID, { description: 'Your organization the alert is addressed to.' })
  recipientOrganizationId: string;

  @Field(() => UrgentNeed)
  need: UrgentNeed;

  @Field(() => Organization, { nullable: true, description: 'The needing organization, when you may see it by name.' })
  organization: OrganizationRecord | null;

  @Field(() => AnonymousOrganization, { nullable: true, description: 'A PRIVATE needing organization, as its anonymous card.' })
  anonymousOrganization: AnonymousOrganization | null;

  @Field(() => [UrgentAlertReason])
  reasons: UrgentAlertReason[];

  @Field(() => Float, { nullable: true, description: 'Km between the public positions (an anonymous one: its region\'s cell), rounded to the vaguer precision.' })
  distanceKm: number | null;

  @Field(() => String, { nullable: true, description: 'Distance in words, e.g. "within ~25 km (same area)".' })
  distanceBand: string | null;
}

export const { Connection: UrgentNeedAlertConnection, Edge: UrgentNeedAlertEdge } = connectionTypes(UrgentNeedAlert, 'UrgentNeedAlert');

@ObjectType({ description: 'An urgentNeedAlert push: the alert as urgentNeedAlerts would show it to you, with the cursor to resume after it.' })
export class UrgentNeedAlertEvent {
  @Field({ description: 'Pass as `after` when resubscribing to receive what you missed, without duplicates.' })
  cursor: string;

  @Field(() => DateTimeResolver)
  occurredAt: Date;

  @Field(() => UrgentNeedAlert)
  alert: UrgentNeedAlert;
}
