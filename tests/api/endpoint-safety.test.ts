import { createOrg, signUp } from '../support/factories.js';
import { errorCode, rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let production: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  production = await startTestApp({ NODE_ENV: 'production' });
});
afterAll(async () => {
  await app.close();
  await production.close();
});

describe('endpoint safety limits', () => {
  it('refuses a query nested deeper than the limit', async () => {
    const deep = `{ viewer { memberships { organization { capabilities { skill { category { id } } } } } } }`;
    const ok = await rawGql(app, deep);
    expect(ok.errors).toBeUndefined();
    const tooDeep = await rawGql(app, `{ viewer { memberships { organization { capabilities { skill { category { id } } } } } } a: viewer { memberships { organization { needs { skill { category { id skills { category { skills { category { id } } } } } } } } } } }`);
    expect(errorCode(tooDeep)).toBe('QUERY_LIMIT_EXCEEDED');
    expect(tooDeep.errors?.[0].message).toMatch(/depth/i);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: issueAreas { id }`).join(' ');
    const response = await rawGql(app, `{ ${aliases} }`);
    expect(errorCode(response)).toBe('QUERY_LIMIT_EXCEEDED');
    expect(response.errors?.[0].message).toMatch(/alias/i);
  });

  it('prices pages by their size, including sizes passed as variables', async () => {
    const query = `query($n: Int) { organizations(first: $n) { edges { node { capabilities { skill { name } } needs { skill { name } } issueAreas { name } } } } }`;
    const small = await rawGql(app, query, { n: 10 });
    expect(small.errors).toBeUndefined();
    const page = `organizations(first: $n) { edges { node { capabilities { skill { category { name } } } needs { skill { category { name } } issueArea { name } } } } }`;
    const costly = `query($n: Int) { a: ${page} b: ${page} c: ${page} }`;
    const refused = await rawGql(app, costly, { n: 100 });
    expect(errorCode(refused)).toBe('QUERY_LIMIT_EXCEEDED');
    expect(refused.errors?.[0].extensions?.cost).toBeGreaterThan(10000);
    const allowed = await rawGql(app, costly, { n: 5 });
    expect(allowed.errors).toBeUndefined();
  });

  it('refuses documents with too many tokens', async () => {
    const fields = Array.from({ length: 2500 }, () => "__typename").join(' ');
    const response = await rawGql(app, `{ ${fields} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).toMatch(/token/i);
  });

  it('refuses bodies over 100 KB and batched requests', async () => {
    const big = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ issueAreas { id } }', variables: { pad: 'x'.repeat(120_000) } }),
    });
    expect(big.status).toBe(413);
    const batch = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ issueAreas { id } }' }, { query: '{ issueAreas { id } }' }]),
    });
    expect(batch.status).toBe(400);
  });

  it('prevents CSRF: a simple GET without a preflight-forcing header is refused', async () => {
    const response = await fetch(`${app.url}?query=${encodeURIComponent('{ issueAreas { id } }')}`);
    expect(response.status).toBe(400);
    const withHeader = await fetch(`${app.url}?query=${encodeURIComponent('{ issueAreas { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(withHeader.status).toBe(200);
  });

  it('hides introspection and field suggestions in production, not in development', async () => {
    const introspection = '{ __schema { types { name } } }';
    expect((await rawGql(app, introspection)).errors).toBeUndefined();
    const refused = await rawGql(production, introspection);
    expect(refused.errors?.[0].message).toMatch(/introspection/i);
    const typo = await rawGql(production, '{ organisations { totalCount } }');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    const typoDev = await rawGql(app, '{ organisations { totalCount } }');
    expect(typoDev.errors?.[0].message).toMatch(/Did you mean/);
  });

  it('masks unexpected errors and keeps the request id for the logs', async () => {
    const user = await signUp(app, 'Masked');
    const org = await createOrg(app, user);
    // Break the row behind the API's back so that reading it fails inside a resolver.
    await app.db.query(`ALTER TABLE organizations RENAME COLUMN mission TO mission_gone`);
    try {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-12345' },
        body: JSON.stringify({ query: `{ organization(id: "${org.id}") { name } }` }),
      });
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(response.headers.get('x-request-id')).toBe('trace-me-12345');
      expect(body.errors[0]).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(body)).not.toMatch(/mission|column|organizations/);
    } finally {
      await app.db.query(`ALTER TABLE organizations RENAME COLUMN mission_gone TO mission`);
    }
  });

  it('reports health and readiness', async () => {
    expect(await (await fetch(`${app.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up' });
    const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/http_request_duration_seconds_bucket/);
  });
});
