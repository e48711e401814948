import type { EntityManager } from 'typeorm';
import { UserInputError } from '../core/errors.js';
import type { RequestContext } from '../core/request-context.js';
import { lockOfferRequest } from './offer-request-access.js';
import type { TouchedRequest } from './offer-request.service.js';
import { OfferRequestStatus } from './offer-request.enums.js';
import type { OfferRequestCompleteInput, OfferRequestRateInput } from './offer-request.inputs.js';

// After an accepted exchange: either side may mark it done (it also counts as done once the offer's window has
// ended), and then each side rates it for itself, 1 to 5 with an optional comment. Ratings feed the partner
// score's trust part (suggestions/trust-graph.ts); a third party never reads them, only a count of exchanges done.

export async function completeOfferRequest(ctx: RequestContext, tx: EntityManager, input: OfferRequestCompleteInput): Promise<TouchedRequest> {
  const { row, actingFor } = await lockOfferRequest(ctx, tx, input.offerRequestId, 'either', input.organizationId);
  if (row.status !== OfferRequestStatus.ACCEPTED) {
    throw new UserInputError('INVALID_STATE', 'input.offerRequestId', `Only an accepted request can be marked done; this one is ${row.status.toLowerCase()}`);
  }
  // Marking twice keeps the first time: either side may do it, and the second is no news.
  await tx.query('UPDATE offer_requests SET completed_at = coalesce(completed_at, now()) WHERE id = $1', [row.id]);
  return { id: row.id, perspective: actingFor };
}

export async function rateOfferRequest(ctx: RequestContext, tx: EntityManager, input: OfferRequestRateInput): Promise<TouchedRequest> {
  const { row, actingFor } = await lockOfferRequest(ctx, tx, input.offerRequestId, 'either', input.organizationId);
  if (!row.completed) {
    throw new UserInputError('NOT_COMPLETED', 'input.offerRequestId',
      'Only an accepted exchange that is done can be rated: mark it done (offerRequestComplete), or wait for the offer\'s end');
  }
  const side = actingFor === row.requestingOrganizationId ? 'requester' : 'offerer';
  // Absent keeps the comment; null or blank clears it.
  const comment = input.comment === undefined ? undefined : input.comment?.trim() || null;
  await tx.query(
    `UPDATE offer_requests SET ${side}_rating = $2${comment === undefined ? '' : `, ${side}_comment = $3`} WHERE id = $1`,
    comment === undefined ? [row.id, input.rating] : [row.id, input.rating, comment],
  );
  return { id: row.id, perspective: actingFor };
}
