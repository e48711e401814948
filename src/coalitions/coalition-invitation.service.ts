import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../core/request-context.js';
import { isUuid } from '../core/ids.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError, UserInputError } from '../core/errors.js';
import { lockOrganizations } from '../authorization/organization-guard.js';
import { actingViewer } from '../privacy/acting-viewer.js';
import { AnonymousTokens, anonymousEngineView } from '../privacy/anonymous-card.js';
import { anonymousTokenKey, openAnonymousToken } from '../privacy/anonymous-token.js';
import { loadMatchOrgs, loadTaxonomy } from '../suggestions/engine-orgs.js';
import { assertOpen, type CoalitionActor } from './coalition-access.js';
import { admitMember } from './coalition-membership.js';
import { recordInvitationEvent } from './coalition-events.js';
import { coalitionSideStatus } from './coalition-invitation-query.service.js';
import { requireMemberFor } from './governance-access.js';
import { COALITION_INVITATION_TTL_DAYS, CoalitionInvitationStatus } from './coalition.enums.js';
import type { Visibility } from '../core/enums.js';

// Invitations, a double opt-in. What the coalition learns is the same whatever the invited organization does or
// is: every invitation it sends is answered alike and reads PENDING until accepted or expired. In particular
// - a decline is known to the invited organization only (the coalition keeps reading PENDING, then EXPIRED);
// - an invitation through an anonymous card's sealed token (privacy/anonymous-token.ts) shows the coalition the
//   card as it was, never the organization, until it accepts; inviting the same card twice, a card that is
//   already a member or already invited, or one whose dealbreakers refuse a member (or a member's refuse it)
//   answers exactly like a first invitation, but such an invitation is not delivered (`delivered` false): the
//   organization never sees, counts or answers it. Only the inviter's own dealbreakers are told.
// - a withdrawn invitation no longer exists for the invited organization: gone from its list, and answering it is
//   NOT_FOUND exactly like a random id (withdrawing a declined one is allowed like a pending one, so the coalition
//   learns nothing of the decline by withdrawing).

export interface InviteTarget {
  inviteeOrganizationId?: string | null;
  anonymousToken?: string | null;
}

export interface InviteOptions {
  categoryId?: string | null;
  message?: string;
  /** Input paths for the user errors. */
  fields: { organization: string; token: string };
}

interface Party {
  id: string;
  visibility: string;
  kind: string;
  dealbreakerKinds: string[];
}

async function parties(tx: EntityManager, ids: string[]): Promise<Party[]> {
  return tx.query(
    'SELECT id, visibility, kind, dealbreaker_kinds AS "dealbreakerKinds" FROM organizations WHERE id = ANY($1::uuid[])',
    [ids],
  );
}

