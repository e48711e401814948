import type { ConnectionShape, Page } from '../core/connection.js';
import { queryPage } from '../core/page-query.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import type { Viewer } from '../core/viewer.js';
import { requireMembership } from '../authorization/organization-guard.js';
import { OFFER_COLUMNS, toOffers, type OfferRow } from '../offers/offer-view.js';
import { visibleOffersFrom, visibleOffersSql } from '../offers/offer-visibility.js';
import { visibleOrganizationsSql } from '../privacy/visibility.js';
import { ORGANIZATION_COLUMNS, type OrganizationRecord } from '../profiles/organization.record.js';
import { requireSavedSearch } from './saved-search-access.js';
import { SavedSearchKind } from './saved-search.enums.js';
import type { SavedSearch, SavedSearchMatch } from './saved-search.types.js';

// Reads of saved searches and their matches, for members of the organization. A match is shown as the reader may
// see its subject NOW, through the same rules as organization(id) and offer(id) (acting for its organizations, so
// admin rights never widen it): a subject that turned PRIVATE, or an offer whose audience narrowed, drops out of
// the list, the counts and the pushes alike, so keeping a saved search reveals nothing the lists would not.

const SEARCH_COLUMNS = `s.id, s.organization_id AS "organizationId", s.name, s.kind, s.filter, s.created_at AS "createdAt"`;

/** SQL on `m` (saved_search_matches): its subject is one the reader may see now. */
function visibleSubjectSql(viewer: Viewer, params: SqlParams): string {
  const acting = viewer.actingForOrganizations();
  return `((m.kind = '${SavedSearchKind.ORGANIZATIONS}' AND EXISTS (SELECT 1 FROM organizations o
        WHERE o.id = m.subject_id AND ${visibleOrganizationsSql(acting, params)}))
    OR (m.kind = '${SavedSearchKind.OFFERS}' AND EXISTS (SELECT 1 FROM offers f
        WHERE f.id = m.subject_id AND ${visibleOffersSql(acting, params, 'f')})))`;
}

export async function listSavedSearches(ctx: RequestContext, organizationId: string, page: Page): Promise<ConnectionShape<SavedSearch>> {
  const id = await requireMembership(ctx.db, ctx.viewer, organizationId, 'Only members of the organization can read its saved searches');
  const params = new SqlParams();
  const query = { columns: SEARCH_COLUMNS, from: 'saved_searches s', where: `s.organization_id = ${params.add(id)}`, orderBy: 's.created_at DESC, s.id', params };
  return queryPage(ctx.db, query, page, (rows: SavedSearch[]) => rows);
}

export async function findSavedSearch(ctx: RequestContext, id: string): Promise<SavedSearch> {
  const ref = await requireSavedSearch(ctx.db, ctx.viewer, id);
  const [row]: SavedSearch[] = await ctx.db.query(`SELECT ${SEARCH_COLUMNS} FROM saved_searches s WHERE s.id = $1`, [ref.id]);
  return row;
}

interface MatchRow {
  id: string;
  savedSearchId: string;
  kind: SavedSearchKind;
  subjectId: string;
  matchedAt: Date;
}

const MATCH_COLUMNS = `m.id::text AS id, m.saved_search_id AS "savedSearchId", m.kind, m.subject_id AS "subjectId", m.matched_at AS "matchedAt"`;

