import type { DataSource, EntityManager } from 'typeorm';

// Work that must run at the edges of a transaction, registered by whatever runs inside it, without the floor
// knowing what that work is: "just before commit" (still inside the transaction, e.g. append rows that must be
// written last) and "after commit" (outside it, e.g. tell others that something happened: a rolled-back
// transaction tells nobody). runTransaction opens such a transaction; runMutation uses it.

type BeforeCommit = () => Promise<void>;
type AfterCommit = () => void | Promise<void>;

interface Hooks {
  before: BeforeCommit[];
  after: AfterCommit[];
}

const open = new WeakMap<EntityManager, Hooks>();

function hooksOf(tx: EntityManager): Hooks {
  const hooks = open.get(tx);
  if (!hooks) throw new Error('This transaction has no commit hooks: open it with runTransaction (runMutation does)');
  return hooks;
}

/** Runs `fn` inside the transaction after its work, just before COMMIT (in registration order). */
export function beforeCommit(tx: EntityManager, fn: BeforeCommit): void {
  hooksOf(tx).before.push(fn);
}

/** Runs `fn` once the transaction has committed; never when it rolls back. A failure is reported, not thrown. */
export function afterCommit(tx: EntityManager, fn: AfterCommit): void {
  hooksOf(tx).after.push(fn);
}

/** Whether `tx` was opened by runTransaction (so beforeCommit/afterCommit may be used on it). */
export function hasCommitHooks(tx: EntityManager): boolean {
  return open.has(tx);
}

/**
 * One transaction with commit hooks: `work`, then the before-commit callbacks (which may register more), COMMIT,
 * then the after-commit callbacks in order. An after-commit failure goes to `onAfterCommitError` (the transaction
 * has committed: the caller's result stands).
 */
export async function runTransaction<T>(
  db: DataSource,
  work: (tx: EntityManager) => Promise<T>,
  onAfterCommitError: (error: unknown) => void = () => undefined,
): Promise<T> {
  const hooks: Hooks = { before: [], after: [] };
  const result = await db.transaction(async (tx) => {
    open.set(tx, hooks);
    try {
      const value = await work(tx);
      for (let i = 0; i < hooks.before.length; i++) await hooks.before[i]();
      return value;
    } finally {
      open.delete(tx);
    }
  });
  for (const fn of hooks.after) {
    try {
      await fn();
    } catch (error) {
      onAfterCommitError(error);
    }
  }
  return result;
}