/** Sends one invitation on behalf of `actor` (who holds the coalition lock). Returns its id. */
export async function inviteToCoalition(ctx: RequestContext, tx: EntityManager, actor: CoalitionActor, target: InviteTarget, options: InviteOptions): Promise<string> {
  assertOpen(actor.coalition);
  const byId = target.inviteeOrganizationId ?? null;
  const byToken = target.anonymousToken ?? null;
  if ((byId === null) === (byToken === null)) {
    throw new UserInputError('INVALID_INPUT', options.fields.organization, 'Give exactly one of inviteeOrganizationId and anonymousToken');
  }
  if (options.categoryId && !actor.coalition.requiredCategoryIds.includes(options.categoryId)) {
    throw new UserInputError('UNKNOWN_CATEGORY', 'input.categoryId', 'This category is not one the coalition requires');
  }
  const anonymous = byToken !== null;
  let inviteeId: string | null;
  if (anonymous) {
    inviteeId = openAnonymousToken(await anonymousTokenKey(tx), byToken!, actor.viewer.userId!);
  } else {
    inviteeId = isUuid(byId!) ? byId!.toLowerCase() : null;
  }
  const members: { id: string }[] = await tx.query(
    'SELECT organization_id AS id FROM coalition_members WHERE coalition_id = $1 AND left_at IS NULL', [actor.coalitionId],
  );
  const all = await parties(tx, [...new Set([...members.map((m) => m.id), actor.organizationId, ...(inviteeId ? [inviteeId] : [])])]);
  const invitee = all.find((p) => p.id === inviteeId);
  if (!invitee) {
    if (anonymous) throw new UserInputError('INVALID_TOKEN', options.fields.token, 'This token is not valid: tokens work for the user they were shown to, for 7 days');
    throw new UserInputError('NOT_FOUND', options.fields.organization, 'No such organization');
  }
  const acting = actingViewer(actor.viewer);
  if (!anonymous && !acting.canName(invitee)) throw new UserInputError('NOT_FOUND', options.fields.organization, 'No such organization');
  const isMember = members.some((m) => m.id === invitee.id);
  if (!anonymous && isMember) throw new UserInputError('ALREADY_MEMBER', options.fields.organization, 'This organization is already a member');
  const inviter = all.find((p) => p.id === actor.organizationId)!;
  if (inviter.dealbreakerKinds.includes(invitee.kind)) {
    throw new UserInputError('NOT_ACCEPTED', anonymous ? options.fields.token : options.fields.organization,
      "Your organization's own dealbreakers exclude this kind of organization");
  }
  const live: { id: string; anonymous: boolean }[] = await tx.query(
    `SELECT id, anonymous FROM coalition_invitations WHERE coalition_id = $1 AND organization_id = $2 AND delivered
       AND status IN ('PENDING', 'DECLINED') AND expires_at > now() ORDER BY created_at LIMIT 1`,
    [actor.coalitionId, invitee.id],
  );
  // Asking again by name for an organization invited by name: the same invitation (a declined one reads PENDING).
  if (!anonymous && live[0] && !live[0].anonymous) return live[0].id;
  const currentMembers = all.filter((p) => members.some((m) => m.id === p.id));
  const refused = currentMembers.some((m) => m.dealbreakerKinds.includes(invitee.kind) || invitee.dealbreakerKinds.includes(m.kind));
  const delivered = !isMember && live.length === 0 && !refused;
  let card: object | null = null;
  if (anonymous) {
    const [org] = await loadMatchOrgs(tx as never, [invitee.id], await loadTaxonomy(ctx.db));
    const { token: _token, ...rest } = new AnonymousTokens().card(anonymousEngineView(org));
    card = rest;
  }
  const [row]: { id: string }[] = await tx.query(
    `INSERT INTO coalition_invitations (coalition_id, organization_id, invited_by_organization_id, invited_by_user_id,
       anonymous, anonymous_card, category_id, message, delivered, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, now() + make_interval(days => $10)) RETURNING id`,
    [actor.coalitionId, invitee.id, actor.organizationId, actor.viewer.userId, anonymous, card && JSON.stringify(card),
      options.categoryId ?? null, (options.message ?? '').trim(), delivered, COALITION_INVITATION_TTL_DAYS],
  );
  await recordInvitationEvent(tx, 'INVITATION_RECEIVED', { id: row.id, coalitionId: actor.coalitionId, organizationId: invitee.id, delivered });
  return row.id;
}

interface InvitationLockRow {
  id: string;
  coalitionId: string;
  organizationId: string;
  status: CoalitionInvitationStatus;
  delivered: boolean;
  expired: boolean;
  coalitionStatus: string;
}

/**
 * The invited organization's side: its OWNERs and EDITORs answer. Lock order as every coalition write:
 * the organization, then the coalition row, then the invitation row (which serializes concurrent answers).
 * An undelivered invitation does not exist for the organization: NOT_FOUND like a random id.
 */
