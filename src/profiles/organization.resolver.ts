import { Arg, Args, Ctx, FieldResolver, Float, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { MembershipRole } from '../core/enums.js';
import { PageArgs, toPage } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { BadInputError } from '../core/errors.js';
import { runMutation } from '../core/run-mutation.js';
import { selectedNodeFields, selectsField } from '../core/selection.js';
import { IssueArea } from '../taxonomy/taxonomy.types.js';
import { membersOnly, projectDistanceKm, projectLocation } from '../privacy/member-projection.js';
import { contactOnly } from '../privacy/contact-rules.js';
import type { ChildList } from './organization-children.sql.js';
import { OrganizationFilter } from './organization-filter.types.js';
import { OrganizationCreateInput, OrganizationUpdateInput, OrganizationVerifyInput } from './organization.inputs.js';
import { OrganizationPayload } from './organization.payloads.js';
import { findVisibleOrganization, listOrganizations } from './organization-query.service.js';
import type { OrganizationRecord } from './organization.record.js';
import { createOrganization, updateOrganization, verifyOrganization } from './organization.service.js';
import { Location, Organization, OrganizationConnection } from './organization.types.js';

const CHILD_LISTS: ChildList[] = ['capabilities', 'needs', 'issueAreas'];

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'One organization by id or slug; null when missing or not visible to you.' })
  async organization(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('slug', () => String, { nullable: true }) slug?: string,
  ): Promise<OrganizationRecord | null> {
    if ((id === undefined || id === null) === (slug === undefined || slug === null)) {
      throw new BadInputError('id', 'Give exactly one of id or slug');
    }
    return findVisibleOrganization(ctx, { id, slug });
  }

  @Query(() => OrganizationConnection, { description: 'Organizations you may see, filtered; by relevance when searching, by distance with `near`, else by name.' })
  async organizations(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter?: OrganizationFilter,
  ) {
    const selected = selectedNodeFields(info);
    const include = new Set(CHILD_LISTS.filter((child) => selected.has(child)));
    return listOrganizations(ctx, filter ?? {}, { ...toPage(pageArgs), countWithPage: selectsField(info, 'totalCount') }, include);
  }

  @Mutation(() => OrganizationPayload, { description: 'Creates an organization; you become its OWNER.' })
  async organizationCreate(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OrganizationCreateInput, { validate: false }) input: OrganizationCreateInput,
  ): Promise<OrganizationPayload> {
    const { result, userErrors } = await runMutation(ctx, input, (tx) => createOrganization(ctx, tx, input));
    return { organization: result, userErrors };
  }

  @Mutation(() => OrganizationPayload, { description: 'Changes the given fields of a profile (owners and editors).' })
  async organizationUpdate(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OrganizationUpdateInput, { validate: false }) input: OrganizationUpdateInput,
  ): Promise<OrganizationPayload> {
    const { result, userErrors } = await runMutation(ctx, input, (tx) => updateOrganization(ctx, tx, input));
    return { organization: result, userErrors };
  }

  @Mutation(() => OrganizationPayload, { description: 'Sets the verified flag (admins only).' })
  async organizationVerify(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OrganizationVerifyInput, { validate: false }) input: OrganizationVerifyInput,
  ): Promise<OrganizationPayload> {
    const { result, userErrors } = await runMutation(ctx, input, (tx) => verifyOrganization(ctx, tx, input));
    return { organization: result, userErrors };
  }

  // Members-only fields go through the privacy module's projection (src/privacy/member-projection.ts).
  @FieldResolver(() => Location, { description: 'Never more precise than the organization chose, except for its own members.' })
  location(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): Location {
    return projectLocation(ctx.viewer, org) as Location;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'With a `near` filter: km from its point to the public position, rounded to the precision the organization chose.' })
  distanceKm(@Root() org: OrganizationRecord): number | null {
    return projectDistanceKm(org);
  }

  // Contact details: members, and the other side of an accepted introduction or offer request (privacy/contact-rules.ts).
  @FieldResolver(() => String, { nullable: true, description: 'Members, and the other side of an accepted introduction or offer request, see it; null for everyone else.' })
  contactEmail(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    return contactOnly(ctx, org.id, org.contactEmail);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who to ask for, if the organization names someone; seen like contactEmail.' })
  contactPerson(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): Promise<string | null> {
    return contactOnly(ctx, org.id, org.contactPerson);
  }

  @FieldResolver(() => [String], { description: 'Kinds it will not partner with. Only members see them; others get an empty list.' })
  dealbreakerKinds(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): string[] {
    return membersOnly(ctx.viewer, org.id, org.dealbreakerKinds, []);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Members only: whether it may appear anonymously in suggestions while PRIVATE.' })
  anonymousSuggestions(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): boolean | null {
    return membersOnly(ctx.viewer, org.id, org.anonymousSuggestions, null);
  }

  @FieldResolver(() => MembershipRole, { nullable: true, description: 'Your role in it, if any.' })
  viewerRole(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): MembershipRole | null {
    return ctx.viewer.roleIn(org.id);
  }

  @FieldResolver(() => [IssueArea], { complexity: 2 })
  issueAreas(@Root() org: OrganizationRecord, @Ctx() ctx: RequestContext): Promise<IssueArea[]> {
    return ctx.loaders.issueAreasByOrganization.load(org.id);
  }

}
