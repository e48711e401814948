import type { EntityManager } from 'typeorm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../core/request-context.js';
import { runMutation } from '../core/run-mutation.js';
import type { UserError } from '../core/user-error.types.js';
import {
  CapabilityAddInput, CapabilityPayload, CapabilityUpdateInput, NeedAddInput, NeedPayload, NeedUpdateInput, RemoveInput,
  RemovePayload,
} from './capability.inputs.js';
import { addCapability, addNeed, removeChild, updateCapability, updateNeed, type ChildResult } from './capability.service.js';
import { readOrganization } from '../profiles/organization.service.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';

// Every capability/need mutation runs the same way and answers with the item and its organization as it now stands
// (nothing but userErrors when it did not happen).
async function answer<T>(
  ctx: RequestContext, input: object, work: (tx: EntityManager) => Promise<ChildResult<T>>,
): Promise<{ item: T | null; organization: OrganizationRecord | null; userErrors: UserError[] }> {
  const outcome = await runMutation(ctx, input, work);
  const organization = outcome.result ? await readOrganization(ctx.db.manager, outcome.result.organizationId) : null;
  return { item: outcome.result?.item ?? null, organization, userErrors: outcome.userErrors };
}

/** A removal as a ChildResult whose item is the removed id. */
function removal(ctx: RequestContext, table: 'capabilities' | 'needs', id: string) {
  return async (tx: EntityManager): Promise<ChildResult<string>> => ({ item: id, organizationId: await removeChild(ctx, tx, table, id) });
}

@Resolver()
export class CapabilityResolver {
  @Mutation(() => CapabilityPayload)
  async capabilityAdd(@Ctx() ctx: RequestContext, @Arg('input', () => CapabilityAddInput, { validate: false }) input: CapabilityAddInput) {
    const { item, ...rest } = await answer(ctx, input, (tx) => addCapability(ctx, tx, input));
    return { capability: item, ...rest };
  }

  @Mutation(() => CapabilityPayload)
  async capabilityUpdate(@Ctx() ctx: RequestContext, @Arg('input', () => CapabilityUpdateInput, { validate: false }) input: CapabilityUpdateInput) {
    const { item, ...rest } = await answer(ctx, input, (tx) => updateCapability(ctx, tx, input));
    return { capability: item, ...rest };
  }

  @Mutation(() => RemovePayload)
  async capabilityRemove(@Ctx() ctx: RequestContext, @Arg('input', () => RemoveInput, { validate: false }) input: RemoveInput) {
    const { item, ...rest } = await answer(ctx, input, removal(ctx, 'capabilities', input.id));
    return { removedId: item, ...rest };
  }

  @Mutation(() => NeedPayload)
  async needAdd(@Ctx() ctx: RequestContext, @Arg('input', () => NeedAddInput, { validate: false }) input: NeedAddInput) {
    const { item, ...rest } = await answer(ctx, input, (tx) => addNeed(ctx, tx, input));
    return { need: item, ...rest };
  }

  @Mutation(() => NeedPayload)
  async needUpdate(@Ctx() ctx: RequestContext, @Arg('input', () => NeedUpdateInput, { validate: false }) input: NeedUpdateInput) {
    const { item, ...rest } = await answer(ctx, input, (tx) => updateNeed(ctx, tx, input));
    return { need: item, ...rest };
  }

  @Mutation(() => RemovePayload)
  async needRemove(@Ctx() ctx: RequestContext, @Arg('input', () => RemoveInput, { validate: false }) input: RemoveInput) {
    const { item, ...rest } = await answer(ctx, input, removal(ctx, 'needs', input.id));
    return { removedId: item, ...rest };
  }
}
