import { effectiveOfferStatusSql } from '../src/offers/offer-status.sql.js';
import type { QueryFn } from './bulk-insert.js';
import { DEMO_OFFER_REQUESTS } from './demo/offer-requests.js';

// Inserts the demo offer requests between organizations and offers the same demo load has just inserted (so a
// second load adds none), keeping offers.seats_taken equal to the seats of their accepted requests on top of the
// places the demo offers already count as taken. Bad demo data fails the load.

const DAY_MS = 86_400_000;

export async function insertDemoRequests(
  query: QueryFn,
  offerIds: Map<string, string>,
  organizationIds: Map<string, string>,
  skills: Map<string, string>,
): Promise<number> {
  const now = Date.now();
  const ago = (days: number | undefined) => (days === undefined ? null : new Date(now - days * DAY_MS));
  let inserted = 0;
  for (const request of DEMO_OFFER_REQUESTS) {
    const offerId = offerIds.get(request.offer);
    const requesterId = organizationIds.get(request.requester);
    if (!offerId || !requesterId) continue; // inserted by an earlier load, with its requests
    let needId: string | null = null;
    if (request.need) {
      const [need] = (await query('SELECT id FROM needs WHERE organization_id = $1 AND skill_id = $2 AND status = $3', [
        requesterId, skills.get(request.need), 'OPEN',
      ])) as { id: string }[];
      if (!need) throw new Error(`Demo request of ${request.requester} for ${request.offer}: no open need "${request.need}"`);
      needId = need.id;
    }
    const answered = request.status === 'PENDING' ? null : ago(request.askedDaysAgo - 1);
    await query(
      `INSERT INTO offer_requests (offer_id, requesting_organization_id, need_id, message, seats, status, created_at, responded_at,
         completed_at, requester_rating, requester_comment, offerer_rating, offerer_comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        offerId, requesterId, needId, request.message, request.seats, request.status, ago(request.askedDaysAgo), answered,
        ago(request.doneDaysAgo), request.requesterRating?.rating ?? null, request.requesterRating?.comment ?? null,
        request.offererRating?.rating ?? null, request.offererRating?.comment ?? null,
      ],
    );
    // offers_seats_taken_check refuses an accepted request the offer has no room for: the demo data is wrong then.
    if (request.status === 'ACCEPTED') await query('UPDATE offers SET seats_taken = seats_taken + $2 WHERE id = $1', [offerId, request.seats]);
    inserted++;
  }
  if (inserted) {
    await query(`UPDATE offers f SET status = ${effectiveOfferStatusSql('f')} WHERE f.id = ANY($1::uuid[]) AND f.status <> 'CLOSED'`, [[...offerIds.values()]]);
  }
  return inserted;
}
