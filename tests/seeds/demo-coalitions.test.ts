import { DEMO_COORDINATOR, DEMO_DEFENDER, DEMO_OWNER, DEMO_PASSWORD } from '../../seeds/demo-data.js';
import { DEMO_COALITIONS } from '../../seeds/demo-coalitions.js';
import { loadDemoData } from '../../seeds/load-demo.js';
import { SignInDocument } from '../generated/graphql.js';
import { gql, ok, rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The demo coalitions, their governance and the demo vouches, built through the services and read back through the
// API as the demo accounts and a visitor would see them after `npm start`; a second load adds nothing.

let app: TestApp;
const tokens = {} as Record<'owner' | 'defender' | 'coordinator', string>;
beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db);
  for (const [key, email] of [['owner', DEMO_OWNER], ['defender', DEMO_DEFENDER], ['coordinator', DEMO_COORDINATOR]] as const) {
    tokens[key] = ok(await gql(app, SignInDocument, { input: { email, password: DEMO_PASSWORD } })).accountSignIn.token!;
  }
}, 180_000);
afterAll(() => app?.close());

interface Listed { name: string; status: string; visibility: string; members: { anonymous: boolean; organization: { name: string } | null }[] }

async function coalitions(token: string | null): Promise<Map<string, Listed>> {
  const data = ok(await rawGql<{ coalitions: { nodes: Listed[] } }>(app,
    '{ coalitions(first: 50) { nodes { name status visibility members { anonymous organization { name } } } } }', {}, token));
  return new Map(data.coalitions.nodes.map((c) => [c.name, c]));
}

describe('demo coalitions', () => {
  it('are in their states, the PRIVATE member anonymous to visitors, the PRIVATE coalition hidden from them', async () => {
    const visitor = await coalitions(null);
    const beirut = visitor.get(DEMO_COALITIONS.beirut)!;
    expect(beirut.status).toBe('ACTIVE');
    // Signed out: the NETWORK member and the PRIVATE one are anonymous participants, named ones first.
    expect(beirut.members.map((m) => m.organization?.name ?? 'anonymous')).toEqual(['Bayt al-Amal Refugee Support', 'Darb Legal Agenda', 'anonymous', 'anonymous']);
    expect(visitor.has(DEMO_COALITIONS.bogota)).toBe(false);
    const defender = await coalitions(tokens.defender);
    expect(defender.get(DEMO_COALITIONS.beirut)!.members.map((m) => m.organization?.name).sort()).toEqual(
      ['Bayt al-Amal Refugee Support', 'Darb Legal Agenda', 'Kafala Watch Collective', 'Mashriq Human Rights Network']);
    expect(defender.get(DEMO_COALITIONS.bogota)).toMatchObject({ status: 'ACTIVE', visibility: 'PRIVATE' });
    const coordinator = await coalitions(tokens.coordinator);
    expect(coordinator.get(DEMO_COALITIONS.athens)).toMatchObject({ status: 'FORMING', visibility: 'NETWORK' });
    const invitations = await app.db.query(
      `SELECT i.status FROM coalition_invitations i JOIN coalitions c ON c.id = i.coalition_id JOIN organizations o ON o.id = i.organization_id
       WHERE c.name = $1 AND o.name = 'Observatory Against Racist Violence'`, [DEMO_COALITIONS.athens]);
    expect(invitations).toEqual([{ status: 'PENDING' }]);
  });

  it('have goals, wins and decisions made by the rules, and the PRIVATE group is VOUCHED with a request waiting for the demo owner', async () => {
    const proposals = await app.db.query(`SELECT p.kind, p.status FROM coalition_proposals p JOIN coalitions c ON c.id = p.coalition_id WHERE c.name = $1 ORDER BY p.created_at`, [DEMO_COALITIONS.beirut]);
    expect(proposals).toEqual([{ kind: 'ADMIT_MEMBER', status: 'PASSED' }, { kind: 'DECISION', status: 'PASSED' }, { kind: 'STATEMENT', status: 'OPEN' }]);
    const [{ goals, wins }] = await app.db.query(`SELECT (SELECT count(*)::int FROM coalition_goals) AS goals, (SELECT count(*)::int FROM coalition_wins) AS wins`);
    expect({ goals, wins }).toEqual({ goals: 3, wins: 4 });
    const [kafala] = await app.db.query(`SELECT id FROM organizations WHERE name = 'Kafala Watch Collective'`);
    const mine = ok(await rawGql<{ organization: { badges: string[] } }>(app, 'query($id: ID!) { organization(id: $id) { badges } }', { id: kafala.id }, tokens.defender));
    expect(mine.organization.badges).toEqual(['VOUCHED']);
    const [hellenic] = await app.db.query(`SELECT id FROM organizations WHERE slug = 'hellenic-asylum-lawyers'`);
    const asked = ok(await rawGql<{ vouchRequests: { nodes: { status: string; group: { name: string } }[] } }>(app,
      'query($id: ID!) { vouchRequests(organizationId: $id) { nodes { status group { name } } } }', { id: hellenic.id }, tokens.owner));
    expect(asked.vouchRequests.nodes).toEqual([{ status: 'PENDING', group: { name: 'Kafala Watch Collective' } }]);
  });

  it('are not added twice', async () => {
    const [before] = await app.db.query('SELECT (SELECT count(*)::int FROM coalitions) AS c, (SELECT count(*)::int FROM coalition_goals) AS g, (SELECT count(*)::int FROM vouches) AS v');
    await loadDemoData(app.db);
    const [after] = await app.db.query('SELECT (SELECT count(*)::int FROM coalitions) AS c, (SELECT count(*)::int FROM coalition_goals) AS g, (SELECT count(*)::int FROM vouches) AS v');
    expect(after).toEqual(before);
  });
});
