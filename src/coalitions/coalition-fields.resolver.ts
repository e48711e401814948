import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { PageArgs, toPage } from '../core/connection.js';
import { coalitionCoverage } from './coalition-coverage.service.js';
import { listCoalitionInvitations } from './coalition-invitation-query.service.js';
import { CoalitionInvitationStatus } from './coalition.enums.js';
import type { RequestContext } from '../core/request-context.js';
import { IssueArea } from '../taxonomy/taxonomy.types.js';
import { memberView } from './coalition-view.js';
import {
  Coalition, CoalitionCharter, CoalitionCoordinator, CoalitionCoverage, CoalitionInvitationConnection, CoalitionParticipant, CoalitionScope,
} from './coalition.types.js';
import type { CharterWithCount } from './coalition.loaders.js';

// The Coalition type's fields that read more than its row: members, charter and coordinator, all shown through
// the one member projection (coalition-view.ts). Invitations and coverage: coalition-insider-fields.resolver.ts.

@Resolver(() => Coalition)
export class CoalitionFieldsResolver {
  @FieldResolver(() => IssueArea, { nullable: true, description: 'The issue it works on.' })
  issueArea(@Root() coalition: Coalition, @Ctx() ctx: RequestContext): Promise<IssueArea | null> {
    return ctx.loaders.coalitionIssueAreas.load(coalition.row.issueAreaId);
  }

  @FieldResolver(() => CoalitionScope)
  scope(@Root() coalition: Coalition): CoalitionScope {
    const r = coalition.row;
    return { country: r.scopeCountry, region: r.scopeRegion, latitude: r.scopeLatitude, longitude: r.scopeLongitude, radiusKm: r.scopeRadiusKm };
  }

  @FieldResolver(() => [CoalitionParticipant], {
    description: 'Current members: named ones first by name, anonymous participants (PRIVATE to you) last.',
  })
  async members(@Root() coalition: Coalition, @Ctx() ctx: RequestContext): Promise<CoalitionParticipant[]> {
    return (await memberView(ctx, coalition.row)).participants();
  }

  @FieldResolver(() => Int)
  async memberCount(@Root() coalition: Coalition, @Ctx() ctx: RequestContext): Promise<number> {
    return (await memberView(ctx, coalition.row)).members.length;
  }

  @FieldResolver(() => Boolean, { description: 'Whether one of your organizations is a current member.' })
  async viewerIsMember(@Root() coalition: Coalition, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await memberView(ctx, coalition.row)).insider;
  }

  @FieldResolver(() => CoalitionCharter, { nullable: true, description: 'The current charter (the highest version).' })
  async charter(@Root() coalition: Coalition, @Ctx() ctx: RequestContext): Promise<CoalitionCharter | null> {
    const [current] = await ctx.loaders.coalitionCharters.load(coalition.id);
    return current ? toCharter(ctx, coalition, current) : null;
  }

  @FieldResolver(() => [CoalitionCharter], { description: 'Every version, newest first (members of the coalition only; empty for others).' })
  async charterVersions(@Root() coalition: Coalition, @Ctx() ctx: RequestContext): Promise<CoalitionCharter[]> {
    const view = await memberView(ctx, coalition.row);
    if (!view.insider) return [];
    const versions = await ctx.loaders.coalitionCharters.load(coalition.id);
    return Promise.all(versions.map((v) => toCharter(ctx, coalition, v)));
  }

  @FieldResolver(() => CoalitionCoordinator, { nullable: true, description: 'Derived from the charter\'s rotation; null when nobody is left.' })
  async coordinator(@Root() coalition: Coalition, @Ctx() ctx: RequestContext): Promise<CoalitionCoordinator | null> {
    const view = await memberView(ctx, coalition.row);
    const member = view.coordinator && view.participant(view.coordinator.organizationId);
    return member ? { member, until: view.coordinator!.until } : null;
  }
}

async function toCharter(ctx: RequestContext, coalition: Coalition, row: CharterWithCount): Promise<CoalitionCharter> {
  const view = await memberView(ctx, coalition.row);
  return {
    version: row.version,
    purpose: row.purpose,
    decisionRule: row.decisionRule,
    quorum: row.quorum,
    resourceSharing: row.resourceSharing,
    nonNegotiables: row.nonNegotiables,
    rotationPeriodDays: row.rotationPeriodDays,
    // Members that left are skipped; the rest shown under the member rule.
    rotationOrder: [...new Set(row.rotationOrder)].map((id) => view.participant(id)).filter((p) => p !== undefined),
    endorsements: row.endorsements,
    createdAt: row.createdAt,
  };
}

@Resolver(() => Coalition)
export class CoalitionInsiderFieldsResolver {
  @FieldResolver(() => CoalitionInvitationConnection, { nullable: true, description: 'Invitations it sent, newest first (members of the coalition only; null for others).' })
  async invitations(
    @Root() coalition: Coalition,
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('status', () => CoalitionInvitationStatus, { nullable: true }) status?: CoalitionInvitationStatus,
  ) {
    const page = toPage(pageArgs);
    if (!(await memberView(ctx, coalition.row)).insider) return null;
    return listCoalitionInvitations(ctx, coalition.row, page, status);
  }

  @FieldResolver(() => CoalitionCoverage, { nullable: true, description: 'The live coverage matrix with gaps and gap fillers (members of the coalition only; null for others).' })
  async coverage(@Root() coalition: Coalition, @Ctx() ctx: RequestContext): Promise<CoalitionCoverage | null> {
    const view = await memberView(ctx, coalition.row);
    return view.insider ? coalitionCoverage(ctx, coalition.row, view) : null;
  }
}
