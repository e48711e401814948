import { Field, ID, ObjectType } from 'type-graphql';
import { CapabilityLevel, OrganizationKind } from '../core/enums.js';

// The anonymous card of an organization (privacy/anonymous-card.ts decides what it holds): how a PRIVATE
// organization appears wherever it may be shown without its name (suggestions, offers, events, coalitions, alerts).

@ObjectType({ description: 'A capability of an anonymous organization, without anything that names it.' })
export class AnonymousCapability {
  @Field(() => ID, { description: 'Capability category code, e.g. FUNDRAISING.' })
  categoryId: string;

  @Field()
  categoryName: string;

  @Field()
  skillName: string;

  @Field(() => CapabilityLevel)
  level: CapabilityLevel;

  @Field({ description: 'Offered remotely.' })
  remote: boolean;
}

@ObjectType({
  description: 'A PRIVATE organization that agreed to be suggested anonymously: no name, no resolvable id. Everything '
    + 'computed for it (distance, band, score, parts, reasons) uses only what this card shows, its position at most '
    + 'to the centre of its region\'s 1-degree cell; scores and parts are shown in steps of 0.05.',
})
export class AnonymousOrganization {
  @Field(() => ID, { description: 'Opaque random token, new in every response; it resolves to nothing.' })
  token: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country: string | null;

  @Field(() => String, { nullable: true, description: 'Only when its location precision reveals the region.' })
  region: string | null;

  @Field(() => [AnonymousCapability], { description: 'What it covers.' })
  capabilities: AnonymousCapability[];
}
