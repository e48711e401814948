import type { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError, UserInputError } from '../core/errors.js';
import type { RequestContext } from '../core/request-context.js';
import { insertRow } from '../core/sql-write.js';
import { canDeleteSavedSearch, lockMembership, requireSavedSearch } from './saved-search-access.js';
import { SavedSearchEntity } from './saved-search.entity.js';
import { SavedSearchKind } from './saved-search.enums.js';
import type { SavedSearchCreateInput, SavedSearchDeleteInput, SavedSearchMarkSeenInput } from './saved-search.inputs.js';
import { MAX_SAVED_SEARCHES_PER_ORGANIZATION } from './saved-search.rules.js';

/** A filter as stored: a plain JSON object without the absent (undefined) fields. */
function storedFilter(filter: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(filter)) as Record<string, unknown>;
}

/** Creates a saved search (any member); the count is checked under the organization's lock, so it cannot be raced past. */
export async function createSavedSearch(ctx: RequestContext, tx: EntityManager, input: SavedSearchCreateInput): Promise<string> {
  const organizations = input.organizationFilter ?? null;
  const offers = input.offerFilter ?? null;
  if ((organizations === null) === (offers === null)) {
    throw new UserInputError('FILTER_REQUIRED', 'input.organizationFilter', 'Give exactly one of organizationFilter and offerFilter');
  }
  await lockMembership(tx, ctx.viewer, input.organizationId);
  const [{ count }]: { count: number }[] = await tx.query(
    'SELECT count(*)::int AS count FROM saved_searches WHERE organization_id = $1', [input.organizationId],
  );
  if (count >= MAX_SAVED_SEARCHES_PER_ORGANIZATION) {
    throw new UserInputError('SAVED_SEARCH_LIMIT_REACHED', 'input.organizationId',
      `An organization can keep at most ${MAX_SAVED_SEARCHES_PER_ORGANIZATION} saved searches: delete one first`);
  }
  return insertRow(tx, SavedSearchEntity, {
    organizationId: input.organizationId.toLowerCase(),
    createdByUserId: ctx.viewer.userId,
    name: input.name.trim(),
    kind: organizations ? SavedSearchKind.ORGANIZATIONS : SavedSearchKind.OFFERS,
    filter: storedFilter(organizations ?? offers!),
  });
}

/** Deletes a saved search with its matches (its creator, or an owner or editor of its organization). */
export async function deleteSavedSearch(ctx: RequestContext, tx: EntityManager, input: SavedSearchDeleteInput): Promise<string> {
  const search = await requireSavedSearch(tx, ctx.viewer, input.id);
  const viewer = await lockMembership(tx, ctx.viewer, search.organizationId).catch((error: unknown) => {
    // Removed from the organization meanwhile: the search is no longer this viewer's to see.
    if (error instanceof ForbiddenError || error instanceof NotFoundError) throw new NotFoundError('Saved search');
    throw error;
  });
  if (!canDeleteSavedSearch(viewer, search)) {
    throw new ForbiddenError('Only whoever created a saved search, or an owner or editor of its organization, can delete it');
  }
  const [, deleted]: [unknown, number] = await tx.query('DELETE FROM saved_searches WHERE id = $1', [search.id]);
  if (!deleted) throw new NotFoundError('Saved search');
  return search.id;
}

/**
 * Marks matches seen for this member: those up to upToMatchId, else all so far. Only rows that exist when it runs
 * are marked, so a match committed a moment later (even with a smaller id) stays unseen.
 */
export async function markSavedSearchSeen(ctx: RequestContext, tx: EntityManager, input: SavedSearchMarkSeenInput): Promise<string> {
  const search = await requireSavedSearch(tx, ctx.viewer, input.savedSearchId);
  const upTo = input.upToMatchId ?? null;
  if (upTo !== null && !/^[1-9][0-9]{0,17}$/.test(upTo)) {
    throw new UserInputError('INVALID_FORMAT', 'input.upToMatchId', 'upToMatchId must be the id of a match');
  }
  await tx.query(
    `INSERT INTO saved_search_match_seen (match_id, user_id)
     SELECT m.id, $2 FROM saved_search_matches m WHERE m.saved_search_id = $1 AND ($3::bigint IS NULL OR m.id <= $3::bigint)
     ON CONFLICT DO NOTHING`,
    [search.id, ctx.viewer.userId, upTo],
  );
  return search.id;
}
