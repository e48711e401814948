import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../core/ids.js';
import { SqlParams } from '../core/sql-params.js';
import type { Viewer } from '../core/viewer.js';
import { offerAudienceSql, type OfferAudienceSql } from '../privacy/offer-audience.js';
import { acceptedRequesterSql } from './offer-request-status.sql.js';
import { OFFER_COLUMNS, type OfferRow } from './offer-view.js';

// Which offers a viewer may see, and by name, through the privacy policy (privacy/offer-audience.ts). Everything
// that reads offers for someone (lists, offer(id), offersForNeeds, offer requests) goes through here, so "an offer
// you may not see answers exactly like a random id" holds on every path.

/**
 * SQL on the offers alias that is true when the viewer sees this offer's organization by name whatever the
 * audience: a member of an organization whose request for it is ACCEPTED (offer-request-status.sql.ts). A
 * withdrawn, declined or pending request names nothing.
 */
export function namedForViewerSql(viewer: Viewer, params: SqlParams, alias = 'f'): string {
  if (viewer.memberships.size === 0) return 'FALSE';
  return acceptedRequesterSql(alias, params.add(viewer.organizationIds));
}

/** The audience conditions of this viewer on the offers alias (params added once; the strings may be reused). */
export function offerAudience(viewer: Viewer, params: SqlParams, alias = 'f'): OfferAudienceSql {
  return offerAudienceSql(viewer, params, alias, namedForViewerSql(viewer, params, alias));
}

/** SQL condition: offers this viewer may see in any form (named or anonymous). */
export function visibleOffersSql(viewer: Viewer, params: SqlParams, alias = 'f'): string {
  return offerAudience(viewer, params, alias).visible;
}

/**
 * The offers this viewer may see as a derived table (alias `f`, every offers column plus `shown_named`), joined
 * with its organization (`o`): the FROM of every offer read, so the rule is applied before anything else.
 */
export function visibleOffersFrom(viewer: Viewer, params: SqlParams): string {
  const audience = offerAudience(viewer, params, 'v');
  return `(SELECT v.*, ${audience.named} AS shown_named FROM offers v WHERE ${audience.visible}) f
    JOIN organizations o ON o.id = f.organization_id`;
}

/** One offer as this viewer may see it; null for a missing and a hidden one alike. */
export async function loadVisibleOffer(db: DataSource | EntityManager, viewer: Viewer, id: string): Promise<OfferRow | null> {
  if (!isUuid(id)) return null;
  const params = new SqlParams();
  const from = visibleOffersFrom(viewer, params);
  const rows: OfferRow[] = await db.query(`SELECT ${OFFER_COLUMNS} FROM ${from} WHERE f.id = ${params.add(id)}`, params.values);
  return rows[0] ?? null;
}
