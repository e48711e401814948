import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { preparedQuery } from '../core/prepared-query.js';
import { SqlParams } from '../core/sql-params.js';
import type { RequestContext } from '../core/request-context.js';
import type { Viewer } from '../core/viewer.js';
import { buildOfferFilter } from '../offers/offer-filter.sql.js';
import { OFFER_COLUMNS, toOffer, type OfferRow } from '../offers/offer-view.js';
import { visibleOffersFrom } from '../offers/offer-visibility.js';
import type { OfferFilter } from '../offers/offer.inputs.js';
import { AnonymousTokens } from '../privacy/anonymous-card.js';
import type { Audience, EventScope } from '../activity/event-hub.js';
import type { StoredEvent } from '../activity/event-log.js';
import type { OfferChange } from '../offers/offer-events.js';
import { meetsOpenNeedsSql, ORGANIZATIONS_NEEDING_OFFER_SQL } from './offer-posted.sql.js';
import type { OfferPostedEvent } from './subscription.types.js';
import { viewerKey } from '../activity/viewer-key.js';

// offerPosted, per subscriber and event: the offer exactly as the `offers` list (with the subscriber's filter) and
// `offer(id)` would show it to this viewer, or nothing. The read starts from visibleOffersFrom (the privacy policy
// of offers), so an offer the viewer could not read through offer(id) never reaches it, and a card stays a card.
//
// Cost per event: one statement finds the organizations whose open needs the offer meets (the hub's cut, shared);
// then every group of subscribers with the same viewer key and arguments needs one read of the offer, not every
// subscriber. Those reads have the same text for viewers of the same shape, so they run as named statements,
// planned once per connection (core/prepared-query.ts), a few at a time.

export interface OfferPostedArgs {
  /** Offers meeting this organization's open needs (the viewer is a member). */
  seekerId: string | null;
  filter: OfferFilter | null;
}

/** Group reads in flight at once per event: enough to overlap round trips, few enough to leave the pool to others. */
const READS_AT_ONCE = 4;

interface GroupRead {
  viewer: Viewer;
  args: OfferPostedArgs;
  offerId: string;
}

/** One group's read as a SELECT: the offers list's rules for this viewer. */
function groupSelect(read: GroupRead, params: SqlParams): string {
  const from = visibleOffersFrom(read.viewer, params);
  const where = [`f.id = ${params.add(read.offerId)}`];
  let distance: string | null = null;
  if (read.args.filter) {
    const built = buildOfferFilter(read.args.filter, params);
    where.push(...built.where);
    distance = built.distance;
  }
  if (read.args.seekerId) where.push(meetsOpenNeedsSql(params.add(read.args.seekerId)));
  return `SELECT ${OFFER_COLUMNS}, ${distance ?? 'NULL::float8'} AS "distanceKm" FROM ${from} WHERE ${where.join(' AND ')}`;
}

/** The offer row for each group if its viewer may see it and it matches (one named statement per group). */
export async function loadPostedOffers(db: DataSource, reads: readonly GroupRead[]): Promise<(OfferRow | null)[]> {
  const results: (OfferRow | null)[] = reads.map(() => null);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < reads.length; i = next++) {
      const params = new SqlParams();
      const [row] = await preparedQuery<OfferRow>(db, groupSelect(reads[i], params), params.values);
      if (row) results[i] = { ...row, distanceKm: row.distanceKm ?? undefined };
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, reads.length) }, worker));
  return results;
}

/** The organizations with an open need the offer meets: one statement per event, shared through the scope. */
function organizationsNeeding(db: DataSource, event: StoredEvent, scope: EventScope): Promise<ReadonlySet<string>> {
  return scope.memo(`needing:${event.subjectId}`, async () => {
    const [row]: { ids: string[] }[] = await db.query(ORGANIZATIONS_NEEDING_OFFER_SQL, [event.subjectId]);
    return new Set(row?.ids ?? []);
  });
}

/**
 * The hub's cut for a subscriber following its organization's needs: only offers that some open need of that
 * organization meets are handed to it (the projection below still checks all of it).
 */
export function offerNeedsAudience(db: DataSource, seekerId: string): Audience {
  return { name: 'offer-meets-open-needs', key: seekerId, of: (event, scope) => organizationsNeeding(db, event, scope) };
}

/** The payload for this subscriber, or null. Subscribers with the same viewer key and arguments share one read. */
export async function projectOfferPosted(
  event: StoredEvent, ctx: RequestContext, scope: EventScope, args: OfferPostedArgs, argsKey: string,
): Promise<OfferPostedEvent | null> {
  if (args.seekerId) {
    // First cut, one statement per event for every subscriber: does any open need of this organization match?
    if (!(await organizationsNeeding(ctx.db, event, scope)).has(args.seekerId)) return null;
  }
  const loader = await scope.memo('posted-offer-reads', async () => new DataLoader<string, OfferRow | null, string>(
    (keys) => loadPostedOffers(ctx.db, keys.map((key) => readsOf(scope).get(key)!)),
  ));
  const key = `${event.subjectId}:${viewerKey(ctx.viewer)}:${argsKey}`;
  const reads = readsOf(scope);
  if (!reads.has(key)) reads.set(key, { viewer: ctx.viewer, args, offerId: event.subjectId });
  // One payload object per group: the transport executes the selection once for a group's subscribers with the
  // same document (api/shared-execution.ts). A fresh token source per group: an anonymous offer's token is random
  // in every event, as in queries; subscribers of one group (same memberships and roles) share it.
  return scope.memo(`payload:${key}`, async () => {
    const row = await loader.load(key);
    if (!row) return null;
    return {
      cursor: event.cursor,
      occurredAt: new Date(event.occurredAt),
      change: event.data.change as OfferChange,
      offer: toOffer(ctx.viewer, row, new AnonymousTokens()),
    };
  });
}

/** The group reads asked for in this scope, by key (the first subscriber of a group describes it). */
const readsByScope = new WeakMap<EventScope, Map<string, GroupRead>>();
function readsOf(scope: EventScope): Map<string, GroupRead> {
  let reads = readsByScope.get(scope);
  if (!reads) readsByScope.set(scope, (reads = new Map()));
  return reads;
}
