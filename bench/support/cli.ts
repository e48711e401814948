/** A bad command-line option: the bench prints the message and exits 2 instead of a stack trace. */
export class UsageError extends Error {}

/** An integer option of at least `min`, or a UsageError naming the option. */
export function positiveInt(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} must be an integer >= ${min}`);
  return value;
}
