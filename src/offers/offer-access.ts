import type { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import { lockOrganizations } from '../authorization/organization-guard.js';
import { visibleOffersSql } from './offer-visibility.js';

// Who may change an offer: owners and editors of its organization, judged under the organization's lock with the
// roles as they stand then (the guard every write shares). An offer the viewer may not see is NOT_FOUND, exactly
// like a random id (never FORBIDDEN, which would say it exists); one it sees but may not change is FORBIDDEN.

export interface LockedOffer {
  id: string;
  organizationId: string;
  status: string;
  seats: number | null;
  seatsTaken: number;
  startsAt: Date | null;
  endsAt: Date | null;
  requestDeadline: Date | null;
  remote: boolean;
  hasPlace: boolean;
  audience: string;
}

export async function lockOfferForEdit(ctx: RequestContext, tx: EntityManager, id: string): Promise<LockedOffer> {
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  const owner: { organizationId: string }[] = isUuid(id)
    ? await tx.query('SELECT organization_id AS "organizationId" FROM offers WHERE id = $1', [id])
    : [];
  if (!owner[0]) throw new NotFoundError('Offer');
  // Organization first, then the offer: the order offer requests lock in too.
  const { viewer } = await lockOrganizations(tx, ctx.viewer, [owner[0].organizationId]);
  const params = new SqlParams();
  const rows: LockedOffer[] = await tx.query(
    `SELECT f.id, f.organization_id AS "organizationId", f.status, f.seats, f.seats_taken AS "seatsTaken",
       f.starts_at AS "startsAt", f.ends_at AS "endsAt", f.request_deadline AS "requestDeadline", f.remote,
       f.place_precision IS NOT NULL AS "hasPlace", f.audience
     FROM offers f WHERE f.id = ${params.add(id)} AND ${visibleOffersSql(viewer, params, 'f')} FOR UPDATE OF f`,
    params.values,
  );
  const offer = rows[0];
  if (!offer) throw new NotFoundError('Offer');
  if (!viewer.canEdit(offer.organizationId)) throw new ForbiddenError("Only the organization's owners and editors can change its offers");
  return offer;
}
