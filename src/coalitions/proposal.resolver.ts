import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, toPage } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { runMutation, type MutationOutcome } from '../core/run-mutation.js';
import { canSeeVotes } from '../privacy/coalition-governance.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { Organization } from '../profiles/organization.types.js';
import { memberView } from './coalition-view.js';
import { loadVisibleCoalition } from './coalition-access.js';
import { ForbiddenError, NotFoundError } from '../core/errors.js';
import { ProposalStatus, type VoteChoice } from './governance.enums.js';
import { votesNeeded } from './proposal-outcome.js';
import { listProposals, proposalOrganizations, readProposal } from './proposal-query.service.js';
import { countVotes } from './proposal-settle.js';
import { ProposalCreateInput, ProposalPayload, ProposalRefInput, ProposalVoteInput } from './proposal.inputs.js';
import { createProposal, signStatement, voteOnProposal, withdrawProposal } from './proposal.service.js';
import { CoalitionProposal, CoalitionProposalConnection, ProposalTally, ProposalVote } from './proposal.types.js';

async function proposalPayload(ctx: RequestContext, outcome: MutationOutcome<string>): Promise<ProposalPayload> {
  return { proposal: outcome.result ? await readProposal(ctx, outcome.result) : null, userErrors: outcome.userErrors };
}

@Resolver(() => CoalitionProposal)
export class ProposalResolver {
  @Query(() => CoalitionProposal, { nullable: true, description: 'A proposal of a coalition you are a member of (or your own application); null otherwise, as for an unknown id.' })
  proposal(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return readProposal(ctx, id);
  }

  @Query(() => CoalitionProposalConnection, {
    description: 'Proposals of a coalition your organization is a member of, newest first (a coalition you may not see: NOT_FOUND; '
      + 'one you see but are not a member of: FORBIDDEN).',
  })
  async coalitionProposals(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('coalitionId', () => ID) coalitionId: string,
    @Arg('status', () => ProposalStatus, { nullable: true }) status?: ProposalStatus,
  ) {
    const coalition = await loadVisibleCoalition(ctx.db, ctx.viewer, coalitionId);
    if (!coalition) throw new NotFoundError('Coalition');
    const view = await memberView(ctx, coalition);
    if (!view.insider) throw new ForbiddenError('Only members of the coalition can read its proposals');
    return listProposals(ctx, coalition, status ?? null, toPage(pageArgs));
  }

  @Mutation(() => ProposalPayload, { description: 'Proposes a charter change, a removal, a statement or a decision (owners and editors of a member), or asks to join (ADMIT_MEMBER, for your organization).' })
  async proposalCreate(@Ctx() ctx: RequestContext, @Arg('input', () => ProposalCreateInput, { validate: false }) input: ProposalCreateInput) {
    return proposalPayload(ctx, await runMutation(ctx, input, (tx) => createProposal(ctx, tx, input)));
  }

  @Mutation(() => ProposalPayload, { description: 'Votes for your member organization (final once cast); the proposal is settled as soon as its outcome can no longer change.' })
  async proposalVote(@Ctx() ctx: RequestContext, @Arg('input', () => ProposalVoteInput, { validate: false }) input: ProposalVoteInput) {
    return proposalPayload(ctx, await runMutation(ctx, input, (tx) => voteOnProposal(ctx, tx, input)));
  }

  @Mutation(() => ProposalPayload, { description: 'Withdraws an open proposal (owners and editors of the proposing organization).' })
  async proposalWithdraw(@Ctx() ctx: RequestContext, @Arg('input', () => ProposalRefInput, { validate: false }) input: ProposalRefInput) {
    return proposalPayload(ctx, await runMutation(ctx, input, (tx) => withdrawProposal(ctx, tx, input)));
  }

  @Mutation(() => ProposalPayload, { description: 'Signs an adopted statement for your member organization.' })
  async proposalStatementSign(@Ctx() ctx: RequestContext, @Arg('input', () => ProposalRefInput, { validate: false }) input: ProposalRefInput) {
    return proposalPayload(ctx, await runMutation(ctx, input, (tx) => signStatement(ctx, tx, input)));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The proposing organization (the applicant for ADMIT_MEMBER).' })
  async proposedBy(@Root() p: CoalitionProposal, @Ctx() ctx: RequestContext): Promise<OrganizationRecord | null> {
    const id = p.row.proposedByOrganizationId;
    return id ? (await proposalOrganizations(ctx, p, [id])).get(id) ?? null : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'ADMIT_MEMBER / REMOVE_MEMBER: the organization concerned.' })
  async subject(@Root() p: CoalitionProposal, @Ctx() ctx: RequestContext): Promise<OrganizationRecord | null> {
    const id = p.row.subjectOrganizationId;
    return id ? (await proposalOrganizations(ctx, p, [id])).get(id) ?? null : null;
  }

  @FieldResolver(() => ProposalTally, { nullable: true, description: 'Members of the coalition only: the votes so far, or as counted at settlement.' })
  async tally(@Root() p: CoalitionProposal, @Ctx() ctx: RequestContext): Promise<ProposalTally | null> {
    if (!canSeeVotes(p.insider)) return null;
    const tally = p.row.tally ?? (await countVotes(ctx.db.manager, p.row)).tally;
    return { ...tally, votesNeeded: votesNeeded(p.quorum, tally.electorate) };
  }

  @FieldResolver(() => [ProposalVote], { nullable: true, description: 'Who voted how, members of the coalition only (null for others).' })
  async votes(@Root() p: CoalitionProposal, @Ctx() ctx: RequestContext): Promise<ProposalVote[] | null> {
    if (!canSeeVotes(p.insider)) return null;
    const rows: { organizationId: string; choice: VoteChoice; comment: string; votedAt: Date }[] = await ctx.db.query(
      `SELECT organization_id AS "organizationId", choice, comment, voted_at AS "votedAt" FROM coalition_proposal_votes
       WHERE proposal_id = $1 ORDER BY voted_at, organization_id`,
      [p.id],
    );
    const orgs = await proposalOrganizations(ctx, p, rows.map((r) => r.organizationId));
    return rows.map((r) => ({ organization: orgs.get(r.organizationId) ?? null, choice: r.choice, comment: r.comment, votedAt: r.votedAt }));
  }

  @FieldResolver(() => [Organization], { nullable: true, description: 'STATEMENT: the member organizations that signed it (members of the coalition only).' })
  async signatories(@Root() p: CoalitionProposal, @Ctx() ctx: RequestContext): Promise<OrganizationRecord[] | null> {
    if (!canSeeVotes(p.insider)) return null;
    const rows: { id: string }[] = await ctx.db.query(
      'SELECT organization_id AS id FROM coalition_statement_signatures WHERE proposal_id = $1 ORDER BY signed_at, organization_id',
      [p.id],
    );
    const orgs = await proposalOrganizations(ctx, p, rows.map((r) => r.id));
    return rows.flatMap((r) => orgs.get(r.id) ?? []);
  }
}