/** The subjects of a page of matches, each as the reader may see it (one statement per kind). */
async function toMatches(ctx: RequestContext, rows: MatchRow[]): Promise<SavedSearchMatch[]> {
  if (!rows.length) return [];
  const acting = ctx.viewer.actingForOrganizations();
  const seen: { id: string }[] = await ctx.db.query(
    'SELECT match_id::text AS id FROM saved_search_match_seen WHERE user_id = $1 AND match_id = ANY($2::bigint[])',
    [ctx.viewer.userId, rows.map((r) => r.id)],
  );
  const seenIds = new Set(seen.map((r) => r.id));
  const orgIds = rows.filter((r) => r.kind === SavedSearchKind.ORGANIZATIONS).map((r) => r.subjectId);
  const offerIds = rows.filter((r) => r.kind === SavedSearchKind.OFFERS).map((r) => r.subjectId);
  const orgs = new Map<string, OrganizationRecord>();
  if (orgIds.length) {
    const params = new SqlParams();
    const ids = params.add(orgIds);
    const found: OrganizationRecord[] = await ctx.db.query(
      `SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ANY(${ids}::uuid[]) AND ${visibleOrganizationsSql(acting, params)}`,
      params.values,
    );
    for (const org of found) orgs.set(org.id, org);
  }
  const offers = new Map<string, ReturnType<typeof toOffers>[number]>();
  if (offerIds.length) {
    const params = new SqlParams();
    const from = visibleOffersFrom(ctx.viewer, params); // exactly offer(id)'s rule (acting for its organizations)
    const found: OfferRow[] = await ctx.db.query(`SELECT ${OFFER_COLUMNS} FROM ${from} WHERE f.id = ANY(${params.add(offerIds)}::uuid[])`, params.values);
    for (const offer of toOffers(ctx.viewer, found)) offers.set(offer.id, offer);
  }
  return rows.map((row) => ({
    id: row.id, savedSearchId: row.savedSearchId, kind: row.kind, matchedAt: row.matchedAt, seen: seenIds.has(row.id),
    organization: row.kind === SavedSearchKind.ORGANIZATIONS ? orgs.get(row.subjectId) ?? null : null,
    offer: row.kind === SavedSearchKind.OFFERS ? offers.get(row.subjectId) ?? null : null,
  }));
}

/** A saved search's matches, newest first, optionally only those this member has not marked seen. */
export async function listMatches(ctx: RequestContext, savedSearchId: string, page: Page, unseenOnly: boolean): Promise<ConnectionShape<SavedSearchMatch>> {
  const params = new SqlParams();
  const where = [`m.saved_search_id = ${params.add(savedSearchId)}`, visibleSubjectSql(ctx.viewer, params)];
  if (unseenOnly) where.push(`NOT EXISTS (SELECT 1 FROM saved_search_match_seen z WHERE z.match_id = m.id AND z.user_id = ${params.add(ctx.viewer.userId)})`);
  const query = { columns: MATCH_COLUMNS, from: 'saved_search_matches m', where: where.join(' AND '), orderBy: 'm.id DESC', params };
  return queryPage(ctx.db, query, page, (rows: MatchRow[]) => toMatches(ctx, rows));
}

/** How many matches this member has not marked seen (visible ones only, like the list). */
export async function countUnseen(ctx: RequestContext, savedSearchId: string): Promise<number> {
  const params = new SqlParams();
  const user = params.add(ctx.viewer.userId);
  const [{ count }]: { count: number }[] = await ctx.db.query(
    `SELECT count(*)::int AS count FROM saved_search_matches m WHERE m.saved_search_id = ${params.add(savedSearchId)}
       AND ${visibleSubjectSql(ctx.viewer, params)}
       AND NOT EXISTS (SELECT 1 FROM saved_search_match_seen z WHERE z.match_id = m.id AND z.user_id = ${user})`,
    params.values,
  );
  return count;
}

/**
 * One match as the list would show it to this viewer (what savedSearchMatched pushes); null when the viewer is not
 * a member of the search's organization or may not see its subject.
 */
export async function loadMatch(ctx: RequestContext, matchId: string): Promise<SavedSearchMatch | null> {
  if (!/^[1-9][0-9]{0,17}$/.test(matchId) || !ctx.viewer.signedIn) return null;
  const params = new SqlParams();
  const rows: MatchRow[] = await ctx.db.query(
    `SELECT ${MATCH_COLUMNS} FROM saved_search_matches m JOIN saved_searches s ON s.id = m.saved_search_id
     WHERE m.id = ${params.add(matchId)}::bigint AND s.organization_id = ANY(${params.add(ctx.viewer.organizationIds)}::uuid[])
       AND ${visibleSubjectSql(ctx.viewer, params)}`,
    params.values,
  );
  return rows.length ? (await toMatches(ctx, rows))[0] : null;
}
