import type { EntityManager } from 'typeorm';
import { SqlParams } from '../core/sql-params.js';
import { buildOfferFilter } from '../offers/offer-filter.sql.js';
import { visibleOffersFrom } from '../offers/offer-visibility.js';
import type { OfferFilter } from '../offers/offer.inputs.js';
import { organizationViewer } from '../privacy/alert-audience.js';
import { buildFilter } from '../profiles/organization-query.service.js';
import type { OrganizationFilter } from '../profiles/organization-filter.types.js';
import { recordEvent } from '../activity/event-log.js';
import { SavedSearchKind } from './saved-search.enums.js';
import { MATCH_BATCH, SAVED_SEARCH_MATCH_EVENT } from './saved-search.rules.js';

// Matching one new (or newly visible) organization or offer against every saved search of that kind. Each search
// is checked as the list query would answer a plain member of its organization (privacy/alert-audience.ts
// organizationViewer): the same filter SQL (profiles/organization-query.service.ts buildFilter,
// offers/offer-filter.sql.ts) behind the same visibility, restricted to the one subject. So a saved search can
// never match what its organization could not find in the list, a PRIVATE organization never matches (except for
// its own members, whose own subjects are skipped), an anonymous offer matches only on what its card shows, and
// a position filter sees public positions only. Searches are checked MATCH_BATCH to a statement.

interface SearchRow {
  id: string;
  organizationId: string;
  filter: Record<string, unknown>;
}

/** One sub-select per search, returning the search's id when the subject matches it. */
type Check = (search: SearchRow, params: SqlParams, subject: string) => string;

const checkOrganization: Check = (search, params, subject) => {
  const built = buildFilter(organizationViewer(search.organizationId), search.filter as OrganizationFilter, params);
  return `SELECT ${params.add(search.id)}::uuid AS id FROM organizations o WHERE o.id = ${subject} AND ${built.where.join(' AND ')}`;
};

const checkOffer: Check = (search, params, subject) => {
  const from = visibleOffersFrom(organizationViewer(search.organizationId), params);
  const built = buildOfferFilter(search.filter as OfferFilter, params);
  return `SELECT ${params.add(search.id)}::uuid AS id FROM ${from} WHERE f.id = ${subject}${built.where.map((w) => ` AND ${w}`).join('')}`;
};

async function matchSubject(tx: EntityManager, kind: SavedSearchKind, subjectId: string, ownerId: string, check: Check): Promise<number> {
  const searches: SearchRow[] = await tx.query(
    `SELECT id, organization_id AS "organizationId", filter FROM saved_searches
     WHERE kind = $1 AND organization_id <> $2 ORDER BY id`,
    [kind, ownerId],
  );
  const matched: string[] = [];
  for (let i = 0; i < searches.length; i += MATCH_BATCH) {
    const params = new SqlParams();
    const subject = `${params.add(subjectId)}::uuid`;
    const union = searches.slice(i, i + MATCH_BATCH).map((search) => `(${check(search, params, subject)})`).join(' UNION ALL ');
    const rows: { id: string }[] = await tx.query(union, params.values);
    matched.push(...rows.map((r) => r.id));
  }
  if (!matched.length) return 0;
  // Once per subject and search (saved_search_matches_subject_key): an update that still matches pushes nothing new.
  const inserted: { id: string; savedSearchId: string; organizationId: string }[] = await tx.query(
    `INSERT INTO saved_search_matches (saved_search_id, kind, subject_id)
     SELECT unnest($1::uuid[]), $2, $3 ON CONFLICT (saved_search_id, subject_id) DO NOTHING
     RETURNING id::text AS id, saved_search_id AS "savedSearchId",
       (SELECT organization_id FROM saved_searches s WHERE s.id = saved_search_id) AS "organizationId"`,
    [matched, kind, subjectId],
  );
  for (const match of inserted) {
    await recordEvent(tx, {
      kind: SAVED_SEARCH_MATCH_EVENT, subjectId, organizationIds: [match.organizationId],
      data: { matchId: match.id, savedSearchId: match.savedSearchId },
    });
  }
  return inserted.length;
}

/** Matches an organization that was created or changed; a PRIVATE one matches nothing. Returns the new matches. */
export async function matchOrganization(tx: EntityManager, organizationId: string): Promise<number> {
  const [org]: { visibility: string }[] = await tx.query('SELECT visibility FROM organizations WHERE id = $1', [organizationId]);
  if (!org || org.visibility === 'PRIVATE') return 0;
  return matchSubject(tx, SavedSearchKind.ORGANIZATIONS, organizationId, organizationId, checkOrganization);
}

/** Matches an offer that was posted or reopened. Returns the new matches. */
export async function matchOffer(tx: EntityManager, offerId: string): Promise<number> {
  const [offer]: { organizationId: string }[] = await tx.query('SELECT organization_id AS "organizationId" FROM offers WHERE id = $1', [offerId]);
  if (!offer) return 0;
  return matchSubject(tx, SavedSearchKind.OFFERS, offerId, offer.organizationId, checkOffer);
}
