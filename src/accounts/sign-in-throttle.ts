import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../core/config.js';
import { RateLimitedError } from '../core/errors.js';
import { isOverLimit, type LimiterStore } from '../core/limiter-store.js';
import type { RequestContext } from '../core/request-context.js';

// Throttles on the account mutations, beside the cost budget every operation pays:
// - accountSignIn: per email, after SIGN_IN_FREE_FAILURES consecutive wrong passwords every further attempt is
//   refused for a growing time (base, 2 x base, 4 x base, ... capped), one attempt let through between refusals;
//   per address, at most SIGN_IN_ADDRESS_FAILURES wrong passwords per window. While blocked even the right
//   password is refused, and the refusal is the same whether or not the email has an account (the counters are
//   kept by email, for any email). A success resets the email's count.
// - accountVerifyEmail: wrong codes per address (each code also dies after 5 wrong attempts).
// - accountSignUp: sign-ups per address, and mails per recipient per day (the outbox is no spam cannon).
// - organizationMemberInvite: invitation mails per organization per day, counted after authorization (so
//   nobody else can use up an organization's invitations, or learn from a refusal that a PRIVATE one exists).

export type AttemptOutcome = 'success' | 'failure' | 'neutral';

/** Attached to the request context by the transports; absent in scripts, which are not throttled. */
export interface ThrottleContext {
  clientAddress: string;
  throttles: AccountThrottles;
}

declare module '../core/request-context.js' {
  interface RequestContext {
    /** The client address and the account throttles (set by the HTTP and WebSocket transports; absent in scripts). */
    throttle?: ThrottleContext;
  }
}

const SIGN_IN_REFUSED = 'Too many failed sign-in attempts; retry later';
const VERIFY_REFUSED = 'Too many wrong confirmation codes from this address; retry later';
const SIGN_UP_REFUSED = 'Too many sign-ups; retry later';
const DAY_SECONDS = 24 * 3600;
/** A count of consecutive failures is forgotten a day after the first (a success forgets it at once). */
const FAILURE_MEMORY_SECONDS = DAY_SECONDS;
const UNLIMITED = 1_000_000_000;

export class AccountThrottles {
  private readonly signInFailuresByEmail: RateLimiterAbstract;
  /** Refusals between failures: blocked for the growing delay, or holding the one attempt let through. */
  private readonly signInGateByEmail: RateLimiterAbstract;
  private readonly signInFailuresByAddress: RateLimiterAbstract;
  private readonly verifyFailuresByAddress: RateLimiterAbstract;
  private readonly signUpsByAddress: RateLimiterAbstract;
  private readonly signUpMailsByEmail: RateLimiterAbstract;
  private readonly invitationMailsByOrganization: RateLimiterAbstract;

  constructor(store: LimiterStore, private readonly config: RateLimitConfig) {
    this.signInFailuresByEmail = store.limiter('signin:fail:email', UNLIMITED, FAILURE_MEMORY_SECONDS);
    this.signInGateByEmail = store.limiter('signin:gate:email', 1, config.signInBlockBaseSeconds);
    this.signInFailuresByAddress = store.limiter('signin:fail:address', config.signInAddressFailures, config.accountWindowSeconds);
    this.verifyFailuresByAddress = store.limiter('verify:fail:address', config.verifyEmailAddressFailures, config.accountWindowSeconds);
    this.signUpsByAddress = store.limiter('signup:address', config.signUpsPerAddress, config.accountWindowSeconds);
    this.signUpMailsByEmail = store.limiter('signup:mail:email', config.signUpMailsPerEmailPerDay, DAY_SECONDS);
    this.invitationMailsByOrganization = store.limiter('invite:mail:org', config.invitationMailsPerOrganizationPerDay, DAY_SECONDS);
  }

  /** The refusal after the nth consecutive failure (n >= free failures): base x 2^(n - free), capped. */
  blockSeconds(failures: number): number {
    const { signInFreeFailures: free, signInBlockBaseSeconds: base, signInBlockMaxSeconds: max } = this.config;
    return Math.min(max, base * 2 ** Math.min(30, Math.max(0, failures - free)));
  }

