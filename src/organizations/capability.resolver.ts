import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { runMutation } from '../graphql/mutation.js';
import {
  CapabilityAddInput, CapabilityPayload, CapabilityUpdateInput, NeedAddInput, NeedPayload, NeedUpdateInput, RemoveInput,
  RemovePayload,
} from './capability.inputs.js';
import { addCapability, addNeed, removeChild, updateCapability, updateNeed, type ChildResult } from './capability.service.js';
import { readOrganization } from './organization.service.js';
import type { OrganizationRecord } from './organization.record.js';

// Every capability/need mutation answers with the item and its organization as it now stands.
async function withOrganization<T>(ctx: RequestContext, outcome: { result: ChildResult<T> | null }): Promise<{ item: T | null; organization: OrganizationRecord | null }> {
  if (!outcome.result) return { item: null, organization: null };
  return { item: outcome.result.item, organization: await readOrganization(ctx.db.manager, outcome.result.organizationId) };
}

@Resolver()
export class CapabilityResolver {
  @Mutation(() => CapabilityPayload)
  async capabilityAdd(@Ctx() ctx: RequestContext, @Arg('input', () => CapabilityAddInput, { validate: false }) input: CapabilityAddInput) {
    const outcome = await runMutation(ctx, input, (tx) => addCapability(ctx, tx, input));
    const { item, organization } = await withOrganization(ctx, outcome);
    return { capability: item, organization, userErrors: outcome.userErrors };
  }

  @Mutation(() => CapabilityPayload)
  async capabilityUpdate(@Ctx() ctx: RequestContext, @Arg('input', () => CapabilityUpdateInput, { validate: false }) input: CapabilityUpdateInput) {
    const outcome = await runMutation(ctx, input, (tx) => updateCapability(ctx, tx, input));
    const { item, organization } = await withOrganization(ctx, outcome);
    return { capability: item, organization, userErrors: outcome.userErrors };
  }

  @Mutation(() => RemovePayload)
  async capabilityRemove(@Ctx() ctx: RequestContext, @Arg('input', () => RemoveInput, { validate: false }) input: RemoveInput) {
    const outcome = await runMutation(ctx, input, (tx) => removeChild(ctx, tx, 'capabilities', input.id));
    const organization = outcome.result ? await readOrganization(ctx.db.manager, outcome.result) : null;
    return { removedId: outcome.result ? input.id : null, organization, userErrors: outcome.userErrors };
  }

  @Mutation(() => NeedPayload)
  async needAdd(@Ctx() ctx: RequestContext, @Arg('input', () => NeedAddInput, { validate: false }) input: NeedAddInput) {
    const outcome = await runMutation(ctx, input, (tx) => addNeed(ctx, tx, input));
    const { item, organization } = await withOrganization(ctx, outcome);
    return { need: item, organization, userErrors: outcome.userErrors };
  }

  @Mutation(() => NeedPayload)
  async needUpdate(@Ctx() ctx: RequestContext, @Arg('input', () => NeedUpdateInput, { validate: false }) input: NeedUpdateInput) {
    const outcome = await runMutation(ctx, input, (tx) => updateNeed(ctx, tx, input));
    const { item, organization } = await withOrganization(ctx, outcome);
    return { need: item, organization, userErrors: outcome.userErrors };
  }

  @Mutation(() => RemovePayload)
  async needRemove(@Ctx() ctx: RequestContext, @Arg('input', () => RemoveInput, { validate: false }) input: RemoveInput) {
    const outcome = await runMutation(ctx, input, (tx) => removeChild(ctx, tx, 'needs', input.id));
    const organization = outcome.result ? await readOrganization(ctx.db.manager, outcome.result) : null;
    return { removedId: outcome.result ? input.id : null, organization, userErrors: outcome.userErrors };
  }
}
