import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { normalizeEmail } from '../accounts/account.service.js';
import { enqueueMail, invitationMail } from '../accounts/outbox.js';
import { MembershipRole } from '../core/enums.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError, UserInputError } from '../core/errors.js';
import { InvitationState } from './invitation.entity.js';
import {
  INVITATION_TTL_DAYS, type OrganizationInvitation, type OrganizationInvitationAcceptInput,
  type OrganizationInvitationDeclineInput, type OrganizationInvitationRevokeInput, type OrganizationMemberInviteInput,
  type ReceivedInvitation,
} from './invitation.types.js';
import { requireOrganization } from '../authorization/organization-guard.js';

const TTL_MS = INVITATION_TTL_DAYS * 24 * 3600 * 1000;
/** Expired invitations stay in the owners' list this long, then drop out of it. */
const EXPIRED_SHOWN_DAYS = 30;

// What an inviter may see, decided here once. DECLINED reads like PENDING (only an account can decline, so
// showing it would reveal the account) and both become EXPIRED at expires_at. ACCEPTED ones are not listed.
const INVITER_STATUS_SQL = `CASE WHEN i.status = '${InvitationState.REVOKED}' THEN 'REVOKED'
  WHEN i.expires_at > now() THEN 'PENDING' ELSE 'EXPIRED' END`;
const INVITER_COLUMNS = `i.id, i.organization_id AS "organizationId", i.email, i.role, ${INVITER_STATUS_SQL} AS status,
  i.expires_at AS "expiresAt", i.created_at AS "createdAt"`;
/** Still "open" to the inviter: re-inviting renews it rather than creating another. */
const OPEN_TO_INVITER_SQL = `i.status IN ('${InvitationState.PENDING}', '${InvitationState.DECLINED}') AND i.expires_at > now()`;

const ROLE_RANK_SQL = (column: string) => `CASE ${column} WHEN 'OWNER' THEN 3 WHEN 'EDITOR' THEN 2 ELSE 1 END`;

type Queryable = Pick<EntityManager, 'query'>;
type InviterRow = OrganizationInvitation & { organizationId: string };

async function readForInviter(db: Queryable, id: string): Promise<OrganizationInvitation> {
  const rows: InviterRow[] = await db.query(`SELECT ${INVITER_COLUMNS} FROM organization_invitations i WHERE i.id = $1`, [id]);
  return rows[0];
}

/**
 * Owners invite an address. Nothing here looks at accounts: the answer, the row and the mail are the same
 * whether or not the address has one (or is already a member).
 */
export async function inviteMember(ctx: RequestContext, tx: EntityManager, input: OrganizationMemberInviteInput): Promise<OrganizationInvitation> {
  // Locks the organization row: invitations to one organization are created one at a time, so "re-invite
  // renews the open one" needs no unique index.
  await requireOrganization(tx, ctx.viewer, input.organizationId, 'own');
  const email = normalizeEmail(input.email);
  const expiresAt = new Date(Date.now() + TTL_MS);
  const open: { id: string; status: InvitationState }[] = await tx.query(
    `SELECT i.id, i.status FROM organization_invitations i WHERE i.organization_id = $1 AND i.email = $2 AND ${OPEN_TO_INVITER_SQL}
     ORDER BY i.created_at DESC LIMIT 1 FOR UPDATE`,
    [input.organizationId, email],
  );
  let id: string;
  if (open[0]) {
    // A declined one is renewed too (the inviter must not be able to tell it from an unanswered one) but stays
    // declined for the invitee, and no new mail goes out: they said no.
    id = open[0].id;
    await tx.query('UPDATE organization_invitations SET role = $2, expires_at = $3, invited_by_user_id = $4 WHERE id = $1', [
      id, input.role, expiresAt, ctx.viewer.userId,
    ]);
  } else {
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO organization_invitations (organization_id, email, role, invited_by_user_id, expires_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [input.organizationId, email, input.role, ctx.viewer.userId, expiresAt],
    );
    id = inserted[0].id;
  }
  if (open[0]?.status !== InvitationState.DECLINED) {
    // Mails per organization per day, counted once the inviter is authorized (src/accounts/sign-in-throttle.ts).
    await ctx.throttle?.throttles.invitationMail(input.organizationId);
    const [{ name }]: { name: string }[] = await tx.query('SELECT name FROM organizations WHERE id = $1', [input.organizationId]);
    await enqueueMail(tx, invitationMail(email, { organizationName: name, role: input.role, expiresAt }));
  }
  return readForInviter(tx, id);
}

/** Owners withdraw an invitation. One they may not manage, or one already accepted or revoked, is NOT_FOUND. */
export async function revokeInvitation(ctx: RequestContext, tx: EntityManager, input: OrganizationInvitationRevokeInput): Promise<OrganizationInvitation> {
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  const found: { organizationId: string }[] = isUuid(input.invitationId)
    ? await tx.query('SELECT organization_id AS "organizationId" FROM organization_invitations WHERE id = $1', [input.invitationId])
    : [];
  if (!found[0]) throw new NotFoundError('Invitation');
  // Same lock order as inviteMember (organization, then invitation). The owner check is the guard's, on the roles
  // read under that lock; an invitation the viewer may not manage is NOT_FOUND like a missing one.
  try {
    await requireOrganization(tx, ctx.viewer, found[0].organizationId, 'own');
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) throw new NotFoundError('Invitation');
    throw error;
  }
  const locked: { status: InvitationState }[] = await tx.query(
    'SELECT status FROM organization_invitations WHERE id = $1 FOR UPDATE', [input.invitationId],
  );
  const status = locked[0]?.status;
  if (status !== InvitationState.PENDING && status !== InvitationState.DECLINED) throw new NotFoundError('Invitation');
  await tx.query(`UPDATE organization_invitations SET status = '${InvitationState.REVOKED}' WHERE id = $1`, [input.invitationId]);
  return readForInviter(tx, input.invitationId);
}

