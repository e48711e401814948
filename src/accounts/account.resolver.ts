import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { UnauthenticatedError } from '../graphql/errors.js';
import { runMutation } from '../graphql/mutation.js';
import { listViewerMemberships } from '../organizations/membership.service.js';
import {
  AccountSessionPayload, AccountSignInInput, AccountSignOutPayload, AccountSignUpInput, ViewerInfo,
} from './account.types.js';
import { findUser, signIn, signOut, signUp } from './account.service.js';

@Resolver()
export class AccountResolver {
  @Query(() => ViewerInfo, { nullable: true, description: 'The signed-in user; null when anonymous.' })
  async viewer(@Ctx() ctx: RequestContext): Promise<ViewerInfo | null> {
    if (!ctx.viewer.userId) return null;
    const user = await findUser(ctx, ctx.viewer.userId);
    if (!user) return null;
    return { user, memberships: await listViewerMemberships(ctx) };
  }

  @Mutation(() => AccountSessionPayload)
  async accountSignUp(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AccountSignUpInput, { validate: false }) input: AccountSignUpInput,
  ): Promise<AccountSessionPayload> {
    const { result, userErrors } = await runMutation(ctx, input, (tx) => signUp(ctx, tx, input));
    return { token: result?.token ?? null, user: result?.user ?? null, userErrors };
  }

  @Mutation(() => AccountSessionPayload)
  async accountSignIn(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AccountSignInInput, { validate: false }) input: AccountSignInInput,
  ): Promise<AccountSessionPayload> {
    const { result, userErrors } = await runMutation(ctx, input, (tx) => signIn(ctx, tx, input));
    return { token: result?.token ?? null, user: result?.user ?? null, userErrors };
  }

  @Mutation(() => AccountSignOutPayload, { description: 'Revokes the token this request was made with.' })
  async accountSignOut(@Ctx() ctx: RequestContext): Promise<AccountSignOutPayload> {
    if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
    const { result, userErrors } = await runMutation(ctx, null, (tx) => signOut(ctx, tx));
    return { revoked: result ?? false, userErrors };
  }
}
