import type { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError, UserInputError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import type { Viewer } from '../core/viewer.js';
import { lockExchange, requireOrganization, type ExchangeLock } from '../authorization/organization-guard.js';
import { actingViewer } from '../privacy/acting-viewer.js';
import { GRANT_OPEN_SQL, VOUCH_REQUEST_FROM } from '../privacy/vouch-request-grant.js';
import type { VouchRequestAnswerInput, VouchRequestInput } from './vouch-request.inputs.js';

// Asking for a vouch, declining and withdrawing. Each runs inside runMutation's transaction and returns the request
// id. The grant these rows make (who sees the group) is the privacy policy's: privacy/vouch-request-grant.ts.

/** A request after a change, with the group whose members read it back. */
export interface AnsweredRequest {
  id: string;
  groupId: string;
}

/** Pending requests a group may have at once: enough to ask a few partners, too few to canvass the network. */
export const MAX_PENDING_VOUCH_REQUESTS = 3;
/** After a decline, the same organization cannot be asked again for this long. */
export const DECLINE_COOL_DOWN_DAYS = 30;

/**
 * The group's row is locked first (requireOrganization: roles read fresh under the lock), so two requests of one
 * group serialize: the pending count and the duplicate check below see every earlier request, and the limit holds
 * under any race (the partial unique index vouch_requests_pending_pair_key stays the backstop for duplicates).
 */
export async function createVouchRequest(ctx: RequestContext, tx: EntityManager, input: VouchRequestInput): Promise<AnsweredRequest> {
  const group = await requireOrganization(tx, ctx.viewer, input.organizationId, 'edit');
  const voucherId = isUuid(input.voucherOrganizationId) ? input.voucherOrganizationId.toLowerCase() : null;
  const rows: { id: string; visibility: string; verified: boolean }[] = voucherId
    ? await tx.query('SELECT id, visibility, verified FROM organizations WHERE id = $1', [voucherId])
    : [];
  // Only organizations the group may name already: any other id answers exactly like a random one.
  const voucher = rows[0];
  if (!voucher || !actingViewer(group.viewer).canName(voucher)) throw new NotFoundError('Organization');
  if (voucher.id === group.id) throw new UserInputError('SAME_ORGANIZATION', 'input.voucherOrganizationId', 'An organization cannot vouch for itself');
  if (!voucher.verified) throw new UserInputError('NOT_VERIFIED', 'input.voucherOrganizationId', 'Only verified organizations can vouch for others');
  if (group.viewer.isMemberOf(voucher.id)) {
    throw new UserInputError('CONFLICT_OF_INTEREST', 'input.voucherOrganizationId', 'You belong to this organization: ask one you do not belong to');
  }
  const [state]: { pending: number; samePending: boolean; vouched: boolean; recentlyDeclined: boolean }[] = await tx.query(
    `SELECT count(*) FILTER (WHERE r.status = 'PENDING')::int AS pending,
       bool_or(r.status = 'PENDING' AND r.voucher_organization_id = $2) IS TRUE AS "samePending",
       bool_or(r.status = 'DECLINED' AND r.voucher_organization_id = $2 AND r.answered_at > now() - make_interval(days => $3)) IS TRUE AS "recentlyDeclined",
       EXISTS (SELECT 1 FROM vouches v WHERE v.voucher_organization_id = $2 AND v.vouchee_organization_id = $1 AND v.withdrawn_at IS NULL) AS vouched
     FROM vouch_requests r WHERE r.organization_id = $1`,
    [group.id, voucher.id, DECLINE_COOL_DOWN_DAYS],
  );
  if (state.vouched) throw new UserInputError('ALREADY_VOUCHED', 'input.voucherOrganizationId', 'This organization already vouches for yours');
  if (state.samePending) throw new UserInputError('ALREADY_REQUESTED', 'input.voucherOrganizationId', 'A request to this organization is already pending');
  if (state.recentlyDeclined) {
    throw new UserInputError('RECENTLY_DECLINED', 'input.voucherOrganizationId', `This organization declined less than ${DECLINE_COOL_DOWN_DAYS} days ago`);
  }
  if (state.pending >= MAX_PENDING_VOUCH_REQUESTS) {
    throw new UserInputError('TOO_MANY_PENDING', 'input.organizationId', `At most ${MAX_PENDING_VOUCH_REQUESTS} requests may be pending at once: withdraw one or wait for an answer`);
  }
  const [row]: { id: string }[] = await tx.query(
    `INSERT INTO vouch_requests (organization_id, voucher_organization_id, message, requested_by_user_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [group.id, voucher.id, input.message.trim(), ctx.viewer.userId],
  );
  return { id: row.id, groupId: group.id };
}

interface LockedRequest {
  id: string;
  groupId: string;
  voucherId: string;
  status: string;
  open: boolean;
}

const REQUEST_LOCK: ExchangeLock<LockedRequest> = {
  what: 'Vouch request',
  sidesSql: 'SELECT organization_id AS "fromId", voucher_organization_id AS "toId" FROM vouch_requests WHERE id = $1',
  lockRowSql: `SELECT r.id, r.organization_id AS "groupId", r.voucher_organization_id AS "voucherId", r.status, ${GRANT_OPEN_SQL} AS open
    FROM ${VOUCH_REQUEST_FROM} WHERE r.id = $1 FOR UPDATE OF r`,
  // The group always sees its request; the asked organization only while the grant lasts (after that, NOT_FOUND).
  sidesOf: (row) => ({ fromId: row.groupId, toId: row.voucherId, delivered: row.open }),
};

/** Both organizations are locked, then the request row, so a decline, a withdrawal and a vouch serialize. */
async function answer(ctx: RequestContext, tx: EntityManager, id: string, side: 'groupId' | 'voucherId', status: 'DECLINED' | 'WITHDRAWN'): Promise<AnsweredRequest> {
  const { row, viewer } = await lockExchange(tx, ctx.viewer, id, REQUEST_LOCK);
  requireEditor(viewer, row[side], side === 'groupId' ? 'Only owners and editors of the group can withdraw its request' : 'Only owners and editors of the asked organization can decline');
  if (row.status !== 'PENDING') throw new UserInputError('NOT_PENDING', 'input.vouchRequestId', 'This request is no longer pending');
  await tx.query('UPDATE vouch_requests SET status = $2, answered_at = now() WHERE id = $1', [row.id, status]);
  return { id: row.id, groupId: row.groupId };
}

function requireEditor(viewer: Viewer, organizationId: string, message: string): void {
  if (!viewer.canEdit(organizationId)) throw new ForbiddenError(message);
}

/** The asked organization declines: the group sees DECLINED only, and the grant ends with this commit. */
export function declineVouchRequest(ctx: RequestContext, tx: EntityManager, input: VouchRequestAnswerInput): Promise<AnsweredRequest> {
  return answer(ctx, tx, input.vouchRequestId, 'voucherId', 'DECLINED');
}

/** The group takes its request back: the asked organization no longer sees it, nor the group through it. */
export function withdrawVouchRequest(ctx: RequestContext, tx: EntityManager, input: VouchRequestAnswerInput): Promise<AnsweredRequest> {
  return answer(ctx, tx, input.vouchRequestId, 'groupId', 'WITHDRAWN');
}

/**
 * A vouch answers the group's pending request to that voucher, if there is one. Called by createVouch with the
 * voucher locked, which every change of a request also takes, so the request read here is current.
 */
export async function markRequestVouched(tx: EntityManager, groupId: string, voucherId: string, vouchId: string): Promise<string | null> {
  // An UPDATE ... RETURNING answers [rows, affected] through TypeORM.
  const [rows]: [{ id: string }[], number] = await tx.query(
    `UPDATE vouch_requests SET status = 'VOUCHED', vouch_id = $3, answered_at = now()
     WHERE organization_id = $1 AND voucher_organization_id = $2 AND status = 'PENDING' RETURNING id`,
    [groupId, voucherId, vouchId],
  );
  return rows[0]?.id ?? null;
}
