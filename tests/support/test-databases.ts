/** Databases of one test run share this prefix, so concurrent runs on one server never touch each other's. */
export function runPrefix(): string {
  const run = process.env.COALESCE_TEST_RUN;
  if (!run) throw new Error('COALESCE_TEST_RUN is not set: run the tests through jest (global setup)');
  return `coalesce_test_${run}`;
}

export const templateDatabase = () => `${runPrefix()}_template`;
