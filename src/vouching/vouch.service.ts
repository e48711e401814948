import type { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError, UnauthenticatedError, UserInputError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { lockOrganizations, requireOrganization } from '../authorization/organization-guard.js';
import { actingViewer } from '../privacy/acting-viewer.js';
import { isRevealedByRequest } from '../privacy/vouch-request-grant.js';
import { markRequestVouched } from './vouch-request.service.js';
import type { VouchCreateInput, VouchWithdrawInput } from './vouch.inputs.js';
import { recordVouchEvent } from './vouch-events.js';

// Giving and withdrawing vouches. Each runs inside runMutation's transaction and returns the vouch's id and the
// organization vouched for. The badge is derived on read (vouch.loaders.ts), so nothing here keeps a count.

export interface VouchChange {
  vouchId: string;
  organizationId: string;
  /** The group's pending request this vouch answered, read back for the voucher (vouch-request.service.ts). */
  vouchRequestId?: string | null;
  voucherId?: string;
}

/**
 * The voucher's row is locked first (requireOrganization: roles read fresh under the lock), so two vouches from
 * one organization serialize and the second sees the first: ALREADY_VOUCHED, never two active rows (the partial
 * unique index vouches_active_pair_key stays the backstop). Verification is read under the same lock: an admin
 * revoking it concurrently either waits for this vouch (which then stops counting) or is seen here.
 */
export async function createVouch(ctx: RequestContext, tx: EntityManager, input: VouchCreateInput): Promise<VouchChange> {
  // Both rows first, in id order, as every change of a vouch request locks them (lockExchange): otherwise the vouch's
  // foreign key would wait for the group's row while a decline holding it waits for the voucher's (a deadlock).
  if (ctx.viewer.signedIn) await lockOrganizations(tx, ctx.viewer, [input.voucherOrganizationId, input.organizationId]);
  const voucher = await requireOrganization(tx, ctx.viewer, input.voucherOrganizationId, 'edit');
  const targetId = isUuid(input.organizationId) ? input.organizationId.toLowerCase() : null;
  const rows: { id: string; visibility: string; verified: boolean }[] = targetId
    ? await tx.query('SELECT id, visibility, verified FROM organizations WHERE id = ANY($1::uuid[])', [[voucher.id, targetId]])
    : [];
  const target = rows.find((row) => row.id === targetId);
  // A hidden organization answers exactly like a missing one. Acting for the voucher: no admin rights here. A group
  // that asked this voucher for a vouch is revealed to it by its request (privacy/vouch-request-grant.ts).
  if (!target) throw new NotFoundError('Organization');
  if (!actingViewer(voucher.viewer).canName(target) && !(await isRevealedByRequest(tx, target.id, voucher.id))) throw new NotFoundError('Organization');
  if (target.id === voucher.id) {
    throw new UserInputError('SAME_ORGANIZATION', 'input.organizationId', 'An organization cannot vouch for itself');
  }
  if (!rows.find((row) => row.id === voucher.id)!.verified) {
    throw new UserInputError('NOT_VERIFIED', 'input.voucherOrganizationId', 'Only verified organizations can vouch for others');
  }
  // Vouching is a word given by others: someone who belongs to the group cannot vouch for it through another one.
  if (voucher.viewer.isMemberOf(target.id)) {
    throw new UserInputError('CONFLICT_OF_INTEREST', 'input.organizationId', 'You belong to this organization: people of other organizations must vouch for it');
  }
  const active: unknown[] = await tx.query(
    'SELECT 1 FROM vouches WHERE voucher_organization_id = $1 AND vouchee_organization_id = $2 AND withdrawn_at IS NULL',
    [voucher.id, target.id],
  );
  if (active.length > 0) {
    throw new UserInputError('ALREADY_VOUCHED', 'input.organizationId', 'Your organization already vouches for this organization');
  }
  const [row]: { id: string }[] = await tx.query(
    `INSERT INTO vouches (voucher_organization_id, vouchee_organization_id, statement, vouched_by_user_id)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [voucher.id, target.id, input.statement.trim(), ctx.viewer.userId],
  );
  await recordVouchEvent(tx, 'GIVEN', { vouchId: row.id, organizationId: target.id });
  const vouchRequestId = await markRequestVouched(tx, target.id, voucher.id, row.id);
  return { vouchId: row.id, organizationId: target.id, vouchRequestId, voucherId: voucher.id };
}

/**
 * Withdrawing is the voucher's: its owners and editors. The voucher's row is locked (fresh roles), then the vouch
 * row, so a concurrent second withdrawal waits and then sees ALREADY_WITHDRAWN. Anyone who is not a member of the
 * voucher gets NOT_FOUND, like for a random id: a vouch id tells nobody else anything.
 */
export async function withdrawVouch(ctx: RequestContext, tx: EntityManager, input: VouchWithdrawInput): Promise<VouchChange> {
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  const sides: { voucherId: string }[] = isUuid(input.vouchId)
    ? await tx.query('SELECT voucher_organization_id AS "voucherId" FROM vouches WHERE id = $1', [input.vouchId])
    : [];
  if (!sides[0]) throw new NotFoundError('Vouch');
  const { viewer } = await lockOrganizations(tx, ctx.viewer, [sides[0].voucherId]);
  if (!viewer.isMemberOf(sides[0].voucherId)) throw new NotFoundError('Vouch');
  if (!viewer.canEdit(sides[0].voucherId)) throw new ForbiddenError('Only owners and editors of the vouching organization can withdraw it');
  const [row]: { id: string; voucheeId: string; withdrawnAt: Date | null }[] = await tx.query(
    'SELECT id, vouchee_organization_id AS "voucheeId", withdrawn_at AS "withdrawnAt" FROM vouches WHERE id = $1 FOR UPDATE',
    [input.vouchId],
  );
  if (row.withdrawnAt) throw new UserInputError('ALREADY_WITHDRAWN', 'input.vouchId', 'This vouch was already withdrawn');
  await tx.query('UPDATE vouches SET withdrawn_at = now() WHERE id = $1', [row.id]);
  await recordVouchEvent(tx, 'WITHDRAWN', { vouchId: row.id, organizationId: row.voucheeId });
  return { vouchId: row.id, organizationId: row.voucheeId };
}
