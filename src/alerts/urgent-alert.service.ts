import type { EntityManager } from 'typeorm';
import { NeedStatus } from '../core/enums.js';
import { UnauthenticatedError, UserInputError } from '../core/errors.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import { requireChild } from '../capabilities/capability.service.js';
import { shownPosition } from '../privacy/alert-audience.js';
import type { Precision } from '../privacy/location-rules.js';
import { recordEvent } from '../activity/event-log.js';
import { urgentRecipientsSql } from './urgent-alert-recipients.sql.js';
import { URGENT_ALERT_WINDOW, URGENT_ALERTS_PER_DAY, URGENT_PRIORITIES } from './urgent-alert.rules.js';
import type { NeedMarkUrgentInput } from './urgent-alert.inputs.js';

/** The kind of the event each urgent marking records (one event, addressed to every recipient organization). */
export const URGENT_NEED_EVENT = 'URGENT_NEED';

interface NeedToMark {
  organizationId: string;
  skillId: string;
  categoryId: string;
  priority: string;
  status: string;
  remoteOk: boolean;
  urgent: boolean;
  visibility: string;
  anonymousSuggestions: boolean;
  locationPrecision: Precision;
  publicLatitude: number | null;
  publicLongitude: number | null;
}

export interface MarkedUrgent {
  needId: string;
  organizationId: string;
  alertId: string;
  /** Urgent markings this organization has left in the current 24-hour window. */
  remaining: number;
}

function refuse(code: string, message: string): never {
  throw new UserInputError(code, 'input.needId', message);
}

/**
 * Marks an open HIGH or CRITICAL need urgent and addresses an alert to the organizations that can help
 * (urgent-alert-recipients.sql.ts), in one transaction. The limit is counted under the organization's row lock
 * (requireChild -> requireOrganization locks it FOR UPDATE), and in READ COMMITTED the count, a statement issued
 * after the lock was granted, sees every marking committed before: concurrent markings of one organization
 * serialize there, so no burst can pass the limit.
 */
export async function markNeedUrgent(ctx: RequestContext, tx: EntityManager, input: NeedMarkUrgentInput): Promise<MarkedUrgent> {
  // Signed in first: otherwise "who may not" (UNAUTHENTICATED) would differ between a need that exists and one that does not.
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  const organizationId = await requireChild(ctx, tx, 'needs', input.needId);
  const [need]: NeedToMark[] = await tx.query(
    `SELECT n.organization_id AS "organizationId", n.skill_id AS "skillId", s.category_id AS "categoryId", n.priority,
       n.status, n.remote_ok AS "remoteOk", n.urgent_at IS NOT NULL AS urgent, o.visibility,
       o.anonymous_suggestions AS "anonymousSuggestions", o.location_precision AS "locationPrecision",
       o.public_latitude AS "publicLatitude", o.public_longitude AS "publicLongitude"
     FROM needs n JOIN skills s ON s.id = n.skill_id JOIN organizations o ON o.id = n.organization_id
     WHERE n.id = $1`,
    [input.needId],
  );
  if (need.status !== NeedStatus.OPEN) refuse('NEED_NOT_OPEN', 'Only an open need can be marked urgent');
  if (!URGENT_PRIORITIES.includes(need.priority as never)) refuse('PRIORITY_TOO_LOW', 'Only a HIGH or CRITICAL need can be marked urgent');
  if (need.urgent) refuse('ALREADY_URGENT', 'This need is already marked urgent');
  // A PRIVATE organization reaches others only as an anonymous card, which it must have opted in to.
  const named = need.visibility !== 'PRIVATE';
  if (!named && !need.anonymousSuggestions) {
    refuse('ANONYMOUS_SUGGESTIONS_OFF', 'A PRIVATE organization\'s urgent needs reach others only as an anonymous card: turn on anonymousSuggestions first');
  }
  const [{ used, nextAt }]: { used: number; nextAt: Date | null }[] = await tx.query(
    `SELECT count(*)::int AS used, min(created_at) + $2::interval AS "nextAt" FROM urgent_alerts
     WHERE organization_id = $1 AND created_at > now() - $2::interval`,
    [organizationId, URGENT_ALERT_WINDOW],
  );
  if (used >= URGENT_ALERTS_PER_DAY) {
    refuse('URGENT_LIMIT_REACHED', `An organization can mark at most ${URGENT_ALERTS_PER_DAY} needs urgent in 24 hours; `
      + `the next one is possible after ${new Date(nextAt!).toISOString()}`);
  }
  const [alert]: { id: string; createdAt: Date }[] = await tx.query(
    `INSERT INTO urgent_alerts (need_id, organization_id, marked_by_user_id) VALUES ($1, $2, $3) RETURNING id, created_at AS "createdAt"`,
    [input.needId, organizationId, ctx.viewer.userId],
  );
  await tx.query('UPDATE needs SET urgent_at = $2 WHERE id = $1', [input.needId, alert.createdAt]);
  const params = new SqlParams();
  const alertParam = params.add(alert.id);
  const createdParam = params.add(alert.createdAt);
  const recipients = urgentRecipientsSql(params, need, shownPosition(need, named));
  const addressed: { organizationId: string }[] = await tx.query(
    `INSERT INTO urgent_alert_recipients (alert_id, organization_id, created_at)
     SELECT ${alertParam}::uuid, r.id, ${createdParam}::timestamptz FROM (${recipients}) r
     RETURNING organization_id AS "organizationId"`,
    params.values,
  );
  if (addressed.length) {
    await recordEvent(tx, {
      kind: URGENT_NEED_EVENT, subjectId: alert.id, organizationIds: addressed.map((r) => r.organizationId), data: {},
    });
  }
  return { needId: input.needId, organizationId, alertId: alert.id, remaining: URGENT_ALERTS_PER_DAY - used - 1 };
}