  async signIn<T>(address: string, email: string, attempt: () => Promise<T>, outcomeOf: (result: T) => AttemptOutcome): Promise<T> {
    const emailKey = email.trim().toLowerCase();
    // Each attempt reserves a failure up front (atomically, in Redis too) and gives it back if it was not one, so
    // concurrent attempts cannot slip past the limit between a check and a count.
    await reserve(this.signInFailuresByAddress, address, SIGN_IN_REFUSED);
    let failures: number;
    try {
      failures = (await this.signInFailuresByEmail.consume(emailKey)).consumedPoints;
      if (failures > this.config.signInFreeFailures) {
        try {
          // Admits one attempt per refusal period, and holds the gate while it runs.
          await reserve(this.signInGateByEmail, emailKey, SIGN_IN_REFUSED, this.blockSeconds(failures - 1));
        } catch (error) {
          await giveBack(this.signInFailuresByEmail, emailKey);
          throw error;
        }
      }
    } catch (error) {
      await giveBack(this.signInFailuresByAddress, address);
      throw error;
    }
    let outcome: AttemptOutcome = 'neutral';
    try {
      const result = await attempt();
      outcome = outcomeOf(result);
      return result;
    } finally {
      if (outcome === 'success') {
        await Promise.all([
          this.signInFailuresByEmail.delete(emailKey).catch(() => undefined),
          this.signInGateByEmail.delete(emailKey).catch(() => undefined),
          giveBack(this.signInFailuresByAddress, address),
        ]);
      } else if (outcome === 'neutral') {
        await Promise.all([giveBack(this.signInFailuresByEmail, emailKey), giveBack(this.signInFailuresByAddress, address)]);
      } else if (failures >= this.config.signInFreeFailures) {
        await this.signInGateByEmail.block(emailKey, this.blockSeconds(failures)).catch(() => undefined);
      }
    }
  }

  async verifyEmail<T>(address: string, attempt: () => Promise<T>, outcomeOf: (result: T) => AttemptOutcome): Promise<T> {
    await reserve(this.verifyFailuresByAddress, address, VERIFY_REFUSED);
    let outcome: AttemptOutcome = 'neutral';
    try {
      const result = await attempt();
      outcome = outcomeOf(result);
      return result;
    } finally {
      if (outcome !== 'failure') await giveBack(this.verifyFailuresByAddress, address);
    }
  }

  /** Every sign-up counts for its address and, as a mail, for its recipient; one that mailed nothing is given back. */
  async signUp<T>(address: string, email: string, attempt: () => Promise<T>, mailed: (result: T) => boolean): Promise<T> {
    const emailKey = email.trim().toLowerCase();
    await reserve(this.signUpsByAddress, address, SIGN_UP_REFUSED);
    try {
      await reserve(this.signUpMailsByEmail, emailKey, SIGN_UP_REFUSED);
    } catch (error) {
      await giveBack(this.signUpsByAddress, address);
      throw error;
    }
    let sent = false;
    try {
      const result = await attempt();
      sent = mailed(result);
      return result;
    } finally {
      if (!sent) await Promise.all([giveBack(this.signUpsByAddress, address), giveBack(this.signUpMailsByEmail, emailKey)]);
    }
  }

  /** Called by inviteMember once the inviter is authorized and a mail is about to be queued. */
  async invitationMail(organizationId: string): Promise<void> {
    await reserve(this.invitationMailsByOrganization, organizationId,
      `This organization has sent its ${this.config.invitationMailsPerOrganizationPerDay} invitations for today; retry later`);
  }
}

async function reserve(limiter: RateLimiterAbstract, key: string, message: string, customDuration?: number): Promise<void> {
  try {
    await limiter.consume(key, 1, customDuration ? { customDuration } : undefined);
  } catch (reason) {
    if (isOverLimit(reason)) throw new RateLimitedError(message, reason.msBeforeNext);
    throw reason;
  }
}

async function giveBack(limiter: RateLimiterAbstract, key: string): Promise<void> {
  await limiter.reward(key, 1).catch(() => undefined);
}

/** The throttles of this request, or null when it did not come through a transport (scripts, benches). */
export function throttleOf(ctx: RequestContext): ThrottleContext | null {
  return ctx.throttle ?? null;
}

/** How a sign-in answer counts: a token (or the right password of an unconfirmed account) is a success. */
export function signInOutcome(payload: { token: string | null; userErrors: { code: string }[] }): AttemptOutcome {
  if (payload.token) return 'success';
  const code = payload.userErrors[0]?.code;
  if (code === 'INVALID_CREDENTIALS') return 'failure';
  // Only the right password learns EMAIL_NOT_VERIFIED; any other user error (invalid input) checked no password.
  return code === 'EMAIL_NOT_VERIFIED' ? 'success' : 'neutral';
}

export function verifyEmailOutcome(payload: { token: string | null; userErrors: { code: string }[] }): AttemptOutcome {
  if (payload.token) return 'success';
  return payload.userErrors[0]?.code === 'INVALID_CODE' ? 'failure' : 'neutral';
}
