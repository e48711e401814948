import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../core/request-context.js';
import { runMutation } from '../core/run-mutation.js';
import { createIssueArea, createSkill, listCategories, listIssueAreas, listSkills } from './taxonomy.service.js';
import {
  CapabilityCategory, IssueArea, IssueAreaCreateInput, IssueAreaCreatePayload, Skill, SkillCreateInput, SkillCreatePayload,
} from './taxonomy.types.js';

@Resolver(() => CapabilityCategory)
export class CapabilityCategoryResolver {
  @FieldResolver(() => [Skill], { complexity: 5 })
  skills(@Root() category: CapabilityCategory, @Ctx() ctx: RequestContext): Promise<Skill[]> {
    return ctx.loaders.skillsByCategory.load(category.id);
  }
}

@Resolver()
export class TaxonomyResolver {
  @Query(() => [CapabilityCategory])
  capabilityCategories(@Ctx() ctx: RequestContext): Promise<CapabilityCategory[]> {
    return listCategories(ctx);
  }

  @Query(() => [Skill])
  skills(@Ctx() ctx: RequestContext, @Arg('categoryId', () => ID, { nullable: true }) categoryId?: string): Promise<Skill[]> {
    return listSkills(ctx, categoryId);
  }

  @Query(() => [IssueArea])
  issueAreas(@Ctx() ctx: RequestContext): Promise<IssueArea[]> {
    return listIssueAreas(ctx);
  }

  @Mutation(() => SkillCreatePayload, { description: 'Admins only.' })
  async skillCreate(@Ctx() ctx: RequestContext, @Arg('input', () => SkillCreateInput, { validate: false }) input: SkillCreateInput) {
    const { result, userErrors } = await runMutation(ctx, input, (tx) => createSkill(ctx, tx, input));
    return { skill: result, userErrors };
  }

  @Mutation(() => IssueAreaCreatePayload, { description: 'Admins only.' })
  async issueAreaCreate(@Ctx() ctx: RequestContext, @Arg('input', () => IssueAreaCreateInput, { validate: false }) input: IssueAreaCreateInput) {
    const { result, userErrors } = await runMutation(ctx, input, (tx) => createIssueArea(ctx, tx, input));
    return { issueArea: result, userErrors };
  }
}
