import {
  CloseOfferOfRequestsDocument, InboxUpdatedDocument, OfferPostDocument, OfferRequestsDocument, RequestOfferDocument,
  RespondToOfferRequestDocument, type OfferPostInput,
} from '../generated/graphql.js';
import { createOrg, signUp, skillId, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/graphql-client.js';
import { connect, settle, subscribe, type TestClient } from '../support/subscription-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// An offer closed by its organization: every request still waiting for an answer reads CANCELLED, and its
// requester's members hear CANCELLED on inboxUpdated (recorded in the close's transaction, so it is resumable).
// Accepted requests stand and are not told; a request that had expired stays EXPIRED; nobody else hears anything.

let app: TestApp;
let olga: TestUser; // offers
let rafa: TestUser; // requests (pending)
let sami: TestUser; // requests (accepted)
let tess: TestUser; // a third organization
let grantWriting: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  app = await startTestApp();
  [olga, rafa, sami, tess] = await Promise.all([signUp(app, 'Olga'), signUp(app, 'Rafa'), signUp(app, 'Sami'), signUp(app, 'Tess')]);
  grantWriting = await skillId(app, 'grant-writing');
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => app?.close());

function client(token: string): TestClient {
  const c = connect(app, token);
  clients.push(c);
  return c;
}

async function postOffer(organizationId: string, input: Partial<OfferPostInput> = {}): Promise<string> {
  const payload = ok(await gql(app, OfferPostDocument, {
    input: { organizationId, skillId: grantWriting, title: 'Budget clinic', format: 'WORKSHOP', audience: 'PUBLIC', remote: true, ...input },
  }, olga.token)).offerPost;
  expect(payload.userErrors).toEqual([]);
  return payload.offer!.id;
}

async function ask(user: TestUser, organizationId: string, offerId: string): Promise<string> {
  const payload = ok(await gql(app, RequestOfferDocument, { input: { offerId, organizationId, message: 'Two of us', seats: 1 } }, user.token)).offerRequest;
  expect(payload.userErrors).toEqual([]);
  return payload.offerRequest!.id;
}

async function close(offerId: string) {
  return ok(await gql(app, CloseOfferOfRequestsDocument, { input: { id: offerId } }, olga.token)).offerClose;
}

/** The statuses the requester's own list shows. */
async function listed(user: TestUser, organizationId: string): Promise<Map<string, string>> {
  const nodes = ok(await gql(app, OfferRequestsDocument, { organizationId, direction: 'SENT', first: 50 }, user.token)).offerRequests.nodes;
  return new Map(nodes.map((n) => [n.id, n.status]));
}

const cancelledEvents = (requestId: string) => app.db.query(
  `SELECT id::text AS cursor, organization_ids::text[] AS "organizationIds" FROM activity_events
   WHERE kind = 'INBOX' AND subject_id = $1 AND data->>'change' = 'CANCELLED'`, [requestId],
) as Promise<{ cursor: string; organizationIds: string[] }[]>;

describe('offerClose tells the requesters', () => {
  it('a pending request reads CANCELLED and its requester hears CANCELLED; the accepted one stands; nobody else hears it', async () => {
    const giver = await createOrg(app, olga);
    const pendingOrg = await createOrg(app, rafa);
    const acceptedOrg = await createOrg(app, sami);
    const third = await createOrg(app, tess);
    const offerId = await postOffer(giver.id, { seats: 5 });
    const pending = await ask(rafa, pendingOrg.id, offerId);
    const accepted = await ask(sami, acceptedOrg.id, offerId);
    ok(await gql(app, RespondToOfferRequestDocument, { input: { offerRequestId: accepted, accept: true } }, olga.token));

    const pendingInbox = subscribe(client(rafa.token), InboxUpdatedDocument, { organizationId: pendingOrg.id });
    const acceptedInbox = subscribe(client(sami.token), InboxUpdatedDocument, { organizationId: acceptedOrg.id });
    const thirdInbox = subscribe(client(tess.token), InboxUpdatedDocument, { organizationId: third.id });
    const giverInbox = subscribe(client(olga.token), InboxUpdatedDocument, { organizationId: giver.id });
    await settle(500); // registered before the close (no `after`)

    expect((await close(offerId)).offer).toEqual({ id: offerId, status: 'CLOSED' });
    const [event] = await pendingInbox.waitFor(1);
    expect(event.inboxUpdated).toMatchObject({
      change: 'CANCELLED', introduction: null,
      offerRequest: { id: pending, status: 'CANCELLED', offer: { id: offerId }, requestingOrganization: { id: pendingOrg.id } },
    });
    await settle();
    expect(pendingInbox.events).toHaveLength(1);
    expect(acceptedInbox.events).toHaveLength(0);
    expect(thirdInbox.events).toHaveLength(0);
    expect(giverInbox.events).toHaveLength(0); // the offering side closed it itself

    // The lists agree with what was pushed.
    expect(await listed(rafa, pendingOrg.id)).toEqual(new Map([[pending, 'CANCELLED']]));
    expect(await listed(sami, acceptedOrg.id)).toEqual(new Map([[accepted, 'ACCEPTED']]));
    // Recorded once, addressed to the requester alone, and replayed to a member who resubscribes from before it.
    const recorded = await cancelledEvents(pending);
    expect(recorded).toEqual([{ cursor: event.inboxUpdated.cursor, organizationIds: [pendingOrg.id] }]);
    expect(await cancelledEvents(accepted)).toEqual([]);
    const resumed = subscribe(client(rafa.token), InboxUpdatedDocument, { organizationId: pendingOrg.id, after: String(BigInt(event.inboxUpdated.cursor) - 1n) });
    expect((await resumed.waitFor(1))[0].inboxUpdated).toMatchObject({ change: 'CANCELLED', offerRequest: { id: pending } });
  });

  it('a request that expired before the close stays EXPIRED and is not told CANCELLED', async () => {
    const giver = await createOrg(app, olga);
    const requester = await createOrg(app, rafa);
    const offerId = await postOffer(giver.id);
    const expired = await ask(rafa, requester.id, offerId);
    await app.db.query(`UPDATE offers SET request_deadline = now() - interval '1 hour' WHERE id = $1`, [offerId]);
    expect(await listed(rafa, requester.id)).toEqual(new Map([[expired, 'EXPIRED']]));
    expect((await close(offerId)).userErrors).toEqual([]);
    expect(await listed(rafa, requester.id)).toEqual(new Map([[expired, 'EXPIRED']]));
    expect(await cancelledEvents(expired)).toEqual([]);
  });

  it('a request racing the close is either refused or cancelled and told: never left pending behind it unannounced', async () => {
    const giver = await createOrg(app, olga);
    const requester = await createOrg(app, rafa);
    for (let round = 0; round < 6; round++) {
      const offerId = await postOffer(giver.id, { title: `Race ${round}` });
      const [asked] = await Promise.all([
        gql(app, RequestOfferDocument, { input: { offerId, organizationId: requester.id, message: 'Me', seats: 1 } }, rafa.token),
        close(offerId),
      ]);
      const payload = ok(asked).offerRequest;
      if (payload.offerRequest) {
        const id = payload.offerRequest.id;
        expect((await listed(rafa, requester.id)).get(id)).toBe('CANCELLED');
        expect(await cancelledEvents(id)).toHaveLength(1);
      } else {
        expect(payload.userErrors.map((e) => e.code)).toEqual(['NOT_OPEN']);
      }
    }
  });
});
