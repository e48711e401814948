import type { RequestContext } from '../core/request-context.js';
import type { StoredEvent } from '../activity/event-log.js';
import { VOUCH_COLUMNS, VOUCH_FROM, toVouches, type VouchRow } from '../vouching/vouch-view.js';
import { VOUCH_EVENT, type VouchEventData } from '../vouching/vouch-events.js';
import type { CoalitionEventData } from './coalition-events.js';
import { readInvitation } from './coalition-invitation-query.service.js';
import { readCoalition } from './coalition-query.service.js';
import { CoalitionChangeKind, type CoalitionEvent } from './coalition-live.types.js';
import { readProposal } from './proposal-query.service.js';

// coalitionUpdated, per subscriber (a viewer following one of its organizations) and event: the payload as the
// queries show it to this viewer now, or nothing. The organization followed must stand in the relation the event
// is for, checked here again from the rows (not from the event): a current member for the coalition's side, the
// invited organization for its invitation, the applicant for its application, the vouched organization for a
// vouch. So a decline reaches only the organization that declined, and a misaddressed event reaches nobody.

type Base = Pick<CoalitionEvent, 'cursor' | 'occurredAt' | 'subjectId'>;
const EMPTY = { coalition: null, invitation: null, proposal: null, vouch: null };

async function isCurrentMember(ctx: RequestContext, coalitionId: string, organizationId: string): Promise<boolean> {
  const rows: unknown[] = await ctx.db.query(
    'SELECT 1 FROM coalition_members WHERE coalition_id = $1 AND organization_id = $2 AND left_at IS NULL', [coalitionId, organizationId],
  );
  return rows.length > 0;
}

async function projectInvitation(ctx: RequestContext, base: Base, change: CoalitionChangeKind, organizationId: string): Promise<CoalitionEvent | null> {
  const [row]: { coalitionId: string; organizationId: string; delivered: boolean }[] = await ctx.db.query(
    'SELECT coalition_id AS "coalitionId", organization_id AS "organizationId", delivered FROM coalition_invitations WHERE id = $1', [base.subjectId],
  );
  if (!row) return null;
  const invited = row.delivered && row.organizationId === organizationId;
  const member = await isCurrentMember(ctx, row.coalitionId, organizationId);
  const forInvitee = change === CoalitionChangeKind.INVITATION_RECEIVED || change === CoalitionChangeKind.INVITATION_DECLINED;
  if (forInvitee ? !invited : !member && !(change === CoalitionChangeKind.INVITATION_WITHDRAWN && invited)) return null;
  if (change === CoalitionChangeKind.INVITATION_WITHDRAWN && !member) {
    // The invited organization: the id of the invitation it may have seen, nothing about the coalition.
    return { ...base, change, ...EMPTY };
  }
  const invitation = await readInvitation(ctx, base.subjectId);
  if (!invitation) return null;
  return { ...base, change, ...EMPTY, invitation, coalition: await readCoalition(ctx, row.coalitionId) };
}

async function projectProposal(ctx: RequestContext, base: Base, change: CoalitionChangeKind, organizationId: string): Promise<CoalitionEvent | null> {
  const proposal = await readProposal(ctx, base.subjectId);
  if (!proposal) return null;
  const applicant = proposal.kind === 'ADMIT_MEMBER' && proposal.row.subjectOrganizationId === organizationId;
  if (!applicant && !(await isCurrentMember(ctx, proposal.coalitionId, organizationId))) return null;
  return { ...base, change, ...EMPTY, proposal, coalition: await readCoalition(ctx, proposal.coalitionId) };
}

async function projectVouch(ctx: RequestContext, base: Base, data: VouchEventData, organizationId: string): Promise<CoalitionEvent | null> {
  const rows: VouchRow[] = await ctx.db.query(
    `SELECT ${VOUCH_COLUMNS} FROM ${VOUCH_FROM} WHERE v.id = $1 AND v.vouchee_organization_id = $2`, [base.subjectId, organizationId],
  );
  // Both organizations visible to the viewer, as in vouches(organizationId); otherwise not announced at all.
  const [vouch] = await toVouches(ctx, rows);
  if (!vouch) return null;
  const change = data.change === 'GIVEN' ? CoalitionChangeKind.VOUCH_GIVEN : CoalitionChangeKind.VOUCH_WITHDRAWN;
  return { ...base, change, ...EMPTY, vouch: vouch.withdrawnAt ? null : vouch };
}

export async function projectCoalitionEvent(event: StoredEvent, ctx: RequestContext, organizationId: string): Promise<CoalitionEvent | null> {
  if (!event.organizationIds?.includes(organizationId)) return null;
  const base: Base = { cursor: event.cursor, occurredAt: new Date(event.occurredAt), subjectId: event.subjectId };
  if (event.kind === VOUCH_EVENT) return projectVouch(ctx, base, event.data as VouchEventData, organizationId);
  const change = (event.data as CoalitionEventData).change as CoalitionChangeKind;
  if (change.startsWith('INVITATION_')) return projectInvitation(ctx, base, change, organizationId);
  return projectProposal(ctx, base, change, organizationId);
}
