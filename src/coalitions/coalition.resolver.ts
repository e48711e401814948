import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../core/request-context.js';
import { readCoalition } from './coalition-query.service.js';
import { Coalition } from './coalition.types.js';

@Resolver()
export class CoalitionResolver {
  @Query(() => Coalition, { nullable: true, description: 'A coalition you may see; null for a hidden one exactly as for an unknown id.' })
  coalition(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Coalition | null> {
    return readCoalition(ctx, id);
  }
}
