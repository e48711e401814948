import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { PageArgs, toPage } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { coalitionSuggestionsComplexity, partnerSuggestionsComplexity } from './suggestion-cost.js';
import { listCoalitionSuggestions } from './coalition-suggestion.service.js';
import { listPartnerSuggestions } from './partner-suggestion.service.js';
import {
  CoalitionAlternative, CoalitionSuggestionInput, PartnerSuggestion, PartnerSuggestionConnection, PartnerSuggestionFilter,
} from './suggestion.types.js';

@Resolver(() => PartnerSuggestion)
export class SuggestionResolver {
  @Query(() => PartnerSuggestionConnection, {
    description: 'Partners for an organization you belong to, best first, each with its score, its parts and reasons. '
      + 'PRIVATE organizations appear only anonymously and only if they opted in. The engine ranks the few hundred '
      + 'strongest candidates found through the skill, issue-area and location indexes; totalCount counts those ranked.',
    complexity: partnerSuggestionsComplexity,
  })
  async partnerSuggestions(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('filter', () => PartnerSuggestionFilter, { nullable: true }) filter?: PartnerSuggestionFilter,
  ) {
    return listPartnerSuggestions(ctx, organizationId, filter ?? {}, toPage(pageArgs));
  }

  @Query(() => [CoalitionAlternative], {
    description: 'Distinct coalitions for an issue and a place, asked by a member of `input.organizationId`, with '
      + 'coverage, gaps and who could fill them. Priced by its work (categories, size range, alternatives); the '
      + 'search runs in a worker under a time budget and marks a cut result `complete: false`.',
    complexity: coalitionSuggestionsComplexity,
  })
  async coalitionSuggestions(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CoalitionSuggestionInput) input: CoalitionSuggestionInput,
  ): Promise<CoalitionAlternative[]> {
    return listCoalitionSuggestions(ctx, input);
  }
}
