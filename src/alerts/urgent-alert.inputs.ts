import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../core/user-error.types.js';
import { Need } from '../capabilities/capability.types.js';
import { Organization } from '../profiles/organization.types.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { URGENT_ALERTS_PER_DAY } from './urgent-alert.rules.js';

@InputType()
export class NeedMarkUrgentInput {
  @Field(() => ID, { description: 'An OPEN need of HIGH or CRITICAL priority of your organization (owners and editors).' })
  needId: string;
}

@ObjectType()
export class NeedMarkUrgentPayload {
  @Field(() => Need, { nullable: true })
  need: Need | null;

  @Field(() => Organization, { nullable: true })
  organization: OrganizationRecord | null;

  @Field(() => Int, { nullable: true, description: `Urgent markings your organization has left in the current 24 hours (at most ${URGENT_ALERTS_PER_DAY}).` })
  urgentAlertsRemaining: number | null;

  @Field(() => [UserError], {
    description: 'NEED_NOT_OPEN, PRIORITY_TOO_LOW, ALREADY_URGENT, ANONYMOUS_SUGGESTIONS_OFF (a PRIVATE organization reaches others only anonymously), URGENT_LIMIT_REACHED.',
  })
  userErrors: UserError[];
}
