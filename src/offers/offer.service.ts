import type { EntityManager } from 'typeorm';
import type { LocationPrecision } from '../core/enums.js';
import { UserInputError } from '../core/errors.js';
import type { RequestContext } from '../core/request-context.js';
import { insertRow, updateRow } from '../core/sql-write.js';
import { requireOrganization } from '../authorization/organization-guard.js';
import { lockOfferForEdit } from './offer-access.js';
import {
  assertAudience, assertIssueAreas, assertReachable, assertSeats, assertSkill, assertWindow, NO_PLACE, placeColumns,
} from './offer-rules.js';
import { effectiveOfferStatusSql } from './offer-status.sql.js';
import { OfferEntity } from './offer.entity.js';
import { OfferStatus } from './offer.enums.js';
import type { OfferCloseInput, OfferPostInput, OfferUpdateInput } from './offer.inputs.js';
import { recordOfferPosted, watchOfferReopening } from './offer-events.js';
import { pendingRequestSql } from './offer-request-status.sql.js';
import { recordOfferRequestEvent } from '../activity/inbox-events.js';

// The life cycle of an offer: posted OPEN, changed while not CLOSED, CLOSED by its organization; FULL and EXPIRED
// follow from seats and times (offer-status.sql.ts). Each function runs inside runMutation's one transaction,
// checks the rules with field names (offer-rules.ts) and returns the id of the offer it touched.

interface OrganizationFacts {
  visibility: string;
  locationPrecision: LocationPrecision;
}

async function organizationFacts(tx: EntityManager, organizationId: string): Promise<OrganizationFacts> {
  const [row] = await tx.query('SELECT visibility, location_precision AS "locationPrecision" FROM organizations WHERE id = $1', [organizationId]);
  return row;
}

async function setIssueAreas(tx: EntityManager, offerId: string, ids: string[]): Promise<void> {
  await tx.query('DELETE FROM offer_issue_areas WHERE offer_id = $1', [offerId]);
  if (ids.length) await tx.query('INSERT INTO offer_issue_areas (offer_id, issue_area_id) SELECT $1, unnest($2::uuid[])', [offerId, ids]);
}

/** The stored status follows the derivation (the sweep does the same), unless the organization closed it. */
async function storeDerivedStatus(tx: EntityManager, offerId: string): Promise<void> {
  await tx.query(`UPDATE offers f SET status = ${effectiveOfferStatusSql('f')} WHERE f.id = $1 AND f.status <> 'CLOSED'`, [offerId]);
}

export async function postOffer(ctx: RequestContext, tx: EntityManager, input: OfferPostInput): Promise<string> {
  // Locks the organization and checks the viewer's role in it as it stands under that lock.
  const org = await requireOrganization(tx, ctx.viewer, input.organizationId, 'edit');
  const facts = await organizationFacts(tx, org.id);
  await assertSkill(tx, input.skillId);
  assertAudience(facts.visibility, input.audience);
  const place = input.place ? placeColumns(input.place, facts.locationPrecision) : NO_PLACE;
  const remote = input.remote ?? false;
  assertReachable(remote, place.placePrecision !== null);
  const window = { startsAt: input.startsAt ?? null, endsAt: input.endsAt ?? null, requestDeadline: input.requestDeadline ?? null };
  assertWindow(window, { startsAt: true, endsAt: true, requestDeadline: true });
  const id = await insertRow(tx, OfferEntity, {
    organizationId: org.id,
    postedByUserId: ctx.viewer.userId,
    skillId: input.skillId.toLowerCase(),
    title: input.title.trim(),
    description: (input.description ?? '').trim(),
    format: input.format,
    seats: input.seats ?? null,
    remote,
    ...place,
    languages: (input.languages ?? []).map((l) => l.toLowerCase()),
    ...window,
    audience: input.audience,
  });
  // Checked as they are written: an unknown one rolls the whole post back (one transaction).
  await setIssueAreas(tx, id, await assertIssueAreas(tx, input.issueAreaIds ?? []));
  await storeDerivedStatus(tx, id);
  await recordOfferPosted(tx, id); // offerPosted subscribers hear of it once this commits
  return id;
}

