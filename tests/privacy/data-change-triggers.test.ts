import { DATA_CHANGE_EXEMPT } from '../../src/db/data-changes.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The public response cache keeps anonymous answers until a committed write is heard (src/api/public-response-cache.ts).
// A table whose writes do not notify would let an answer outlive a change of what anonymous visitors may see (an
// organization made PRIVATE, a location hidden) until the time limit. So every table of the schema either notifies on
// every kind of write or is exempt by name, with a reason, as bookkeeping no anonymous answer reads; a new table
// added without a trigger fails here.

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app?.close());

test('every table notifies its writes, or is exempt as bookkeeping no anonymous answer reads', async () => {
  const tables: { name: string; row_trigger: boolean; truncate_trigger: boolean }[] = await app.db.query(`
    SELECT c.relname AS name,
      EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = c.oid AND p.proname = 'notify_data_changed'
        AND t.tgenabled <> 'D' AND (t.tgtype & 1) = 1 AND (t.tgtype & 28) = 28) AS row_trigger,
      EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = c.oid AND p.proname = 'notify_data_changed'
        AND t.tgenabled <> 'D' AND (t.tgtype & 32) = 32) AS truncate_trigger
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`);
  expect(tables.length).toBeGreaterThan(30);
  const wrong = tables.flatMap((t) => {
    const exempt = t.name in DATA_CHANGE_EXEMPT;
    const notifies = t.row_trigger && t.truncate_trigger;
    if (exempt && (t.row_trigger || t.truncate_trigger)) return [`${t.name}: exempt but notifies (take it off DATA_CHANGE_EXEMPT)`];
    if (!exempt && !notifies) return [`${t.name}: neither notifies on insert, update, delete and truncate nor is exempt`];
    return [];
  });
  expect(wrong).toEqual([]);
  // Every exemption names a table that exists (a renamed table would otherwise leave a stale exemption behind).
  expect(Object.keys(DATA_CHANGE_EXEMPT).filter((name) => !tables.some((t) => t.name === name))).toEqual([]);
});
