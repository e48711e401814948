// The engine's entry in a worker thread (src/suggestions/engine-pool.ts runs it with piscina). The engine is pure,
// so a task is plain data in and plain data out; the only non-plain part of an input, the trust graph's Maps and
// Sets, travels as arrays (structured cloning would copy Maps too, but arrays keep the task a JSON-like value that
// any transport could carry, and they are cheaper to clone).
import { readFileSync } from 'node:fs';
import { suggestCoalitionsWithin, type CoalitionBudget, type CoalitionOutcome } from './coalitions/coalition-build.js';
import type { CoalitionInput } from './types.js';

export interface WireTrust {
  collaborators: [string, string[]][];
  names?: [string, string][];
}

export type WireCoalitionInput = Omit<CoalitionInput, 'trust'> & { trust: WireTrust };

export interface CoalitionTask {
  input: WireCoalitionInput;
  /** CPU milliseconds the search may use in its thread, counted from when the worker starts the task (not queued time). */
  budgetMs: number;
}

export interface CoalitionTaskResult extends CoalitionOutcome {
  /** Time the worker spent on the task. */
  ms: number;
}

export function toWireCoalitionInput(input: CoalitionInput): WireCoalitionInput {
  const collaborators: [string, string[]][] = [];
  for (const [id, set] of input.trust.collaborators) collaborators.push([id, [...set]]);
  const names = input.trust.names ? [...input.trust.names] : undefined;
  return { ...input, trust: { collaborators, ...(names ? { names } : {}) } };
}

export function fromWireCoalitionInput(wire: WireCoalitionInput): CoalitionInput {
  const collaborators = new Map(wire.trust.collaborators.map(([id, ids]) => [id, new Set(ids)] as const));
  const names = wire.trust.names ? new Map(wire.trust.names) : undefined;
  return { ...wire, trust: { collaborators, ...(names ? { names } : {}) } };
}

/**
 * CPU time of the calling thread in ms, from Linux's /proc/thread-self/schedstat (nanoseconds on the CPU; about
 * 30 µs to read); null elsewhere. Node 20 has no per-thread CPU clock (process.threadCpuUsage came in Node 23.9).
 */
export function threadCpuMs(): number | null {
  try {
    const ns = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : null;
  } catch {
    return null;
  }
}

/** However starved of CPU the thread is, a search ends after this many budgets of wall time. */
const MAX_WALL_BUDGETS = 4;

/**
 * A budget of `budgetMs` of the calling thread's CPU time, from now. The deadline is first set in wall time (read
 * cheaply in the search loops); when it passes, the thread's CPU clock decides: on a busy machine a thread gets
 * less CPU than wall time, so the search goes on until it has had its budget of CPU, or 4 budgets of wall time.
 * Where no thread CPU clock exists, the budget is wall time.
 */
export function cpuBudget(budgetMs: number): CoalitionBudget {
  const started = performance.now();
  const cpuStart = threadCpuMs();
  const wallEnd = started + MAX_WALL_BUDGETS * budgetMs;
  return {
    deadline: started + budgetMs,
    extendDeadline: (now) => {
      const cpuNow = cpuStart === null ? null : threadCpuMs();
      if (cpuStart === null || cpuNow === null) return undefined;
      const left = budgetMs - (cpuNow - cpuStart);
      if (left < 1 || now >= wallEnd) return undefined;
      return Math.min(now + left, wallEnd);
    },
  };
}

/** Coalition suggestions under a budget of the worker thread's CPU time (see suggestCoalitionsWithin). */
export function coalitions(task: CoalitionTask): CoalitionTaskResult {
  const started = performance.now();
  const outcome = suggestCoalitionsWithin(fromWireCoalitionInput(task.input), cpuBudget(task.budgetMs));
  return { ...outcome, ms: performance.now() - started };
}
