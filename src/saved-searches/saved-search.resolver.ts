import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { PageArgs, toPage } from '../core/connection.js';
import { NotFoundError } from '../core/errors.js';
import type { RequestContext } from '../core/request-context.js';
import { runMutation, type MutationOutcome } from '../core/run-mutation.js';
import { requireMembership } from '../authorization/organization-guard.js';
import { subscribeToEvents } from '../activity/event-stream.js';
import { requireSavedSearch } from './saved-search-access.js';
import { countUnseen, findSavedSearch, listMatches, listSavedSearches, loadMatch } from './saved-search-query.service.js';
import {
  SavedSearchCreateInput, SavedSearchDeleteInput, SavedSearchDeletePayload, SavedSearchMarkSeenInput, SavedSearchPayload,
} from './saved-search.inputs.js';
import { SAVED_SEARCH_MATCH_EVENT } from './saved-search.rules.js';
import { createSavedSearch, deleteSavedSearch, markSavedSearchSeen } from './saved-search.service.js';
import { SavedSearch, SavedSearchConnection, SavedSearchMatchConnection, SavedSearchMatchEvent } from './saved-search.types.js';

async function savedSearchPayload(ctx: RequestContext, outcome: MutationOutcome<string>): Promise<SavedSearchPayload> {
  return { savedSearch: outcome.result ? await findSavedSearch(ctx, outcome.result) : null, userErrors: outcome.userErrors };
}

@Resolver(() => SavedSearch)
export class SavedSearchResolver {
  @Query(() => SavedSearchConnection, { description: 'The saved searches of an organization you belong to, newest first.' })
  async savedSearches(@Ctx() ctx: RequestContext, @Args() pageArgs: PageArgs, @Arg('organizationId', () => ID) organizationId: string) {
    return listSavedSearches(ctx, organizationId, toPage(pageArgs));
  }

  @Mutation(() => SavedSearchPayload, { description: 'Saves an organization or offer search for your organization (any member).' })
  async savedSearchCreate(@Ctx() ctx: RequestContext, @Arg('input', () => SavedSearchCreateInput, { validate: false }) input: SavedSearchCreateInput) {
    return savedSearchPayload(ctx, await runMutation(ctx, input, (tx) => createSavedSearch(ctx, tx, input)));
  }

  @Mutation(() => SavedSearchDeletePayload, { description: 'Deletes a saved search and its matches (whoever created it, or an owner or editor).' })
  async savedSearchDelete(@Ctx() ctx: RequestContext, @Arg('input', () => SavedSearchDeleteInput, { validate: false }) input: SavedSearchDeleteInput) {
    const outcome = await runMutation(ctx, input, (tx) => deleteSavedSearch(ctx, tx, input));
    return { deletedId: outcome.result, userErrors: outcome.userErrors };
  }

  @Mutation(() => SavedSearchPayload, { description: 'Marks matches of a saved search seen, for you (each member keeps its own marks).' })
  async savedSearchMarkSeen(@Ctx() ctx: RequestContext, @Arg('input', () => SavedSearchMarkSeenInput, { validate: false }) input: SavedSearchMarkSeenInput) {
    return savedSearchPayload(ctx, await runMutation(ctx, input, (tx) => markSavedSearchSeen(ctx, tx, input)));
  }

  @FieldResolver(() => SavedSearchMatchConnection, {
    description: 'New organizations or offers that matched since the search was saved, newest first, as you may see them now.',
  })
  async matches(
    @Ctx() ctx: RequestContext,
    @Root() search: SavedSearch,
    @Args() pageArgs: PageArgs,
    @Arg('unseenOnly', { nullable: true, description: 'Only those you have not marked seen.' }) unseenOnly?: boolean,
  ) {
    return listMatches(ctx, search.id, toPage(pageArgs), unseenOnly ?? false);
  }

  @FieldResolver(() => Int, { description: 'Matches you have not marked seen.' })
  async unseenCount(@Ctx() ctx: RequestContext, @Root() search: SavedSearch): Promise<number> {
    return countUnseen(ctx, search.id);
  }

  @Subscription(() => SavedSearchMatchEvent, {
    description: 'New organizations and offers matching the saved searches of an organization you belong to (or one of them), as '
      + 'the matches list shows them to you. With `after`, what you missed since that cursor first (within the event retention), then live.',
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      const organizationId = await requireMembership(ctx.db, ctx.viewer, args.organizationId as string, 'Only members of the organization can follow its saved searches');
      const only = (args.savedSearchId as string | null | undefined) ?? null;
      if (only !== null) {
        const search = await requireSavedSearch(ctx.db, ctx.viewer, only);
        if (search.organizationId !== organizationId) throw new NotFoundError('Saved search');
      }
      return subscribeToEvents(ctx, {
        kinds: [SAVED_SEARCH_MATCH_EVENT],
        after: args.after as string | null | undefined,
        organizationIds: [organizationId],
        project: async (event, eventCtx) => {
          if (only !== null && event.data.savedSearchId !== only) return null;
          const match = await loadMatch(eventCtx, String(event.data.matchId));
          return match && { cursor: event.cursor, occurredAt: new Date(event.occurredAt), match };
        },
      });
    },
  })
  savedSearchMatched(
    @Root() event: SavedSearchMatchEvent,
    @Arg('organizationId', () => ID, { description: 'Your organization.' }) _organizationId: string,
    @Arg('savedSearchId', () => ID, { nullable: true, description: 'Only this saved search of it.' }) _savedSearchId?: string,
    @Arg('after', () => String, { nullable: true, description: 'The cursor of the last event you received.' }) _after?: string,
  ): SavedSearchMatchEvent {
    return event;
  }
}
