import { DEMO_OWNER, DEMO_PASSWORD } from '../../seeds/demo-data.js';
import { DEMO_OFFER_REQUESTS } from '../../seeds/demo/offer-requests.js';
import { DEMO_OFFERS } from '../../seeds/demo/offers.js';
import { loadDemoData } from '../../seeds/load-demo.js';
import { OfferRequestsDocument, OrganizationContactDocument, SignInDocument } from '../generated/graphql.js';
import { gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The demo offer requests, loaded into a real database and read back through the API as the demo owner would
// after `npm start`: every state a request can read, seats that add up, ratings only the two sides see.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await loadDemoData(app.db);
}, 120_000);
afterAll(() => app?.close());

const orgId = async (slug: string): Promise<string> => (await app.db.query('SELECT id FROM organizations WHERE slug = $1', [slug]))[0].id;

describe('demo offer requests', () => {
  it('are loaded in every state, once', async () => {
    const rows: { status: string }[] = await app.db.query(
      `SELECT CASE WHEN r.status = 'PENDING' AND f.status = 'CLOSED' THEN 'CANCELLED'
         WHEN r.status = 'PENDING' AND (f.request_deadline <= now() OR f.ends_at <= now()) THEN 'EXPIRED' ELSE r.status END AS status
       FROM offer_requests r JOIN offers f ON f.id = r.offer_id`,
    );
    expect(rows).toHaveLength(DEMO_OFFER_REQUESTS.length);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CANCELLED']));
    await loadDemoData(app.db);
    expect(await app.db.query('SELECT count(*)::int AS n FROM offer_requests')).toEqual([{ n: DEMO_OFFER_REQUESTS.length }]);
  });

  it('keep every offer\'s seats taken equal to its accepted requests on top of the places the demo counts as taken', async () => {
    for (const offer of DEMO_OFFERS) {
      const accepted = DEMO_OFFER_REQUESTS.filter((r) => r.offer === offer.key && r.status === 'ACCEPTED').reduce((sum, r) => sum + r.seats, 0);
      const [row] = await app.db.query(
        `SELECT f.seats_taken AS "seatsTaken" FROM offers f JOIN organizations o ON o.id = f.organization_id WHERE f.title = $1`, [offer.title],
      );
      expect({ offer: offer.key, seatsTaken: row.seatsTaken }).toEqual({ offer: offer.key, seatsTaken: (offer.seatsTaken ?? 0) + accepted });
    }
  });

  it('show the demo owner its requests, a done exchange rated by both sides, and the contact details of accepted partners', async () => {
    const session = ok(await gql(app, SignInDocument, { input: { email: DEMO_OWNER, password: DEMO_PASSWORD } })).accountSignIn;
    const token = session.token!;
    const mtaa = await orgId('mtaa-haki-collective');
    const sent = ok(await gql(app, OfferRequestsDocument, { organizationId: mtaa, direction: 'SENT' }, token)).offerRequests.nodes;
    expect(sent.map((r) => [r.offer!.title, r.status]).sort()).toEqual([
      ['Community radio toolkit: covering evictions safely', 'ACCEPTED'], ['Eviction-notice clinic for community paralegals', 'PENDING'],
    ]);
    const done = sent.find((r) => r.status === 'ACCEPTED')!;
    expect(done).toMatchObject({ completed: true, myRating: 5, partnerRated: true, partnerRating: 4 });
    expect(done.offer!.organization!.contactEmail).toMatch(/@example\.org$/);
    const pending = sent.find((r) => r.status === 'PENDING')!;
    expect(pending.need).toMatchObject({ skill: { slug: 'legal-clinics' } });
    expect(pending.offer!.organization!.contactEmail).toBeNull();
    // The public profile shows a count of done exchanges, nothing more.
    const profile = ok(await gql(app, OrganizationContactDocument, { id: mtaa })).organization!;
    expect(profile).toMatchObject({ exchangesCompleted: 1, contactEmail: null });
    const tejido = await orgId('tejido-de-paz');
    const received = ok(await gql(app, OfferRequestsDocument, { organizationId: tejido, direction: 'RECEIVED', status: 'PENDING' }, token)).offerRequests;
    expect(received.totalCount).toBe(1);
    const declined = ok(await gql(app, OfferRequestsDocument, { organizationId: tejido, direction: 'SENT' }, token)).offerRequests.nodes;
    expect(declined.map((r) => r.status)).toEqual(['DECLINED']);
  });
});
