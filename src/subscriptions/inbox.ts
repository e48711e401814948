import type { RequestContext } from '../core/request-context.js';
import { INTRODUCTION_COLUMNS, introductionsOfSql, toIntroductions, type IntroductionRow } from '../introductions/introduction-view.js';
import { OFFER_REQUEST_COLUMNS, OFFER_REQUEST_FROM, toOfferRequests, type OfferRequestRow } from '../offers/offer-request-view.js';
import type { StoredEvent } from '../activity/event-log.js';
import type { InboxEventData } from '../activity/inbox-events.js';
import type { InboxEvent } from './subscription.types.js';

// inboxUpdated, per subscriber and event: the introduction or offer request as the organization's own lists show it
// to this viewer (introductions(organizationId), offerRequests(organizationId)), or nothing. Reads are restricted to
// the organization's side of the exchange, exactly like those lists, so an event reaches nobody else even if it
// were misaddressed, and a decline reaches the requester only.

export async function projectInbox(event: StoredEvent, ctx: RequestContext, organizationId: string): Promise<InboxEvent | null> {
  const data = event.data as InboxEventData;
  if (!event.organizationIds?.includes(organizationId)) return null;
  if (data.change === 'DECLINED' && data.requesterId !== organizationId) return null;
  const base = { cursor: event.cursor, occurredAt: new Date(event.occurredAt), change: data.change, introduction: null, offerRequest: null };
  if (data.subject === 'INTRODUCTION') {
    const rows: IntroductionRow[] = await ctx.db.query(
      `SELECT ${INTRODUCTION_COLUMNS} FROM introductions i WHERE i.id = $1 AND ${introductionsOfSql('$2', null)}`,
      [event.subjectId, organizationId],
    );
    if (!rows.length) return null;
    const [introduction] = await toIntroductions(ctx, rows);
    return { ...base, introduction };
  }
  const rows: OfferRequestRow[] = await ctx.db.query(
    `SELECT ${OFFER_REQUEST_COLUMNS} FROM ${OFFER_REQUEST_FROM} WHERE r.id = $1 AND (f.organization_id = $2 OR r.requesting_organization_id = $2)`,
    [event.subjectId, organizationId],
  );
  if (!rows.length) return null;
  const [offerRequest] = await toOfferRequests(ctx, rows, () => organizationId);
  return { ...base, offerRequest };
}
