import { execute, parse, type ExecutionResult } from 'graphql';
import { viewerFromAuthorization } from '../../src/accounts/viewer-from-token.js';
import { executeOperation } from '../../src/api/compiled-executor.js';
import { createContext } from '../../src/api/request-context.js';
import { getSchema } from '../../src/api/schema.js';
import { createLogger } from '../../src/core/logger.js';
import { Viewer } from '../../src/core/viewer.js';
import { addCapability, addNeed, createOrg, issueAreaId, signUp, type TestUser } from '../support/factories.js';
import { rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Queries run compiled (api/compiled-executor.ts). Compiled and graphql-js execution must answer alike, data and
// errors, for every kind of viewer: the same resolvers run, only the walking differs.

let app: TestApp;
let owner: TestUser;
let slug: string;

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUp(app, 'Owner');
  for (const [i, visibility] of (['PUBLIC', 'NETWORK', 'PRIVATE'] as const).entries()) {
    const org = await createOrg(app, owner, {
      name: `Compiled ${i}`, visibility, issueAreaIds: [await issueAreaId(app, 'land-rights')],
      location: { country: 'KE', city: 'Nairobi', region: 'Nairobi', latitude: -1.28333, longitude: 36.81667, precision: 'CITY' },
    });
    await addCapability(app, owner, org.id, 'grant-writing', 'EXPERT', 'Proposals');
    await addNeed(app, owner, org.id, 'mentoring');
    slug = org.slug;
  }
});
afterAll(() => app?.close());

const QUERIES = [
  `query List { organizations(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
    id slug name mission kind verified visibility languages createdAt viewerRole contactEmail dealbreakerKinds
    location { precision country region city latitude longitude }
    issueAreas { id name slug } capabilities { id level remote capacity description skill { id name category { id name } } }
    needs { id priority status neededBy urgentSince skill { name } issueArea { name } } } } } }`,
  `query Nodes($f: OrganizationFilter) { organizations(first: 2, filter: $f) { nodes { name } totalCount } }`,
  `query One($slug: String) { organization(slug: $slug) { name location { city latitude } needs { status } } }`,
  `query Bad { organization(id: "x", slug: "y") { name } }`,
  `query Page { organizations(first: 1, after: "not a cursor") { totalCount } }`,
  `query Skip($s: Boolean!) { organizations(first: 2) { edges { node { name ...Place @skip(if: $s) id @include(if: $s)
    ... on Organization @include(if: $s) { slug } } } } } fragment Place on Organization { location { country } kind }`,
];

async function both(query: string, viewer: Viewer, variables: Record<string, unknown>): Promise<[unknown, unknown]> {
  const schema = await getSchema();
  const document = parse(query);
  const context = () => createContext({ viewer, db: app.db, requestId: 'compiled-test', log: createLogger('silent') });
  const shape = (result: ExecutionResult) => JSON.parse(JSON.stringify({
    data: result.data, errors: result.errors?.map((e) => ({ message: e.message, path: e.path, locations: e.locations, extensions: e.extensions })),
  }));
  const plain = await execute({ schema, document, contextValue: context(), variableValues: variables });
  const compiled = await executeOperation(schema, { document, operationName: null, contextValue: context(), variableValues: variables });
  return [shape(compiled), shape(plain)];
}

describe('compiled execution', () => {
  it('answers like graphql-js for the anonymous, a signed-in stranger and the members', async () => {
    const stranger = await signUp(app, 'Stranger');
    const viewers = [Viewer.anonymous, await viewerFromAuthorization(app.db, `Bearer ${stranger.token}`), await viewerFromAuthorization(app.db, `Bearer ${owner.token}`)];
    for (const viewer of viewers) {
      for (const query of QUERIES) {
        for (const s of [true, false]) {
          const [compiled, plain] = await both(query, viewer!, { slug, f: { kinds: ['NGO'] }, s });
          expect({ query, result: compiled }).toEqual({ query, result: plain });
        }
      }
    }
  });

  it('over HTTP a query answers the same every time (compiled from the first use on)', async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await rawGql(app, QUERIES[0], {}, owner.token));
    expect(answers[0].errors).toBeUndefined();
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const [, plain] = await both(QUERIES[0], (await viewerFromAuthorization(app.db, `Bearer ${owner.token}`))!, {});
    expect(answers[0].data).toEqual((plain as { data: unknown }).data);
  });

  it('errors thrown by resolvers keep their code, field, path and locations over HTTP', async () => {
    const bad = await rawGql(app, QUERIES[3]);
    expect(bad.errors).toEqual([{ message: expect.any(String), locations: [{ line: 1, column: 13 }], path: ['organization'], extensions: { code: 'BAD_USER_INPUT', field: 'id' } }]);
    const cursor = await rawGql(app, QUERIES[4]);
    expect(cursor.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(cursor.errors?.[0]?.path).toEqual(['organizations']);
  });

  it('bad variables are refused as BAD_USER_INPUT, as graphql-js coerces them', async () => {
    const response = await rawGql(app, 'query($first: Int) { organizations(first: $first) { totalCount } }', { first: 'many' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.data).toBeUndefined();
  });
});
