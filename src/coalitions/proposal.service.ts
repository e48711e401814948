import type { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError, UnauthenticatedError, UserInputError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { lockOrganizations, requireOrganization } from '../authorization/organization-guard.js';
import { assertOpen, currentCharter, currentMemberIds, loadVisibleCoalition, requireCoalitionMember, type CoalitionActor } from './coalition-access.js';
import { charterDraft, currentDraft } from './coalition-charter.service.js';
import { requireMemberFor } from './governance-access.js';
import { COALITION_COLUMNS, type CoalitionRow } from './coalition-row.js';
import { ProposalKind, ProposalStatus, PROPOSAL_DEFAULT_DAYS, PROPOSAL_MAX_DAYS, PROPOSAL_MIN_MINUTES } from './governance.enums.js';
import type { ProposalCreateInput, ProposalRefInput, ProposalVoteInput } from './proposal.inputs.js';
import { lockProposal, settleIfDecided } from './proposal-settle.js';
import { recordProposalEvent } from './coalition-events.js';
import type { ProposalRow } from './proposal-row.js';

// Proposing, voting, withdrawing, signing. Each runs inside runMutation's transaction and returns the proposal id.
// Lock order, for every writer: organization rows, then the coalition row, then the proposal row.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function deadline(closesAt: Date | null | undefined): Date {
  const now = Date.now();
  const at = closesAt ? new Date(closesAt).getTime() : now + PROPOSAL_DEFAULT_DAYS * DAY_MS;
  if (!Number.isFinite(at) || at < now + PROPOSAL_MIN_MINUTES * MINUTE_MS || at > now + PROPOSAL_MAX_DAYS * DAY_MS) {
    throw new UserInputError('INVALID_DEADLINE', 'input.closesAt', `Voting must close between a minute and ${PROPOSAL_MAX_DAYS} days from now`);
  }
  return new Date(at);
}

/** An organization asking to join: its owners and editors, for a coalition it may see, under both locks. */
async function applicant(ctx: RequestContext, tx: EntityManager, input: ProposalCreateInput): Promise<{ coalition: CoalitionRow; organizationId: string }> {
  if (!input.organizationId) throw new UserInputError('ORGANIZATION_REQUIRED', 'input.organizationId', 'Say which organization asks to join');
  const org = await requireOrganization(tx, ctx.viewer, input.organizationId, 'edit');
  const visible = await loadVisibleCoalition(tx, org.viewer, input.coalitionId);
  const [coalition]: CoalitionRow[] = visible
    ? await tx.query(`SELECT ${COALITION_COLUMNS} FROM coalitions c WHERE c.id = $1 FOR UPDATE`, [visible.id])
    : [];
  if (!coalition) throw new NotFoundError('Coalition');
  assertOpen(coalition);
  if ((await currentMemberIds(tx, coalition.id)).includes(org.id)) {
    throw new UserInputError('ALREADY_MEMBER', 'input.organizationId', 'This organization is already a member');
  }
  const pending: unknown[] = await tx.query(
    `SELECT 1 FROM coalition_proposals WHERE coalition_id = $1 AND kind = 'ADMIT_MEMBER' AND subject_organization_id = $2 AND status = 'OPEN'`,
    [coalition.id, org.id],
  );
  if (pending.length) throw new UserInputError('ALREADY_PROPOSED', 'input.organizationId', 'This organization\'s application is already open');
  return { coalition, organizationId: org.id };
}

export async function createProposal(ctx: RequestContext, tx: EntityManager, input: ProposalCreateInput): Promise<string> {
  let coalitionId: string;
  let proposerId: string;
  let subject: string | null = null;
  let draft: object | null = null;
  if (input.kind === ProposalKind.ADMIT_MEMBER) {
    const asked = await applicant(ctx, tx, input);
    coalitionId = asked.coalition.id;
    proposerId = subject = asked.organizationId;
  } else {
    const actor = await requireCoalitionMember(tx, ctx.viewer, input.coalitionId, input.organizationId);
    assertOpen(actor.coalition);
    coalitionId = actor.coalitionId;
    proposerId = actor.organizationId;
    subject = await checkKind(tx, actor, input, (d) => { draft = d; });
  }
  const charter = await currentCharter(tx, coalitionId);
  const electorate = (await currentMemberIds(tx, coalitionId)).filter((id) => id !== subject || input.kind !== ProposalKind.REMOVE_MEMBER);
  const [row]: { id: string }[] = await tx.query(
    `INSERT INTO coalition_proposals (coalition_id, kind, title, body, proposed_by_organization_id, proposed_by_user_id,
       subject_organization_id, charter_draft, decision_rule, quorum, charter_version, electorate, closes_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12::uuid[], $13) RETURNING id`,
    [coalitionId, input.kind, input.title.trim(), (input.body ?? '').trim(), proposerId, ctx.viewer.userId, subject,
      draft ? JSON.stringify(draft) : null, charter.decisionRule, charter.quorum, charter.version, electorate, deadline(input.closesAt)],
  );
  await recordProposalEvent(tx, 'PROPOSAL_OPENED', { id: row.id, coalitionId, kind: input.kind, subjectOrganizationId: subject });
  return row.id;
}

