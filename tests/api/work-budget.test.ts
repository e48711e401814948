import { Viewer } from '../../src/core/viewer.js';
import { MembershipRole } from '../../src/core/enums.js';
import { createLogger } from '../../src/core/logger.js';
import { createContext } from '../../src/api/request-context.js';
import { LIMITS, operationCost } from '../../src/api/limits.js';
import { getSchema } from '../../src/api/schema.js';
import { listCoalitionSuggestions } from '../../src/suggestions/coalition-suggestion.service.js';
import { loadDemoData } from '../../seeds/load-demo.js';
import { parse } from 'graphql';
import { createOrg, issueAreaId, signUp, type TestUser } from '../support/factories.js';
import { errorCode, ok, rawGql, type GraphQLResponse } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The issue: one coalitionSuggestions request (13 categories, maxSize 30, 5 alternatives) ran 3.6 s on the event
// loop over the ~70 demo organizations, and 15 aliases of it stalled everyone for 49 s. Here it runs in the
// engine's worker threads under a work budget, and the cost limit prices it by its work.

interface Member { organization: { id: string } | null; anonymous: { token: string; kind: string } | null }
interface Alternative {
  complete: boolean;
  score: number;
  members: Member[];
  coverage: { categoryId: string; level: string | null; member: Member | null }[];
  gaps: string[];
}
type Coalitions = { coalitionSuggestions: Alternative[] };

const SELECTION = `complete score gaps
  members { organization { id } anonymous { token kind } }
  coverage { categoryId level member { organization { id } anonymous { token kind } } }`;
const COALITIONS = `query Coalitions($input: CoalitionSuggestionInput!) { coalitionSuggestions(input: $input) { ${SELECTION} } }`;
const aliased = (count: number) =>
  `query Aliased($input: CoalitionSuggestionInput!) { ${Array.from({ length: count }, (_, i) => `a${i}: coalitionSuggestions(input: $input) { score }`).join(' ')} }`;

interface Asker { app: TestApp; user: TestUser; organizationId: string; refugees: string; categories: string[] }

/** A fresh account with a fresh organization, on a database holding the demo organizations: what anyone can get. */
async function asker(app: TestApp): Promise<Asker> {
  await loadDemoData(app.db);
  const user = await signUp(app, 'Anyone');
  const org = await createOrg(app, user, { name: 'Just Signed Up', kind: 'NGO' });
  const categories = ok(await rawGql<{ capabilityCategories: { id: string }[] }>(app, '{ capabilityCategories { id } }', {}, user.token))
    .capabilityCategories.map((c) => c.id);
  return { app, user, organizationId: org.id, refugees: await issueAreaId(app, 'refugee-resettlement'), categories };
}

const heaviest = (a: Asker) => ({
  organizationId: a.organizationId, issueAreaId: a.refugees, categoryIds: a.categories, minSize: 1, maxSize: 30, alternatives: 5,
});

const coalitions = (a: Asker, input: Record<string, unknown>) => rawGql<Coalitions>(a.app, COALITIONS, { input }, a.user.token);

const memberKey = (m: Member | null): string | null => (m ? m.organization?.id ?? `anonymous:${m.anonymous?.token}` : null);