export async function updateOffer(ctx: RequestContext, tx: EntityManager, input: OfferUpdateInput): Promise<string> {
  const offer = await lockOfferForEdit(ctx, tx, input.id);
  if (offer.status === OfferStatus.CLOSED) throw new UserInputError('NOT_OPEN', 'input.id', 'This offer is closed and can no longer be changed');
  await watchOfferReopening(tx, offer.id); // FULL or EXPIRED -> OPEN (seats, deadline) is pushed to offerPosted as REOPENED
  const facts = await organizationFacts(tx, offer.organizationId);
  // Written first and checked as written; any rule below that fails rolls this back too (one transaction).
  if (input.issueAreaIds !== undefined) await setIssueAreas(tx, offer.id, await assertIssueAreas(tx, input.issueAreaIds));
  const changes: Partial<OfferEntity> = {};
  if (input.skillId !== undefined) {
    await assertSkill(tx, input.skillId);
    changes.skillId = input.skillId.toLowerCase();
  }
  if (input.title !== undefined) changes.title = input.title.trim();
  if (input.description !== undefined) changes.description = input.description.trim();
  if (input.format !== undefined) changes.format = input.format;
  if (input.seats !== undefined) {
    assertSeats(input.seats ?? null, offer.seatsTaken);
    changes.seats = input.seats ?? null;
  }
  if (input.remote !== undefined) changes.remote = input.remote;
  if (input.place !== undefined) Object.assign(changes, input.place ? placeColumns(input.place, facts.locationPrecision) : NO_PLACE);
  if (input.languages !== undefined) changes.languages = input.languages.map((l) => l.toLowerCase());
  // The audience is checked whenever it is set, and also when it is kept: an organization that turned PRIVATE
  // must move a PUBLIC or NETWORK offer to PARTNERS or ANONYMOUS before changing it.
  const audience = input.audience ?? offer.audience;
  assertAudience(facts.visibility, audience);
  if (input.audience !== undefined) changes.audience = input.audience;
  const hasPlace = input.place !== undefined ? input.place !== null : offer.hasPlace;
  assertReachable(changes.remote ?? offer.remote, hasPlace);
  const window = {
    startsAt: input.startsAt !== undefined ? input.startsAt : offer.startsAt,
    endsAt: input.endsAt !== undefined ? input.endsAt : offer.endsAt,
    requestDeadline: input.requestDeadline !== undefined ? input.requestDeadline : offer.requestDeadline,
  };
  assertWindow(window, { endsAt: input.endsAt !== undefined, requestDeadline: input.requestDeadline !== undefined });
  if (input.startsAt !== undefined) changes.startsAt = input.startsAt;
  if (input.endsAt !== undefined) changes.endsAt = input.endsAt;
  if (input.requestDeadline !== undefined) changes.requestDeadline = input.requestDeadline;
  await updateRow(tx, OfferEntity, offer.id, { ...changes, updatedAt: new Date() });
  await storeDerivedStatus(tx, offer.id);
  return offer.id;
}

export async function closeOffer(ctx: RequestContext, tx: EntityManager, input: OfferCloseInput): Promise<string> {
  const offer = await lockOfferForEdit(ctx, tx, input.id);
  if (offer.status === OfferStatus.CLOSED) throw new UserInputError('NOT_OPEN', 'input.id', 'This offer is already closed');
  // The requests still waiting for an answer read CANCELLED from now on: read them before the close (under the
  // offer's lock, which a new request waits for, see requestOffer) and tell each requester, in this transaction.
  // Accepted requests stand (closing takes no more requests; it does not undo what was agreed); expired ones stay
  // expired (offer-request-status.sql.ts).
  const pending: { id: string; requesterId: string }[] = await tx.query(
    `SELECT r.id, r.requesting_organization_id AS "requesterId" FROM offer_requests r JOIN offers f ON f.id = r.offer_id
     WHERE r.offer_id = $1 AND ${pendingRequestSql('r', 'f')} ORDER BY r.created_at, r.id`,
    [offer.id],
  );
  await tx.query(`UPDATE offers SET status = 'CLOSED', closed_at = now(), updated_at = now() WHERE id = $1`, [offer.id]);
  for (const request of pending) {
    await recordOfferRequestEvent(tx, 'CANCELLED', { id: request.id, requestingOrganizationId: request.requesterId, offeringOrganizationId: offer.organizationId });
  }
  return offer.id;
}