/** What each kind needs; returns the subject organization (REMOVE_MEMBER). */
async function checkKind(tx: EntityManager, actor: CoalitionActor, input: ProposalCreateInput, setDraft: (d: object) => void): Promise<string | null> {
  switch (input.kind) {
    case ProposalKind.REMOVE_MEMBER: {
      const id = isUuid(input.subjectOrganizationId) ? input.subjectOrganizationId.toLowerCase() : null;
      if (!id || !(await currentMemberIds(tx, actor.coalitionId)).includes(id)) {
        throw new UserInputError('NOT_A_MEMBER', 'input.subjectOrganizationId', 'Name a current member of the coalition');
      }
      if (id === actor.organizationId) throw new UserInputError('SAME_ORGANIZATION', 'input.subjectOrganizationId', 'To leave, use coalitionLeave');
      return id;
    }
    case ProposalKind.CHARTER_CHANGE:
      if (!input.charter) throw new UserInputError('CHARTER_REQUIRED', 'input.charter', 'A charter change needs the charter to adopt');
      setDraft(await charterDraft(tx, actor.viewer, input.charter, 'input.charter', await currentDraft(tx, actor.coalitionId)));
      return null;
    default:
      if (!(input.body ?? '').trim()) throw new UserInputError('BODY_REQUIRED', 'input.body', 'Write the statement or decision to vote on');
      return null;
  }
}

/** The proposal and the acting member, locked: organizations, coalition row, proposal row (governance-access.ts). */
async function lockForMember(ctx: RequestContext, tx: EntityManager, ref: ProposalRefInput): Promise<{ actor: CoalitionActor; proposal: ProposalRow }> {
  const actor = await requireMemberFor(ctx, tx, 'Proposal', 'SELECT coalition_id AS "coalitionId" FROM coalition_proposals WHERE id = $1', ref.proposalId, ref.organizationId);
  const proposal = (await lockProposal(tx, ref.proposalId))!;
  return { actor, proposal };
}

async function assertVoting(tx: EntityManager, p: ProposalRow): Promise<void> {
  if (p.status !== ProposalStatus.OPEN) {
    throw new UserInputError('VOTING_CLOSED', 'input.proposalId', `Voting has closed: the proposal is ${p.status}`);
  }
  // clock_timestamp, not now(): the transaction may have started before the deadline and waited for the lock.
  const [{ due }]: { due: boolean }[] = await tx.query('SELECT $1::timestamptz <= clock_timestamp() AS due', [p.closesAt]);
  if (due) throw new UserInputError('VOTING_CLOSED', 'input.proposalId', 'Voting has closed: the deadline has passed');
}

export async function voteOnProposal(ctx: RequestContext, tx: EntityManager, input: ProposalVoteInput): Promise<string> {
  const { actor, proposal } = await lockForMember(ctx, tx, input);
  await assertVoting(tx, proposal);
  if (!proposal.electorate.includes(actor.organizationId)) {
    throw new UserInputError('NOT_ELIGIBLE', 'input.organizationId', 'Only the members when it was proposed vote on it (and not the member a removal is about)');
  }
  const inserted: unknown[] = await tx.query(
    `INSERT INTO coalition_proposal_votes (proposal_id, organization_id, choice, comment, voted_by_user_id)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING proposal_id`,
    [proposal.id, actor.organizationId, input.choice, (input.comment ?? '').trim(), ctx.viewer.userId],
  );
  if (inserted.length === 0) throw new UserInputError('ALREADY_VOTED', 'input.proposalId', 'Your organization has already voted on this proposal');
  await settleIfDecided(tx, proposal, false);
  return proposal.id;
}

/** The proposing organization withdraws an open proposal (its owners and editors; an applicant too). */
export async function withdrawProposal(ctx: RequestContext, tx: EntityManager, input: ProposalRefInput): Promise<string> {
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  const [found]: { proposerId: string | null }[] = isUuid(input.proposalId)
    ? await tx.query('SELECT proposed_by_organization_id AS "proposerId" FROM coalition_proposals WHERE id = $1', [input.proposalId])
    : [];
  if (!found) throw new NotFoundError('Proposal');
  const { viewer } = await lockOrganizations(tx, ctx.viewer, found.proposerId ? [found.proposerId] : []);
  const proposal = (await lockProposal(tx, input.proposalId))!;
  const members = await currentMemberIds(tx, proposal.coalitionId);
  if (!found.proposerId || !viewer.canEdit(found.proposerId)) {
    if (members.some((id) => viewer.isMemberOf(id)) || (found.proposerId && viewer.isMemberOf(found.proposerId))) {
      throw new ForbiddenError('Only owners and editors of the proposing organization can withdraw it');
    }
    throw new NotFoundError('Proposal');
  }
  await assertVoting(tx, proposal);
  await tx.query(`UPDATE coalition_proposals SET status = 'WITHDRAWN', settled_at = clock_timestamp() WHERE id = $1`, [proposal.id]);
  await recordProposalEvent(tx, 'PROPOSAL_SETTLED', proposal);
  return proposal.id;
}

/** A member signs a passed statement. */
export async function signStatement(ctx: RequestContext, tx: EntityManager, input: ProposalRefInput): Promise<string> {
  const { actor, proposal } = await lockForMember(ctx, tx, input);
  if (proposal.kind !== ProposalKind.STATEMENT || proposal.status !== ProposalStatus.PASSED) {
    throw new UserInputError('NOT_SIGNABLE', 'input.proposalId', 'Only statements the coalition adopted can be signed');
  }
  const inserted: unknown[] = await tx.query(
    'INSERT INTO coalition_statement_signatures (proposal_id, organization_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING proposal_id',
    [proposal.id, actor.organizationId],
  );
  if (inserted.length === 0) throw new UserInputError('ALREADY_SIGNED', 'input.proposalId', 'Your organization has already signed this statement');
  return proposal.id;
}