/** Every alternative is a valid coalition: size, distinct members, coverage by members, distinct from earlier ones. */
function expectFeasible(alternatives: Alternative[], input: { minSize: number; maxSize: number; categoryIds: string[] }): void {
  expect(alternatives.length).toBeGreaterThan(0);
  const sets: Set<string>[] = [];
  for (const alt of alternatives) {
    const ids = alt.members.map(memberKey) as string[];
    const set = new Set(ids);
    expect(set.size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(input.minSize);
    expect(ids.length).toBeLessThanOrEqual(input.maxSize);
    expect(alt.coverage.map((c) => c.categoryId).sort()).toEqual([...input.categoryIds].sort());
    for (const cell of alt.coverage) {
      if (cell.member === null) {
        expect(alt.gaps).toContain(cell.categoryId);
      } else {
        expect(set.has(memberKey(cell.member)!)).toBe(true);
        expect(cell.level).not.toBeNull();
      }
    }
    // At least 40% of a later alternative is new against each earlier one (the engine's distinctness rule).
    for (const earlier of sets) {
      const fresh = ids.filter((id) => !earlier.has(id)).length;
      expect(fresh).toBeGreaterThanOrEqual(Math.max(1, Math.min(Math.ceil(0.4 * Math.max(ids.length, earlier.size)), ids.length)));
    }
    sets.push(set);
  }
  // Only the last alternative can be the one the budget cut.
  expect(alternatives.slice(0, -1).every((alt) => alt.complete)).toBe(true);
}

describe('work budget and worker pool', () => {
  let app: TestApp;
  let a: Asker;

  beforeAll(async () => {
    app = await startTestApp({ ENGINE_THREADS: '2', ENGINE_QUEUE: '2' });
    a = await asker(app);
  }, 60_000);
  afterAll(() => app?.close());

  it('answers {__typename} while heavy coalition searches run, and the heavy ones are valid coalitions', async () => {
    const t0 = performance.now();
    const heavy = Array.from({ length: 4 }, () => coalitions(a, heaviest(a)).then((response) => ({ response, at: performance.now() - t0 })));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const simple = await rawGql(app, '{ __typename }');
    const simpleAt = performance.now() - t0;
    const done = await Promise.all(heavy);

    expect(simple.data).toEqual({ __typename: 'Query' });
    // The event loop was free: the simple query did not wait for any of the searches.
    expect(simpleAt).toBeLessThan(Math.min(...done.map((d) => d.at)));
    for (const { response } of done) expectFeasible(ok(response).coalitionSuggestions, heaviest(a));
  });

  it('gives over HTTP, through the worker, what the in-process engine gives on the same input', async () => {
    const input = { organizationId: a.organizationId, issueAreaId: a.refugees, categoryIds: a.categories.slice(0, 4), minSize: 2, maxSize: 4, alternatives: 2 };
    const viaWorker = ok(await coalitions(a, input)).coalitionSuggestions;
    const viewer = new Viewer(a.user.id, false, new Map([[a.organizationId, MembershipRole.OWNER]]), null);
    const ctx = createContext({ viewer, db: app.db, requestId: 'in-process', log: createLogger('silent') });
    expect(ctx.engine).toBeUndefined();
    const inProcess = await listCoalitionSuggestions(ctx, input);
    // Anonymous cards get a new token in every response: compare them by kind.
    const shape = (alt: { score: number; complete: boolean; gaps: string[]; members: { organization: { id: string } | null; anonymous: { kind: string } | null }[] }) => ({
      score: alt.score, complete: alt.complete, gaps: alt.gaps,
      members: alt.members.map((m) => m.organization?.id ?? `anonymous:${m.anonymous?.kind}`),
    });
    expect(viaWorker.length).toBeGreaterThan(1);
    // Both searches ran to the end (far within the budget), so they must agree exactly.
    expect([...viaWorker, ...inProcess].every((alt) => alt.complete)).toBe(true);
    expect(viaWorker.map(shape)).toEqual(inProcess.map(shape));
    expectFeasible(viaWorker, input);
  });

  it('prices coalition searches by their work: 15 aliases of the heaviest are refused, one passes', async () => {
    const refused = await rawGql(app, aliased(15), { input: heaviest(a) }, a.user.token);
    expect(refused.status).toBe(400);
    expect(errorCode(refused)).toBe('QUERY_LIMIT_EXCEEDED');
    expect(refused.errors![0].extensions!.cost as number).toBeGreaterThan(LIMITS.maxCost);
    expect(refused.data).toBeUndefined();

    const schema = await getSchema();
    const cost = (query: string, input: Record<string, unknown>) => operationCost(schema, parse(query), { input });
    const one = cost(aliased(1), heaviest(a));
    expect(one).toBeLessThanOrEqual(LIMITS.maxCost / 2);
    expect(cost(aliased(3), heaviest(a))).toBeGreaterThan(LIMITS.maxCost);
    // Work grows with categories, size and alternatives; an ordinary request stays cheap.
    const ordinary = cost(aliased(1), { organizationId: a.organizationId, issueAreaId: a.refugees });
    expect(ordinary).toBeLessThan(one / 3);
    expect(cost(aliased(1), { ...heaviest(a), alternatives: 1, maxSize: 4 })).toBeLessThan(one);
    expect(cost(aliased(1), { ...heaviest(a), categoryIds: a.categories.slice(0, 4) })).toBeLessThan(one);
    // Partner suggestions: by page size.
    const partners = (first: number) => operationCost(schema, parse(`query($id: ID!, $first: Int) { partnerSuggestions(organizationId: $id, first: $first) { nodes { score } } }`), { id: a.organizationId, first });
    expect(partners(100)).toBeGreaterThan(partners(10));

    const passed = await rawGql<{ a0: { score: number }[] }>(app, aliased(1), { input: heaviest(a) }, a.user.token);
    expect(ok(passed).a0.length).toBeGreaterThan(0);
  });

  it('refuses with SERVICE_BUSY, 503 and Retry-After when the queue is full', async () => {
    // 2 threads + 2 queued: of 7 searches sent at once, at least 3 find no place.
    const send = () => fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.user.token}` },
      body: JSON.stringify({ query: COALITIONS, variables: { input: heaviest(a) } }),
    }).then(async (response) => ({ status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Omit<GraphQLResponse<Coalitions>, 'status'> }));
    const responses = await Promise.all(Array.from({ length: 7 }, send));
    const busy = responses.filter((r) => r.body.errors?.[0]?.extensions?.code === 'SERVICE_BUSY');
    const served = responses.filter((r) => r.body.data?.coalitionSuggestions);
    expect(busy.length).toBeGreaterThanOrEqual(3);
    expect(served.length).toBeGreaterThanOrEqual(2);
    expect(busy.length + served.length).toBe(7);
    for (const r of busy) {
      expect(r.status).toBe(503);
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(r.body.errors![0].extensions!.retryAfterSeconds).toBe(Number(r.retryAfter));
    }
    for (const r of served) expectFeasible(r.body.data!.coalitionSuggestions, heaviest(a));
  });
});

describe('a very low work budget', () => {
  let app: TestApp;
  let a: Asker;

  beforeAll(async () => {
    app = await startTestApp({ ENGINE_BUDGET_MS: '1' });
    a = await asker(app);
  }, 60_000);
  afterAll(() => app?.close());

  it('returns the best coalition found in time, marked complete: false', async () => {
    const alternatives = ok(await coalitions(a, heaviest(a))).coalitionSuggestions;
    expectFeasible(alternatives, heaviest(a));
    expect(alternatives.length).toBeLessThan(5);
    expect(alternatives.at(-1)!.complete).toBe(false);
  });
});