async function lockReceived(ctx: RequestContext, tx: EntityManager, invitationId: string): Promise<InvitationLockRow & { viewer: typeof ctx.viewer }> {
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  const sides: { coalitionId: string; organizationId: string }[] = isUuid(invitationId)
    ? await tx.query('SELECT coalition_id AS "coalitionId", organization_id AS "organizationId" FROM coalition_invitations WHERE id = $1', [invitationId])
    : [];
  if (!sides[0]) throw new NotFoundError('CoalitionInvitation');
  const fresh = (await lockOrganizations(tx, ctx.viewer, [sides[0].organizationId])).viewer;
  const [coalition]: { status: string }[] = await tx.query('SELECT status FROM coalitions WHERE id = $1 FOR UPDATE', [sides[0].coalitionId]);
  const [row]: InvitationLockRow[] = await tx.query(
    `SELECT id, coalition_id AS "coalitionId", organization_id AS "organizationId", status, delivered,
       expires_at <= now() AS expired FROM coalition_invitations WHERE id = $1 FOR UPDATE`,
    [invitationId],
  );
  if (!row || !coalition || !row.delivered || row.status === CoalitionInvitationStatus.WITHDRAWN || !fresh.isMemberOf(row.organizationId)) {
    throw new NotFoundError('CoalitionInvitation');
  }
  if (!fresh.canEdit(row.organizationId)) throw new ForbiddenError('Only owners and editors of the invited organization can answer');
  if (row.status !== CoalitionInvitationStatus.PENDING || row.expired) {
    const state = row.status === CoalitionInvitationStatus.PENDING ? 'expired' : row.status.toLowerCase();
    throw new UserInputError('INVALID_STATE', 'input.invitationId', `This invitation is ${state}, no longer pending`);
  }
  if (coalition.status === 'CLOSED') throw new UserInputError('INVALID_STATE', 'input.invitationId', 'This coalition has closed');
  return { ...row, coalitionStatus: coalition.status, viewer: fresh };
}

export async function acceptInvitation(ctx: RequestContext, tx: EntityManager, invitationId: string, memberVisibility?: Visibility): Promise<string> {
  const row = await lockReceived(ctx, tx, invitationId);
  await tx.query(`UPDATE coalition_invitations SET status = 'ACCEPTED', responded_at = now() WHERE id = $1`, [row.id]);
  await admitMember(tx, row.coalitionId, row.organizationId, { visibility: memberVisibility ?? null });
  await recordInvitationEvent(tx, 'INVITATION_ACCEPTED', row);
  return row.id;
}

export async function declineInvitation(ctx: RequestContext, tx: EntityManager, invitationId: string): Promise<string> {
  const row = await lockReceived(ctx, tx, invitationId);
  await tx.query(`UPDATE coalition_invitations SET status = 'DECLINED', responded_at = now() WHERE id = $1`, [row.id]);
  await recordInvitationEvent(tx, 'INVITATION_DECLINED', row);
  return row.id;
}

/**
 * The coalition takes back an invitation it sent: owners and editors of a member (whoever may invite). Lock order
 * as every coalition write (organization, coalition row, invitation row), so a withdrawal racing the invited
 * organization's answer is serialized with it on the coalition row: exactly one of them wins, and the other finds
 * the invitation ACCEPTED (INVALID_STATE) or gone (NOT_FOUND). Anyone outside the coalition gets NOT_FOUND, like a
 * random id. It reads the status the coalition may know, so a declined invitation is withdrawn like a pending one.
 */
export async function withdrawInvitation(ctx: RequestContext, tx: EntityManager, input: { invitationId: string; organizationId?: string | null }): Promise<string> {
  await requireMemberFor(ctx, tx, 'CoalitionInvitation', 'SELECT coalition_id AS "coalitionId" FROM coalition_invitations WHERE id = $1',
    input.invitationId, input.organizationId);
  const [row]: (InvitationLockRow & { expired: boolean })[] = await tx.query(
    `SELECT id, coalition_id AS "coalitionId", organization_id AS "organizationId", status, delivered,
       expires_at <= now() AS expired FROM coalition_invitations WHERE id = $1 FOR UPDATE`,
    [input.invitationId],
  );
  const status = coalitionSideStatus(row.status, row.expired);
  if (status !== CoalitionInvitationStatus.PENDING) {
    throw new UserInputError('INVALID_STATE', 'input.invitationId', `This invitation is ${status.toLowerCase()}, no longer pending`);
  }
  await tx.query(`UPDATE coalition_invitations SET status = 'WITHDRAWN' WHERE id = $1`, [row.id]);
  await recordInvitationEvent(tx, 'INVITATION_WITHDRAWN', row);
  return row.id;
}
