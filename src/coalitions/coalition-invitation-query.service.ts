import type { RequestContext } from '../core/request-context.js';
import { pageConnection, type Page } from '../core/connection.js';
import { isUuid } from '../core/ids.js';
import { SqlParams } from '../core/sql-params.js';
import { queryPage } from '../core/page-query.js';
import { requireMembership } from '../authorization/organization-guard.js';
import { actingViewer } from '../privacy/acting-viewer.js';
import { AnonymousTokens } from '../privacy/anonymous-card.js';
import { canNameCoalitionMember } from '../privacy/coalition-visibility.js';
import { COALITION_COLUMNS, type CoalitionRow } from './coalition-row.js';
import { memberView, toCoalition } from './coalition-view.js';
import { CoalitionInvitationStatus } from './coalition.enums.js';
import type { CoalitionInvitation } from './coalition.types.js';
import { INVITATION_COLUMNS, type InvitationRow } from './coalition-invitation-row.js';

// Who sees an invitation, and what. The coalition's members see every invitation it sent (delivered or not) with
// the status the coalition may know: a decline reads PENDING until it expires. An anonymous invitee stays its
// frozen card (with a token new in every response, resolving to nothing) until it accepts and while it remains a
// member. The invited organization's members see the invitations delivered to it, with their own answer, except
// withdrawn ones, which no longer exist for them (like a random id).

/** The status the coalition may know: DECLINED is PENDING until the invitation lapses, then EXPIRED. */
export function coalitionSideStatus(status: CoalitionInvitationStatus, expired: boolean): CoalitionInvitationStatus {
  if (status === CoalitionInvitationStatus.DECLINED || status === CoalitionInvitationStatus.PENDING) {
    return expired ? CoalitionInvitationStatus.EXPIRED : CoalitionInvitationStatus.PENDING;
  }
  return status;
}

async function coalitionRows(ctx: RequestContext, ids: string[]): Promise<Map<string, CoalitionRow>> {
  const rows: CoalitionRow[] = await ctx.db.query(`SELECT ${COALITION_COLUMNS} FROM coalitions c WHERE c.id = ANY($1::uuid[])`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Is this one of the viewer's organizations' received invitations? Withdrawn ones no longer exist for them. */
function receivedBy(ctx: RequestContext, row: InvitationRow): boolean {
  return row.delivered && row.status !== CoalitionInvitationStatus.WITHDRAWN && ctx.viewer.isMemberOf(row.organizationId);
}

/** Projects rows for the viewer; rows it may not see are left out (null). */
async function project(ctx: RequestContext, rows: InvitationRow[], known?: CoalitionRow): Promise<(CoalitionInvitation | null)[]> {
  // A coalition row the caller holds already is used as it is (its member view is built once per row and viewer).
  const coalitions = known ? new Map([[known.id, known]]) : await coalitionRows(ctx, rows.map((r) => r.coalitionId));
  const tokens = new AnonymousTokens();
  const acting = actingViewer(ctx.viewer);
  return Promise.all(rows.map(async (row) => {
    const coalition = coalitions.get(row.coalitionId);
    if (!coalition) return null;
    const view = await memberView(ctx, coalition);
    const invitee = view.insider ? 'coalition' : receivedBy(ctx, row) ? 'invitee' : null;
    if (!invitee) return null;
    const [inviteeRecord, inviterRecord] = await ctx.loaders.coalitionOrganizationRecords.loadMany([row.organizationId, row.invitedByOrganizationId ?? row.organizationId]);
    const record = inviteeRecord instanceof Error ? null : inviteeRecord;
    let named: boolean;
    if (invitee === 'invitee') named = true;
    else if (row.anonymous) named = row.status === CoalitionInvitationStatus.ACCEPTED && view.participant(row.organizationId) !== undefined;
    else named = record !== null && (acting.canName(record) || view.participant(row.organizationId) !== undefined);
    const inviter = inviterRecord instanceof Error || !row.invitedByOrganizationId ? null : inviterRecord;
    const inviterMember = view.members.find((m) => m.organizationId === row.invitedByOrganizationId);
    const inviterNamed = inviter !== null && (view.insider
      ? acting.canName(inviter) || inviterMember !== undefined
      : inviterMember !== undefined && canNameCoalitionMember(ctx.viewer, false, inviterMember));
    return {
      id: row.id,
      coalition: toCoalition(coalition),
      invitee: {
        organization: named ? record : null,
        anonymous: !named && row.anonymousCard ? { ...row.anonymousCard, token: tokens.tokenFor(row.id) } as never : null,
      },
      invitedBy: inviterNamed ? inviter : null,
      categoryId: row.categoryId,
      message: row.message,
      status: invitee === 'coalition' ? coalitionSideStatus(row.status, row.expired)
        : row.status === CoalitionInvitationStatus.PENDING && row.expired ? CoalitionInvitationStatus.EXPIRED : row.status,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    };
  }));
}

export async function readInvitation(ctx: RequestContext, id: string): Promise<CoalitionInvitation | null> {
  if (!isUuid(id)) return null;
  const rows: InvitationRow[] = await ctx.db.query(`SELECT ${INVITATION_COLUMNS} FROM coalition_invitations i WHERE i.id = $1`, [id]);
  return (await project(ctx, rows))[0] ?? null;
}

export async function readInvitations(ctx: RequestContext, ids: string[]): Promise<CoalitionInvitation[]> {
  if (ids.length === 0) return [];
  const rows: InvitationRow[] = await ctx.db.query(`SELECT ${INVITATION_COLUMNS} FROM coalition_invitations i WHERE i.id = ANY($1::uuid[]) ORDER BY i.created_at, i.id`, [ids]);
  return (await project(ctx, rows)).filter((x) => x !== null);
}

/**
 * The coalition's invitations, newest first (the caller checked the viewer is an insider), through the request's
 * batch of invitation pages: a list of coalitions with their invitations costs the same statements for 5 as for 25.
 */
export async function listCoalitionInvitations(ctx: RequestContext, coalition: CoalitionRow, page: Page, status?: CoalitionInvitationStatus) {
  const { rows, total } = await ctx.loaders.coalitionInvitationPages.load({ coalitionId: coalition.id, limit: page.limit, offset: page.offset, status: status ?? null });
  const hasNextPage = rows.length > page.limit;
  const nodes = (await project(ctx, hasNextPage ? rows.slice(0, page.limit) : rows, coalition)).filter((x) => x !== null);
  return pageConnection(nodes, page, hasNextPage, async () => total);
}

/** Invitations delivered to an organization the viewer belongs to, newest first. */
export async function listReceivedInvitations(ctx: RequestContext, organizationId: string, page: Page, status?: CoalitionInvitationStatus) {
  const orgId = await requireMembership(ctx.db, ctx.viewer, organizationId, 'Only members of the organization can see its invitations');
  const params = new SqlParams();
  let where = `i.organization_id = ${params.add(orgId)} AND i.delivered AND i.status <> 'WITHDRAWN'`;
  if (status) {
    where += ` AND (CASE WHEN i.status = 'PENDING' AND i.expires_at <= now() THEN 'EXPIRED' ELSE i.status END) = ${params.add(status)}`;
  }
  return queryPage(ctx.db, { columns: INVITATION_COLUMNS, from: 'coalition_invitations i', where, orderBy: 'i.created_at DESC, i.id', params }, page,
    async (rows: InvitationRow[]) => (await project(ctx, rows)).filter((x) => x !== null));
}
