import { DEMO_OWNER, DEMO_PASSWORD } from '../../seeds/demo-data.js';
import { DEMO_SAVED_SEARCHES } from '../../seeds/demo-alerts.js';
import { loadDemoData } from '../../seeds/load-demo.js';
import { SavedSearchesDocument, SignInDocument, UrgentNeedAlertsDocument } from '../generated/graphql.js';
import { gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The demo's urgent need and saved searches, loaded into a real database and read back through the API as the
// demo owner would after `npm start`: an alert with its reasons, two saved searches with unseen matches, and a
// second load that adds nothing.

let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db);
  token = ok(await gql(app, SignInDocument, { input: { email: DEMO_OWNER, password: DEMO_PASSWORD } })).accountSignIn.token!;
}, 120_000);
afterAll(() => app?.close());

const orgId = async (slug: string): Promise<string> => (await app.db.query('SELECT id FROM organizations WHERE slug = $1', [slug]))[0].id;

describe('demo alerts', () => {
  it('show the demo owner an urgent-need alert: RefugeLink\'s critical need, which its Athens lawyers offer remotely', async () => {
    const lawyers = await orgId('hellenic-asylum-lawyers');
    const alerts = ok(await gql(app, UrgentNeedAlertsDocument, { organizationId: lawyers, first: 10 }, token)).urgentNeedAlerts;
    expect(alerts.totalCount).toBe(1);
    const [alert] = alerts.nodes;
    expect(alert).toMatchObject({
      recipientOrganizationId: lawyers,
      organization: { name: 'RefugeLink East Africa' },
      need: { skill: { name: expect.any(String) }, priority: 'CRITICAL', status: 'OPEN', remoteOk: true },
    });
    expect(alert.reasons.map((r) => r.code)).toContain('REMOTE');
  });

  it('show the demo owner two saved searches with unseen matches, each a subject its list query finds', async () => {
    const mtaa = await orgId('mtaa-haki-collective');
    const searches = ok(await gql(app, SavedSearchesDocument, { organizationId: mtaa, first: 20, unseenOnly: true }, token)).savedSearches.nodes;
    const byName = new Map(searches.map((s) => [s.name, s]));
    expect([...byName.keys()].sort()).toEqual([...DEMO_SAVED_SEARCHES].sort());
    const legal = byName.get(DEMO_SAVED_SEARCHES[0])!;
    expect(legal).toMatchObject({ kind: 'ORGANIZATIONS', unseenCount: 1 });
    expect(legal.matches.nodes.map((m) => m.organization?.name)).toEqual(['Sheria Wazi Legal Aid Centre']);
    const trainings = byName.get(DEMO_SAVED_SEARCHES[1])!;
    expect(trainings.kind).toBe('OFFERS');
    expect(trainings.unseenCount).toBeGreaterThanOrEqual(2);
    expect(trainings.matches.nodes.map((m) => m.offer?.title)).toContain('Digital security clinic for youth organizers');
  });

  it('are loaded once', async () => {
    const count = async () => (await app.db.query(
      `SELECT (SELECT count(*) FROM urgent_alerts)::int AS alerts, (SELECT count(*) FROM saved_searches)::int AS searches,
         (SELECT count(*) FROM saved_search_matches)::int AS matches`,
    ))[0];
    const before = await count();
    await loadDemoData(app.db);
    expect(await count()).toEqual(before);
  });
});