/** Open and expired invitations of one organization, newest first, for its owners (the caller checks). */
function invitationsLoader(ctx: RequestContext): DataLoader<string, OrganizationInvitation[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (organizationIds: readonly string[]) => {
      const rows: InviterRow[] = await ctx.db.query(
        `SELECT ${INVITER_COLUMNS} FROM organization_invitations i
         WHERE i.organization_id = ANY($1::uuid[]) AND i.status <> '${InvitationState.ACCEPTED}' AND i.status <> '${InvitationState.REVOKED}'
           AND i.expires_at > now() - make_interval(days => ${EXPIRED_SHOWN_DAYS})
         ORDER BY i.created_at DESC, i.id`,
        [organizationIds],
      );
      return organizationIds.map((id) => rows.filter((row) => row.organizationId === id));
    });
    loaders.set(ctx, loader);
  }
  return loader;
}
const loaders = new WeakMap<RequestContext, DataLoader<string, OrganizationInvitation[]>>();

export function listOrganizationInvitations(ctx: RequestContext, organizationId: string): Promise<OrganizationInvitation[]> {
  return invitationsLoader(ctx).load(organizationId);
}

/** Open invitations addressed to the signed-in user's confirmed address. */
export async function listReceivedInvitations(ctx: RequestContext): Promise<ReceivedInvitation[]> {
  if (!ctx.viewer.userId) throw new UnauthenticatedError();
  return ctx.db.query(
    `SELECT i.id, o.name AS "organizationName", o.kind AS "organizationKind", i.role, i.expires_at AS "expiresAt", i.created_at AS "createdAt"
     FROM users u
     JOIN organization_invitations i ON i.email = u.email AND i.status = '${InvitationState.PENDING}' AND i.expires_at > now()
     JOIN organizations o ON o.id = i.organization_id
     WHERE u.id = $1 AND u.email_verified_at IS NOT NULL
     ORDER BY i.created_at DESC, i.id`,
    [ctx.viewer.userId],
  );
}

/**
 * Locks an invitation addressed to the viewer's confirmed address. Missing and addressed to someone else are
 * the same NOT_FOUND; one the invitee already answered, or that was revoked or expired, is a user error.
 */
async function lockOpenInvitationForInvitee(ctx: RequestContext, tx: EntityManager, invitationId: string) {
  if (!ctx.viewer.userId) throw new UnauthenticatedError();
  // FOR UPDATE: of two concurrent answers, the second waits and then sees the first one's status.
  const rows: { id: string; organizationId: string; role: MembershipRole; status: InvitationState; open: boolean }[] = isUuid(invitationId)
    ? await tx.query(
      `SELECT i.id, i.organization_id AS "organizationId", i.role, i.status, i.expires_at > now() AS open
       FROM organization_invitations i
       WHERE i.id = $1 AND i.email = (SELECT u.email FROM users u WHERE u.id = $2 AND u.email_verified_at IS NOT NULL)
       FOR UPDATE OF i`,
      [invitationId, ctx.viewer.userId],
    )
    : [];
  const invitation = rows[0];
  if (!invitation) throw new NotFoundError('Invitation');
  if (invitation.status !== InvitationState.PENDING || !invitation.open) {
    throw new UserInputError('INVITATION_NOT_OPEN', 'input.invitationId', 'This invitation was already answered, withdrawn, or has expired');
  }
  return invitation;
}

/**
 * Makes the viewer a member. Already a member: still one row, and the role only ever goes up (an invitation
 * never demotes; owners change roles with organizationMemberRoleSet).
 */
export async function acceptInvitation(
  ctx: RequestContext, tx: EntityManager, input: OrganizationInvitationAcceptInput,
): Promise<{ organizationId: string; role: MembershipRole }> {
  const invitation = await lockOpenInvitationForInvitee(ctx, tx, input.invitationId);
  await tx.query(
    `UPDATE organization_invitations SET status = '${InvitationState.ACCEPTED}', responded_at = now() WHERE id = $1`, [invitation.id],
  );
  await tx.query(
    `INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (organization_id, user_id) DO UPDATE SET role = EXCLUDED.role
     WHERE ${ROLE_RANK_SQL('EXCLUDED.role')} > ${ROLE_RANK_SQL('memberships.role')}`,
    [invitation.organizationId, ctx.viewer.userId, invitation.role],
  );
  const [{ role }]: { role: MembershipRole }[] = await tx.query(
    'SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2', [invitation.organizationId, ctx.viewer.userId],
  );
  ctx.viewer = ctx.viewer.withMembership(invitation.organizationId, role);
  return { organizationId: invitation.organizationId, role };
}

/** The inviter is not told (the invitation keeps reading PENDING for them until it expires). */
export async function declineInvitation(ctx: RequestContext, tx: EntityManager, input: OrganizationInvitationDeclineInput): Promise<boolean> {
  const invitation = await lockOpenInvitationForInvitee(ctx, tx, input.invitationId);
  await tx.query(
    `UPDATE organization_invitations SET status = '${InvitationState.DECLINED}', responded_at = now() WHERE id = $1`, [invitation.id],
  );
  return true;
}
