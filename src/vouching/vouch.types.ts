import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { connectionTypes } from '../core/connection.js';
import { UserError } from '../core/user-error.types.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { Organization } from '../profiles/organization.types.js';
import { VouchRequest } from './vouch-request.types.js';

// What a vouch shows. Both organizations hold records already filtered by privacy/vouch-visibility.ts: a vouch
// reaches a viewer only when both ends are visible to it (admins: the whole chain).

@ObjectType({ description: 'A verified organization vouching for another organization, in its own words.' })
export class Vouch {
  @Field(() => ID)
  id: string;

  @Field(() => Organization, { description: 'The verified organization that vouches.' })
  voucher: OrganizationRecord;

  @Field(() => Organization, { description: 'The organization vouched for.' })
  organization: OrganizationRecord;

  @Field({ description: 'Why the voucher trusts this organization.' })
  statement: string;

  @Field(() => DateTimeResolver)
  createdAt: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the voucher withdrew it (withdrawn vouches are shown to admins only).' })
  withdrawnAt: Date | null;

  @Field({ description: 'Whether it counts toward the VOUCHED badge now: not withdrawn, and the voucher is still verified.' })
  counts: boolean;
}

export const { Connection: VouchConnection } = connectionTypes(Vouch, 'Vouch');

@ObjectType()
export class VouchPayload {
  @Field(() => Vouch, { nullable: true })
  vouch: Vouch | null;

  @Field(() => Organization, { nullable: true, description: 'The organization vouched for, with its badge after the change.' })
  organization: OrganizationRecord | null;

  @Field(() => VouchRequest, { nullable: true, description: "The group's pending request this vouch answered, now VOUCHED (the group's card is in it)." })
  vouchRequest?: VouchRequest | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
