import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { OrganizationKind } from '../core/enums.js';
import { connectionTypes } from '../core/connection.js';
import { UserError } from '../core/user-error.types.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { Organization } from '../profiles/organization.types.js';
import { VouchRequestStatus } from './vouching.enums.js';

// What a vouch request shows. The group is a card chosen by privacy/vouch-request-grant.ts (vouchCard), never the
// full profile: the request reveals it to the asked organization for judging a vouch, nothing more.

@ObjectType({ description: 'The group a vouch request is about, as the request shows it to both sides: enough to judge a vouch.' })
export class VouchRequestGroup {
  @Field(() => ID, { description: 'Its id: what vouchCreate takes as organizationId.' })
  id: string;

  @Field()
  name: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field()
  mission: string;

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true, description: 'Country only, whatever the precision it chose for its location.' })
  country: string | null;

  @Field(() => [String])
  languages: string[];

  @Field(() => DateTimeResolver, { description: 'When it joined Coalesce.' })
  createdAt: Date;
}

@ObjectType({ description: 'A group asking one verified organization for a vouch. Seen by the group, and by the asked organization while it is pending or the vouch stands.' })
export class VouchRequest {
  @Field(() => ID)
  id: string;

  @Field(() => VouchRequestStatus)
  status: VouchRequestStatus;

  @Field({ description: "The group's message to the asked organization." })
  message: string;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => VouchRequestGroup)
  group: VouchRequestGroup;

  @Field(() => Organization, { nullable: true, description: 'The organization asked, where you may see it.' })
  voucher: OrganizationRecord | null;

  @Field(() => ID, { nullable: true, description: 'The vouch that answered it (vouchWithdraw takes it), while it stands.' })
  vouchId: string | null;
}

export const { Connection: VouchRequestConnection } = connectionTypes(VouchRequest, 'VouchRequest');

@ObjectType()
export class VouchRequestPayload {
  @Field(() => VouchRequest, { nullable: true, description: 'The request as you may see it after the change (null after a decline: it leaves your list).' })
  vouchRequest: VouchRequest | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
