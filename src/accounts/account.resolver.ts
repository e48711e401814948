import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../core/request-context.js';
import { UnauthenticatedError } from '../core/errors.js';
import { runMutation } from '../core/run-mutation.js';
import {
  AccountSessionPayload, AccountSignInInput, AccountSignOutPayload, AccountSignUpInput, AccountSignUpPayload,
  AccountVerifyEmailInput, ViewerInfo,
} from './account.types.js';
import { findUser, signIn, signOut, signUp, verifyEmail } from './account.service.js';
import { signInOutcome, verifyEmailOutcome } from './sign-in-throttle.js';

const SIGN_UP_ACCEPTED = 'If this address can be used, a confirmation code was sent to it. Enter it with accountVerifyEmail.';
const SIGN_UP_REFUSED = 'Nothing was done: correct the input (see userErrors) and try again.';

@Resolver()
export class AccountResolver {
  @Query(() => ViewerInfo, { nullable: true, description: 'The signed-in user; null when anonymous.' })
  async viewer(@Ctx() ctx: RequestContext): Promise<ViewerInfo | null> {
    if (!ctx.viewer.userId) return null;
    const user = await findUser(ctx, ctx.viewer.userId);
    if (!user) return null;
    return { user };
  }

  @Mutation(() => AccountSignUpPayload, {
    description: 'Starts a sign-up: mails a confirmation code (or, if the address has an account, a notice to it). '
      + 'The answer is the same whether or not the address is in use.',
  })
  async accountSignUp(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AccountSignUpInput, { validate: false }) input: AccountSignUpInput,
  ): Promise<AccountSignUpPayload> {
    const attempt = async (): Promise<AccountSignUpPayload> => {
      const { userErrors } = await runMutation(ctx, input, async (tx) => { await signUp(ctx, tx, input); return true; });
      const accepted = userErrors.length === 0;
      return { accepted, message: accepted ? SIGN_UP_ACCEPTED : SIGN_UP_REFUSED, userErrors };
    };
    // Sign-ups per address and mails per recipient (src/accounts/sign-in-throttle.ts).
    const throttle = ctx.throttle;
    return throttle ? throttle.throttles.signUp(throttle.clientAddress, String(input.email ?? ''), attempt, (payload) => payload.accepted) : attempt();
  }

  @Mutation(() => AccountSessionPayload, {
    description: 'Confirms the address with the mailed code and the password of that sign-up, and signs in. A wrong, used or '
      + 'expired code, a wrong password or an unknown address all answer INVALID_CODE; a code dies after 5 wrong attempts.',
  })
  async accountVerifyEmail(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AccountVerifyEmailInput, { validate: false }) input: AccountVerifyEmailInput,
  ): Promise<AccountSessionPayload> {
    const attempt = async (): Promise<AccountSessionPayload> => {
      // A wrong guess returns null rather than throwing, so the attempt it used is committed.
      const outcome = await runMutation(ctx, input, (tx) => verifyEmail(ctx, tx, input));
      const userErrors = outcome.userErrors.length || outcome.result
        ? outcome.userErrors
        : [{ code: 'INVALID_CODE', field: 'input.code', message: 'This code and password do not confirm this address (wrong, used or expired code, or another password)' }];
      return { token: outcome.result?.token ?? null, user: outcome.result?.user ?? null, userErrors };
    };
    // Wrong codes per address (src/accounts/sign-in-throttle.ts).
    const throttle = ctx.throttle;
    return throttle ? throttle.throttles.verifyEmail(throttle.clientAddress, attempt, verifyEmailOutcome) : attempt();
  }

  @Mutation(() => AccountSessionPayload)
  async accountSignIn(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AccountSignInInput, { validate: false }) input: AccountSignInInput,
  ): Promise<AccountSessionPayload> {
    const attempt = async (): Promise<AccountSessionPayload> => {
      const { result, userErrors } = await runMutation(ctx, input, (tx) => signIn(ctx, tx, input));
      return { token: result?.token ?? null, user: result?.user ?? null, userErrors };
    };
    // Wrong passwords per email (growing refusals) and per address (src/accounts/sign-in-throttle.ts).
    const throttle = ctx.throttle;
    return throttle ? throttle.throttles.signIn(throttle.clientAddress, String(input.email ?? ''), attempt, signInOutcome) : attempt();
  }

  @Mutation(() => AccountSignOutPayload, { description: 'Revokes the token this request was made with.' })
  async accountSignOut(@Ctx() ctx: RequestContext): Promise<AccountSignOutPayload> {
    if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
    const { result, userErrors } = await runMutation(ctx, null, (tx) => signOut(ctx, tx));
    return { revoked: result ?? false, userErrors };
  }
}
