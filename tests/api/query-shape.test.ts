import { OrgListDeepDocument } from '../generated/graphql.js';
import { addCapability, addNeed, createOrg, issueAreaId, signUp } from '../support/factories.js';
import { gql, ok } from '../support/graphql-client.js';
import { waitForQuietDatabase } from '../support/statements.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  const owner = await signUp(app, 'Owner');
  const refugees = await issueAreaId(app, 'refugee-resettlement');
  for (let i = 0; i < 25; i++) {
    const org = await createOrg(app, owner, { name: `Shape Org ${String(i).padStart(2, '0')}`, issueAreaIds: [refugees] });
    await addCapability(app, owner, org.id, 'grant-writing');
    await addCapability(app, owner, org.id, 'media-relations', 'PROFICIENT');
    await addNeed(app, owner, org.id, 'interpretation');
  }
});
afterAll(() => app.close());

async function statementsFor(first: number): Promise<{ count: number; nodes: number }> {
  await waitForQuietDatabase(app);
  app.statements.length = 0;
  const data = ok(await gql(app, OrgListDeepDocument, { first }));
  return { count: app.statements.length, nodes: data.organizations.edges.length };
}

describe('organizations list query shape', () => {
  it('runs a constant number of SQL statements whatever the page size (no N+1)', async () => {
    const small = await statementsFor(2);
    const large = await statementsFor(25);
    expect(small.nodes).toBe(2);
    expect(large.nodes).toBe(25);
    expect(large.count).toBe(small.count);
    // One statement for the page with its capabilities, needs and issue areas embedded.
    expect(large.count).toBe(1);
  });

  it('returns the nested lists with their values', async () => {
    const data = ok(await gql(app, OrgListDeepDocument, { first: 1 }));
    const [node] = data.organizations.edges.map((e) => e.node);
    expect(node.name).toBe('Shape Org 00');
    expect(node.capabilities.map((c) => [c.skill.name, c.level, c.skill.category.id])).toEqual([
      ['Grant writing', 'EXPERT', 'FUNDRAISING'],
      ['Media relations', 'PROFICIENT', 'COMMUNICATIONS'],
    ]);
    expect(node.needs.map((n) => [n.skill.name, n.priority, n.status])).toEqual([['Interpretation', 'HIGH', 'OPEN']]);
    expect(node.issueAreas.map((a) => a.name)).toEqual(['Refugee resettlement']);
  });
});
