// The engine's entry in a worker thread (src/suggestions/engine-pool.ts runs it with piscina). The engine is pure,
// so a task is plain data in and plain data out; the only non-plain part of an input, the trust graph's Maps and
// Sets, travels as arrays (structured cloning would copy Maps too, but arrays keep the task a JSON-like value that
// any transport could carry, and they are cheaper to clone).
import { suggestCoalitionsWithin, type CoalitionOutcome } from './coalition-build.js';
import type { CoalitionInput } from './types.js';

export interface WireTrust {
  collaborators: [string, string[]][];
  names?: [string, string][];
}

export type WireCoalitionInput = Omit<CoalitionInput, 'trust'> & { trust: WireTrust };

export interface CoalitionTask {
  input: WireCoalitionInput;
  /** Milliseconds the search may run, counted from when the worker starts the task (not from when it was queued). */
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

/** Coalition suggestions under a work budget (see suggestCoalitionsWithin). */
export function coalitions(task: CoalitionTask): CoalitionTaskResult {
  const started = performance.now();
  const outcome = suggestCoalitionsWithin(fromWireCoalitionInput(task.input), { deadline: started + task.budgetMs });
  return { ...outcome, ms: performance.now() - started };
}
