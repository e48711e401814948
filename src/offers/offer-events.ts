import type { EntityManager } from 'typeorm';
import { beforeCommit, hasCommitHooks } from '../core/transaction-hooks.js';
import { effectiveOfferStatusSql } from './offer-status.sql.js';
import { recordEvent } from '../activity/event-log.js';

// The events the offers feature records (offerPosted): a broadcast per offer posted or reopened, filtered per
// subscriber when delivered (offer-posted.ts). The event holds the offer id only: everything shown is re-read.

export const OFFER_POSTED = 'OFFER_POSTED';

export type OfferChange = 'POSTED' | 'REOPENED';

/** In offerPost's transaction. */
export function recordOfferPosted(tx: EntityManager, offerId: string): Promise<void> {
  return recordEvent(tx, { kind: OFFER_POSTED, subjectId: offerId, organizationIds: null, data: { change: 'POSTED' satisfies OfferChange } });
}

async function statusOf(tx: EntityManager, offerId: string): Promise<string | null> {
  const [row]: { status: string }[] = await tx.query(`SELECT ${effectiveOfferStatusSql('f')} AS status FROM offers f WHERE f.id = $1`, [offerId]);
  return row?.status ?? null;
}

/**
 * Call where a change may reopen an offer (offerUpdate: seats, deadline, window; a withdrawal that frees seats):
 * reads the status now and, just before commit, again; an offer that was not OPEN and now is records REOPENED.
 */
export async function watchOfferReopening(tx: EntityManager, offerId: string): Promise<void> {
  if (!hasCommitHooks(tx)) return;
  const before = await statusOf(tx, offerId);
  if (before === null || before === 'OPEN') return;
  beforeCommit(tx, async () => {
    if ((await statusOf(tx, offerId)) !== 'OPEN') return;
    await recordEvent(tx, { kind: OFFER_POSTED, subjectId: offerId, organizationIds: null, data: { change: 'REOPENED' satisfies OfferChange } });
  });
}
