import type { EntityManager } from 'typeorm';
import { recordEvent } from '../activity/event-log.js';

// The events vouching records (coalitionUpdated delivers them): a vouch given or withdrawn, addressed to the vouched
// organization. Delivered only where the queries would show the vouch (both organizations visible to the
// subscriber, privacy/vouch-visibility.ts), so a hidden voucher's vouch is not announced, nor its time.

export const VOUCH_EVENT = 'VOUCH';

export type VouchChangeKind = 'GIVEN' | 'WITHDRAWN';

export interface VouchEventData extends Record<string, unknown> {
  change: VouchChangeKind;
}

/** In the vouch's transaction. */
export function recordVouchEvent(tx: EntityManager, change: VouchChangeKind, vouch: { vouchId: string; organizationId: string }): Promise<void> {
  const data: VouchEventData = { change };
  return recordEvent(tx, { kind: VOUCH_EVENT, subjectId: vouch.vouchId, organizationIds: [vouch.organizationId], data });
}
