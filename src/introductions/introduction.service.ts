import type { EntityManager } from 'typeorm';
import type { Visibility } from '../core/enums.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { NotFoundError, UserInputError } from '../core/errors.js';
import { actingViewer } from '../privacy/acting-viewer.js';
import { requireOrganization } from '../authorization/organization-guard.js';
import { recordCollaboration } from './collaboration.service.js';
import { lockIntroduction } from './introduction-access.js';
import { lapsedSql } from './introduction-status.sql.js';
import type { IntroductionRow } from './introduction-view.js';
import { CollaborationSource, INTRODUCTION_TTL_DAYS, IntroductionStatus } from './introduction.enums.js';
import type { RequestIntroductionInput, RespondToIntroductionInput, WithdrawIntroductionInput } from './introduction.inputs.js';
import { recordIntroductionEvent } from '../activity/inbox-events.js';

// The life cycle of an introduction: PENDING -> ACCEPTED | DECLINED | WITHDRAWN, or EXPIRED by time alone.
// Each function runs inside runMutation's transaction and returns the id of the introduction it touched.

interface PartyRow {
  id: string;
  visibility: Visibility;
  kind: string;
  dealbreakerKinds: string[];
}

function assertPending(row: IntroductionRow): void {
  if (row.status !== IntroductionStatus.PENDING) {
    throw new UserInputError('INVALID_STATE', 'input.introductionId', `This introduction is ${row.status.toLowerCase()}, no longer pending`);
  }
}

export async function requestIntroduction(ctx: RequestContext, tx: EntityManager, input: RequestIntroductionInput): Promise<string> {
  // Locks the requesting organization's row (concurrent requests from it serialize) and checks the viewer's role
  // in it as it stands under that lock.
  const from = await requireOrganization(tx, ctx.viewer, input.fromOrganizationId, 'edit');
  const toId = isUuid(input.toOrganizationId) ? input.toOrganizationId.toLowerCase() : null;
  if (toId === from.id) {
    throw new UserInputError('SAME_ORGANIZATION', 'input.toOrganizationId', 'An organization cannot ask to be introduced to itself');
  }
  const [target] = toId ? await partyRows(tx, [toId]) : [];
  // Same answer for a hidden organization as for a missing one: no existence oracle for PRIVATE profiles.
  if (!target || !actingViewer(from.viewer).canName(target)) throw new NotFoundError('Organization');
  return insertIntroduction(tx, ctx.viewer.userId, from.id, target.id, input.message, input.reasons ?? []);
}

async function partyRows(tx: EntityManager, ids: string[]): Promise<PartyRow[]> {
  return tx.query(`SELECT id, visibility, kind, dealbreaker_kinds AS "dealbreakerKinds" FROM organizations WHERE id = ANY($1::uuid[])`, [ids]);
}

/**
 * Stores a request from one organization to another that the caller has already judged it may ask (by name, or
 * through a meeting both attended: events/meeting-answers.service.ts), with the requesting organization locked.
 */
export async function insertIntroduction(
  tx: EntityManager, userId: string | null, fromId: string, toId: string, message: string, rawReasons: string[],
): Promise<string> {
  const parties = await partyRows(tx, [fromId, toId]);
  const source = parties.find((p) => p.id === fromId)!;
  const target = parties.find((p) => p.id === toId)!;
  // The requester's own dealbreakers: saying so tells the requester only what it set itself.
  if (source.dealbreakerKinds.includes(target.kind)) {
    throw new UserInputError('NOT_ACCEPTED', 'input.toOrganizationId',
      "Your organization's own dealbreakers exclude this kind of organization");
  }
  // The target's dealbreakers act without telling whose they are: the request is stored and answered exactly
  // like any other (PENDING, then EXPIRED if unanswered) but never delivered to the organization asked.
  const delivered = !target.dealbreakerKinds.includes(source.kind);
  // An expired request still holds the pending-pair key; retire it so it does not block a new one.
  await tx.query(
    `UPDATE introductions SET status = 'EXPIRED'
     WHERE from_organization_id = $1 AND to_organization_id = $2 AND ${lapsedSql('introductions')}`,
    [fromId, toId],
  );
  const reasons = rawReasons.map((r) => r.trim()).filter((r) => r.length > 0);
  // A second pending request for the pair violates introductions_pending_pair_key: TAKEN (see core/run-mutation.ts).
  const [row]: { id: string }[] = await tx.query(
    `INSERT INTO introductions (from_organization_id, to_organization_id, requested_by_user_id, message, reasons, expires_at, delivered)
     VALUES ($1, $2, $3, $4, $5::jsonb, now() + make_interval(days => $6), $7) RETURNING id`,
    [fromId, toId, userId, message.trim(), JSON.stringify(reasons), INTRODUCTION_TTL_DAYS, delivered],
  );
  // Pushed to the organization asked (inboxUpdated) once this commits; an undelivered request reaches nobody.
  await recordIntroductionEvent(tx, 'RECEIVED', { id: row.id, fromOrganizationId: fromId, toOrganizationId: toId, delivered });
  return row.id;
}

export async function respondToIntroduction(ctx: RequestContext, tx: EntityManager, input: RespondToIntroductionInput): Promise<string> {
  const intro = await lockIntroduction(ctx, tx, input.introductionId, 'to');
  assertPending(intro);
  const status = input.accept ? IntroductionStatus.ACCEPTED : IntroductionStatus.DECLINED;
  await tx.query('UPDATE introductions SET status = $2, responded_at = now() WHERE id = $1', [intro.id, status]);
  if (input.accept) {
    await recordCollaboration(tx, intro.fromOrganizationId, intro.toOrganizationId, CollaborationSource.INTRODUCTION, intro.id);
  }
  await recordIntroductionEvent(tx, input.accept ? 'ACCEPTED' : 'DECLINED', intro); // to the requester only
  return intro.id;
}

export async function withdrawIntroduction(ctx: RequestContext, tx: EntityManager, input: WithdrawIntroductionInput): Promise<string> {
  const intro = await lockIntroduction(ctx, tx, input.introductionId, 'from');
  assertPending(intro);
  await tx.query(`UPDATE introductions SET status = 'WITHDRAWN' WHERE id = $1`, [intro.id]);
  await recordIntroductionEvent(tx, 'WITHDRAWN', intro);
  return intro.id;
}
