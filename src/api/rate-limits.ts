import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config, RateLimitConfig } from '../core/config.js';
import { RateLimitedError } from '../core/errors.js';
import { isOverLimit, LimiterStore } from '../core/limiter-store.js';
import { toGraphQLError } from './error-mapping.js';

// Rate limits are counted with rate-limiter-flexible: a maintained, dependency-free library (weekly releases,
// millions of downloads) whose Redis limiter increments and expires a key in one Lua script (atomic across
// processes, no read-modify-write race), whose memory limiter has the same API (one code path for one process and
// for many), which charges any number of points per call (an operation's cost, not just "one request"), and which
// falls back to an in-memory "insurance" limiter when Redis does not answer, so an outage of Redis neither
// lets everything through nor refuses everything. Writing that by hand is where counting bugs hide.

/** A budget as clients see it (the x-ratelimit-* headers, and extensions.cost of a RATE_LIMITED error). */
export interface Budget {
  /** Whose budget: the signed-in user (any of its tokens) or the client address. The tighter one is reported. */
  scope: 'user' | 'address';
  /** The cost of this operation. */
  requested: number;
  limit: number;
  remaining: number;
  resetAt: Date;
}

/**
 * Query cost per window, per user and per client address: every operation is charged its cost (the one the query
 * limits computed) up front, once it is resolved and priced, on HTTP and WebSocket alike. A signed-in request
 * counts against both its user and its address (so one address cannot spread a flood over many accounts); the
 * address budget is the larger one, so one user spending theirs leaves the others behind the same address alone.
 */
export class CostBudgets {
  private readonly byUser: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(store: LimiterStore, private readonly config: RateLimitConfig) {
    this.byUser = store.limiter('cost:user', config.userCostPerWindow, config.costWindowSeconds);
    this.byAddress = store.limiter('cost:address', config.addressCostPerWindow, config.costWindowSeconds);
  }

  /** Charges the operation; throws RATE_LIMITED (HTTP 429, Retry-After) when a budget would be overdrawn. */
  async charge(subject: { userId: string | null; address: string }, rawCost: number): Promise<ReportedBudget> {
    const cost = Math.max(1, Math.ceil(rawCost));
    const charges: { scope: Budget['scope']; limiter: RateLimiterAbstract; key: string; limit: number }[] = [
      { scope: 'address', limiter: this.byAddress, key: subject.address, limit: this.config.addressCostPerWindow },
    ];
    if (subject.userId) charges.push({ scope: 'user', limiter: this.byUser, key: subject.userId, limit: this.config.userCostPerWindow });
    const settled = await Promise.allSettled(charges.map((c) => c.limiter.consume(c.key, cost)));
    const budgets = settled.map((outcome, i): Budget & { refused: boolean } => {
      const res = outcome.status === 'fulfilled' ? outcome.value : outcome.reason;
      if (!isOverLimit(res)) throw res; // a store failure with no insurance: a fault, masked as such
      const refused = outcome.status === 'rejected';
      return {
        scope: charges[i].scope,
        requested: cost,
        limit: charges[i].limit,
        // A refused operation is given back (below): what remains is what there was before it.
        remaining: refused ? Math.max(0, charges[i].limit - (res.consumedPoints - cost)) : res.remainingPoints,
        resetAt: new Date(Date.now() + res.msBeforeNext),
        refused,
      };
    });
    const refused = budgets.filter((b) => b.refused);
    if (refused.length > 0) {
      // A refused operation costs nothing (so a cheaper one that fits is still served): give its charges back.
      await Promise.all(charges.map((c) => c.limiter.reward(c.key, cost).catch(() => undefined)));
      const worst = refused.reduce((a, b) => (b.resetAt > a.resetAt ? b : a));
      return Promise.reject(toGraphQLError(new RateLimitedError(
        `Rate limit exceeded: this operation costs ${cost} and the ${worst.scope === 'user' ? "account's" : "address's"} budget of ${worst.limit} per ${this.config.costWindowSeconds} s is spent; retry after the reset`,
        worst.resetAt.getTime() - Date.now(),
        { cost: publicBudget(worst) },
      )));
    }
    const tightest = budgets.reduce((a, b) => (b.remaining < a.remaining ? b : a));
    return publicBudget(tightest);
  }
}

/** A budget as it travels in a response (resetAt as an ISO string). */
export type ReportedBudget = Omit<Budget, 'resetAt'> & { resetAt: string };

function publicBudget(budget: Budget): ReportedBudget {
  return { scope: budget.scope, requested: budget.requested, limit: budget.limit, remaining: budget.remaining, resetAt: budget.resetAt.toISOString() };
}

/** GitHub's header names: clients and proxies already know them. x-ratelimit-reset is in epoch seconds. */
export function budgetHeaders(budget: ReportedBudget): [string, string][] {
  const resetAt = new Date(budget.resetAt);
  return [
    ['x-ratelimit-limit', String(budget.limit)],
    ['x-ratelimit-remaining', String(budget.remaining)],
    ['x-ratelimit-reset', String(Math.ceil(resetAt.getTime() / 1000))],
    ['x-ratelimit-cost', String(budget.requested)],
    ['x-ratelimit-scope', budget.scope],
  ];
}

/**
 * The client address the limits count: the socket's peer, or with TRUST_PROXY the first X-Forwarded-For hop (the
 * proxy must set that header itself, overwriting what clients send, or clients choose their address). IPv4-mapped
 * IPv6 is read as IPv4, and IPv6 is counted per /64 (one subscriber usually holds a whole /64).
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  let address = req.socket.remoteAddress ?? '';
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
    if (first && isIP(stripPort(first))) address = stripPort(first);
  }
  return addressKey(address);
}

function stripPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1];
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(hop);
  return v4WithPort ? v4WithPort[1] : hop;
}

export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return address || 'unknown';
  const [head, tail] = address.toLowerCase().split('::');
  const groupsOf = (part: string | undefined) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const left = groupsOf(head);
  const right = groupsOf(tail);
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** The limits of one app: created from the config, closed with it. */
export interface RateLimits {
  store: LimiterStore;
  budgets: CostBudgets;
  config: RateLimitConfig;
}

export function createRateLimits(config: Config, log: Logger): RateLimits {
  const store = new LimiterStore(config.redisUrl, config.rateLimits.redisPrefix, log);
  return { store, budgets: new CostBudgets(store, config.rateLimits), config: config.rateLimits };
}
