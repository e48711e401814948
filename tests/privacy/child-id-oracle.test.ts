import { randomUUID } from 'node:crypto';
import { rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addCapability, addNeed, createOrg, signUp } from '../support/factories.js';

// Capabilities and needs are addressed by id: a signed-out caller must not learn which ids exist from the error
// it gets (UNAUTHENTICATED for an existing one, NOT_FOUND for a random one would be an oracle).

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const MUTATIONS = [
  'mutation($id: ID!) { capabilityUpdate(input: { id: $id, remote: true }) { userErrors { code } } }',
  'mutation($id: ID!) { capabilityRemove(input: { id: $id }) { userErrors { code } } }',
  'mutation($id: ID!) { needUpdate(input: { id: $id, remoteOk: false }) { userErrors { code } } }',
  'mutation($id: ID!) { needRemove(input: { id: $id }) { userErrors { code } } }',
];

it('signed out, an existing capability or need answers exactly like a random id', async () => {
  const owner = await signUp(app, 'Owner');
  const org = await createOrg(app, owner, { name: 'Id Oracle Org' });
  const capability = await addCapability(app, owner, org.id, 'grant-writing');
  const need = await addNeed(app, owner, org.id, 'policy-analysis');
  for (const query of MUTATIONS) {
    const existing = query.includes('capability') ? capability.id : need.id;
    const [real, random] = await Promise.all([existing, randomUUID()].map((id) => rawGql(app, query, { id })));
    expect(real.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(real)).toBe(JSON.stringify(random));
  }
});
