import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { EngineConfig } from '../core/config.js';
import type { RequestContext } from '../core/request-context.js';
import { QueryLimitError, ServiceBusyError } from '../core/errors.js';
import { suggestCoalitionsWithin, type CoalitionInput, type CoalitionOutcome } from '../matching/index.js';
import { cpuBudget, toWireCoalitionInput, type CoalitionTask, type CoalitionTaskResult } from '../matching/engine-worker.js';

// The matching engine's heavy work (coalition search; event schedules next) runs in worker threads, so one
// request cannot stall the event loop: a coalition search of 30 members over 13 categories took 3.6 s of pure
// CPU, during which the process answered nothing. piscina (a maintained pool on node:worker_threads) gives a
// fixed set of threads, a bounded queue, worker replacement after a crash and a clean close; the tasks are plain
// data (src/matching/engine-worker.ts). Every task runs under a budget of its thread's CPU time inside the engine
// (the search returns the best found so far; at most 4 budgets of wall time on a starved machine), so a thread is
// never held much longer than the budget plus the model's set-up.
//
// A full queue answers SERVICE_BUSY (HTTP 503 with Retry-After and extensions.retryAfterSeconds): the server as a
// whole is at capacity, which is neither this client's rate (RATE_LIMITED) nor the shape of its query
// (QUERY_LIMIT_EXCEEDED), and retrying later succeeds.

/** Lower scheduling priority of the worker threads (Linux nice), so the event loop and PostgreSQL come first. */
const WORKER_NICE = 10;
/** A worker that grows past this heap is ended and replaced (its task fails) instead of taking the process down. */
const WORKER_HEAP_MB = 512;

declare module '../core/request-context.js' {
  interface RequestContext {
    /** The app's worker pool for heavy engine work; absent (scripts, benches), the work runs in-process. */
    engine?: EnginePool;
  }
}

/** From the sources (ts-node, jest) the worker needs ts-node registered in it; the compiled build loads the .js. */
function workerFile(): string {
  const fromSources = __filename.endsWith('.ts');
  return join(__dirname, '..', 'matching', fromSources ? 'engine-worker-ts.js' : 'engine-worker.js');
}

/** An expected refusal: built without a stack trace, which under a flood was a good part of its cost. */
function engineBusy(retryAfterSeconds: number): EngineBusyError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new EngineBusyError(retryAfterSeconds);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export class EngineBusyError extends ServiceBusyError {
  constructor(retryAfterSeconds: number) {
    super('The matching engine is busy; retry later', retryAfterSeconds);
  }
}

/** Nothing feasible was found before the budget ran out. */
export class EngineBudgetError extends QueryLimitError {
  constructor(budgetMs: number) {
    super(
      `The coalition search found no coalition within its work budget of ${budgetMs} ms; ask for fewer categories, `
        + 'a smaller size range or fewer alternatives',
      { budgetMs },
    );
  }
}

export interface EngineStats {
  threads: number;
  running: number;
  queued: number;
  completed: number;
  /** Tasks the budget cut short. */
  cut: number;
  /** Tasks refused because the queue was full. */
  refused: number;
}

export class EnginePool {
  private readonly piscina: Piscina;
  /** Tasks handed to the pool and not yet settled: running in a thread or waiting in the queue. */
  private inFlight = 0;
  private completed = 0;
  private cut = 0;
  private refused = 0;

  constructor(readonly options: EngineConfig) {
    this.piscina = new Piscina({
      filename: workerFile(),
      // Threads start with the first search, not with the app: start-up (and a test app that never searches) does
      // not pay for loading the engine in each thread; once started they stay (idleTimeout below).
      minThreads: 0,
      maxThreads: options.threads,
      maxQueue: Math.max(options.queue, 0),
      // One task at a time per thread: a search is CPU-bound, a second one would only halve the speed of both.
      concurrentTasksPerWorker: 1,
      niceIncrement: WORKER_NICE,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      idleTimeout: Number.POSITIVE_INFINITY,
    });
  }

  get budgetMs(): number {
    return this.options.budgetMs;
  }

  stats(): EngineStats {
    return {
      threads: this.options.threads,
      running: this.inFlight - this.piscina.queueSize,
      queued: this.piscina.queueSize,
      completed: this.completed,
      cut: this.cut,
      refused: this.refused,
    };
  }

  /** Seconds after which a refused request may expect a free place: the queue ahead of it drained at the budget. */
  private retryAfterSeconds(): number {
    const waves = Math.ceil(this.inFlight / this.options.threads);
    return Math.max(1, Math.ceil((waves * this.options.budgetMs) / 1000));
  }

  /** SERVICE_BUSY now when every thread is busy and the queue is full (before a request spends database work). */
  ensureCapacity(): void {
    if (this.inFlight >= this.options.threads + this.options.queue) {
      this.refused++;
      throw engineBusy(this.retryAfterSeconds());
    }
  }

  async coalitions(input: CoalitionInput): Promise<CoalitionOutcome> {
    this.ensureCapacity();
    const task: CoalitionTask = { input: toWireCoalitionInput(input), budgetMs: this.options.budgetMs };
    this.inFlight++;
    let result: CoalitionTaskResult;
    try {
      result = (await this.piscina.run(task, { name: 'coalitions' })) as CoalitionTaskResult;
    } catch (error) {
      if (error instanceof Error && /queue is at limit|No task queue available/.test(error.message)) {
        this.refused++;
        throw engineBusy(this.retryAfterSeconds());
      }
      throw error;
    } finally {
      this.inFlight--;
    }
    this.completed++;
    if (!result.complete) this.cut++;
    return { alternatives: result.alternatives, complete: result.complete };
  }

  /** Waits for the running tasks (each bounded by the budget), then ends the threads. */
  async close(): Promise<void> {
    await this.piscina.close();
  }
}

/** The default budget where no pool runs (scripts and benches calling the services directly). */
export const DEFAULT_BUDGET_MS = 1500;

/**
 * Coalition suggestions for a request: in the app's pool when there is one, else in-process under the default
 * budget. A search that the budget stopped before it found anything feasible is EngineBudgetError.
 */
export async function runCoalitionEngine(ctx: RequestContext, input: CoalitionInput): Promise<CoalitionOutcome> {
  const budgetMs = ctx.engine?.budgetMs ?? DEFAULT_BUDGET_MS;
  const outcome = ctx.engine
    ? await ctx.engine.coalitions(input)
    : suggestCoalitionsWithin(input, cpuBudget(budgetMs));
  if (!outcome.complete) {
    ctx.log.warn({ budgetMs, alternatives: outcome.alternatives.length, asked: input.alternatives }, 'coalition search cut by its work budget');
    if (outcome.alternatives.length === 0) throw new EngineBudgetError(budgetMs);
  }
  return outcome;
}
