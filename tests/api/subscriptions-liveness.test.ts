import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { InboxUpdatedDocument, MemberRemoveDocument, OfferPostDocument, SignOutDocument } from '../generated/graphql.js';
import { addMember, createOrg, signUp, skillId, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/graphql-client.js';
import { connect, settle, subscribe, wsUrl, type TestClient } from '../support/subscription-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { MAX_PENDING } from '../../src/activity/event-stream.js';
import { recordInboxExpiries } from '../../src/subscriptions/inbox-expiry.js';
import { loadConfig } from '../../src/core/config.js';

// What keeps a live connection honest when nothing else would:
// - the idle check: a socket that receives no events still has its token and memberships checked every
//   SUBSCRIPTION_CHECK_INTERVAL_SECONDS (1 s here; 60 s by default), so a revoked token closes it with 4401 and a
//   lost membership with 4403 within that time;
// - the slow-subscriber cutoff: a client that stops reading makes the server's sends wait (TCP backpressure: the
//   transport awaits each send), live events pile up for that subscription, and after MAX_PENDING of them it is
//   ended with QUERY_LIMIT_EXCEEDED (reason SUBSCRIBER_TOO_SLOW, resumeAfter); resubscribing with that cursor
//   loses nothing.

let app: TestApp;
let alice: TestUser;
let grantWriting: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  app = await startTestApp({ SUBSCRIPTION_CHECK_INTERVAL_SECONDS: '1' });
  alice = await signUp(app, 'Alice');
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

describe('idle connections are checked every SUBSCRIPTION_CHECK_INTERVAL_SECONDS', () => {
  it('defaults to 60 s; a bad value stops the start naming it', () => {
    expect(loadConfig({}).subscriptionCheckIntervalMs).toBe(60_000);
    expect(() => loadConfig({ SUBSCRIPTION_CHECK_INTERVAL_SECONDS: '0' })).toThrow(/SUBSCRIPTION_CHECK_INTERVAL_SECONDS/);
  });

  it('a revoked token closes an idle socket with 4401 within the interval; a valid one stays open', async () => {
    const [revoked, kept] = await Promise.all([signUp(app, 'Revoked'), signUp(app, 'Kept')]);
    const [revokedOrg, keptOrg] = await Promise.all([createOrg(app, revoked), createOrg(app, kept)]);
    const closing = client(revoked.token);
    const staying = client(kept.token);
    const closingLive = subscribe(closing, InboxUpdatedDocument, { organizationId: revokedOrg.id });
    const stayingLive = subscribe(staying, InboxUpdatedDocument, { organizationId: keptOrg.id });
    await settle(500);
    const closed = closing.nextClose(4000);
    ok(await gql(app, SignOutDocument, {}, revoked.token));
    const signedOutAt = Date.now();
    expect((await closed).code).toBe(4401);
    expect(Date.now() - signedOutAt).toBeLessThan(2500); // one interval (1 s) and the check itself
    expect(closingLive.events).toHaveLength(0); // no event was needed to notice it
    await settle(1500); // more than an interval: the valid one was checked and kept
    expect(staying.closes).toEqual([]);
    expect(stayingLive.done).toBe(false);
  });

  it('a membership removed while idle closes the socket with 4403 within the interval', async () => {
    const erin = await signUp(app, 'Erin');
    const org = await createOrg(app, alice);
    await addMember(app, alice, org.id, erin, 'MEMBER');
    const c = client(erin.token);
    subscribe(c, InboxUpdatedDocument, { organizationId: org.id });
    await settle(500);
    const closed = c.nextClose(4000);
    ok(await gql(app, MemberRemoveDocument, { input: { organizationId: org.id, userId: erin.id } }, alice.token));
    expect((await closed).code).toBe(4403);
  });
});

/** A graphql-ws client whose socket can stop reading (ws.pause(): the TCP receive window fills up). */
function pausableClient(token: string) {
  const sockets: WebSocket[] = [];
  class Recorded extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      sockets.push(this);
    }
  }
  const graphqlClient = createClient({
    url: wsUrl(app), webSocketImpl: Recorded, connectionParams: { authorization: `Bearer ${token}` }, lazy: true, retryAttempts: 0,
  });
  clients.push({ client: graphqlClient, closes: [], nextClose: () => Promise.reject(new Error('unused')), dispose: () => graphqlClient.dispose() as Promise<void> });
  return { client: graphqlClient, socket: () => sockets[0] };
}

// 14 aliases of a 2,000-character message (3 bytes each in UTF-8): about 85 KB per event, so a few dozen events
// fill the loopback TCP buffers (the kernel's send and receive buffers, a few MB) and the server's sends wait.
const ALIASES = Array.from({ length: 14 }, (_, i) => `m${i}: message`).join(' ');
const HEAVY_INBOX = `subscription($organizationId: ID!, $after: String) {
  inboxUpdated(organizationId: $organizationId, after: $after) { cursor change offerRequest { id ${ALIASES} } } }`;
const HEAVY = 80;

interface Pushed {
  inboxUpdated: { cursor: string; change: string; offerRequest: { id: string } };
}

function follow(graphqlClient: ReturnType<typeof createClient>, variables: Record<string, unknown>) {
  const received: Pushed[] = [];
  let failure: unknown = null;
  const ended = new Promise<void>((resolve) => {
    graphqlClient.subscribe<Pushed>({ query: HEAVY_INBOX, variables }, {
      next: (result) => { if (result.data) received.push(result.data as Pushed); },
      error: (error) => { failure = error; resolve(); },
      complete: () => resolve(),
    });
  });
  return { received, ended, failure: () => failure };
}

/**
 * `count` pending requests of `requesterId` for copies of one real offer (fixture rows: one pending request per
 * offer and organization), the first `heavy` of them with a long message. Returns the request ids in that order.
 */
async function pendingRequests(offerId: string, requesterId: string, userId: string, count: number, heavy: number): Promise<string[]> {
  const columns = (await app.db.query(
    `SELECT quote_ident(column_name) AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'offers' AND column_name <> 'id'`,
  ) as { name: string }[]).map((c) => c.name).join(', ');
  const copies: { id: string }[] = await app.db.query(
    `INSERT INTO offers (${columns}) SELECT ${columns} FROM offers, generate_series(1, $2) WHERE id = $1 RETURNING id`, [offerId, count],
  );
  const rows: { id: string }[] = await app.db.query(
    `INSERT INTO offer_requests (offer_id, requesting_organization_id, requested_by_user_id, message, seats)
     SELECT t.id, $2, $3, CASE WHEN t.n <= $4 THEN repeat('€', 2000) ELSE 'Short' END, 1
     FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n) ORDER BY t.n RETURNING id`,
    [copies.map((c) => c.id), requesterId, userId, heavy],
  );
  return rows.map((r) => r.id);
}

/** The offers of these requests lapse, and the expiry job (every minute in every process) notices it now. */
async function expire(requestIds: string[]): Promise<number> {
  await app.db.query(
    `UPDATE offers SET request_deadline = now() - interval '1 minute' WHERE id IN (SELECT offer_id FROM offer_requests WHERE id = ANY($1::uuid[]))`, [requestIds],
  );
  let recorded = 0;
  for (let pass = await recordInboxExpiries(app.db); pass.length; pass = await recordInboxExpiries(app.db)) recorded += pass.length;
  return recorded;
}

describe('a subscriber that stops reading', () => {
  it(`is ended after ${MAX_PENDING} undelivered events with SUBSCRIBER_TOO_SLOW and resumeAfter; resubscribing with it loses nothing`, async () => {
    const bob = await signUp(app, 'Bob');
    const giver = await createOrg(app, alice);
    const requester = await createOrg(app, bob);
    const template = ok(await gql(app, OfferPostDocument, {
      input: { organizationId: giver.id, skillId: grantWriting, title: 'Clinic', format: 'WORKSHOP', audience: 'PUBLIC', remote: true },
    }, alice.token)).offerPost.offer!.id;
    const requests = await pendingRequests(template, requester.id, bob.id, HEAVY + MAX_PENDING + 50, HEAVY);

    const slow = pausableClient(bob.token);
    const first = follow(slow.client, { organizationId: requester.id });
    await settle(1000); // connected and registered (no `after`: only what commits from now on)
    // It stops reading. (Within graphql-ws's keep-alive: a client that answers no ping for 12 s is dropped.)
    slow.socket().pause();
    expect(await expire(requests.slice(0, HEAVY))).toBe(HEAVY);
    // Time enough to send all of them, if sends did not wait (they do, once the TCP buffers are full: see below).
    await settle(1500);
    expect(await expire(requests.slice(HEAVY))).toBe(requests.length - HEAVY);
    const logged: { subjectId: string }[] = await app.db.query(
      `SELECT subject_id AS "subjectId" FROM activity_events WHERE kind = 'INBOX' AND subject_id = ANY($1::uuid[]) ORDER BY id`, [requests],
    );
    expect(logged).toHaveLength(requests.length);

    slow.socket().resume();
    await first.ended;
    const errors = first.failure() as { extensions?: Record<string, unknown> }[];
    expect(Array.isArray(errors) ? errors[0].extensions : errors).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', reason: 'SUBSCRIBER_TOO_SLOW' });
    const resumeAfter = String(errors[0].extensions!.resumeAfter);
    // It was cut off during the heavy events (its sends waited), and resumeAfter is the last event it received.
    expect(first.received.length).toBeGreaterThan(0);
    expect(first.received.length).toBeLessThan(HEAVY);
    expect(first.received.at(-1)!.inboxUpdated.cursor).toBe(resumeAfter);

    const second = follow(slow.client, { organizationId: requester.id, after: resumeAfter });
    for (let i = 0; i < 240 && first.received.length + second.received.length < requests.length; i++) await settle(250);
    const all = [...first.received, ...second.received];
    expect(all.map((e) => e.inboxUpdated.offerRequest.id)).toEqual(logged.map((row) => row.subjectId));
    expect(all.every((e) => e.inboxUpdated.change === 'EXPIRED')).toBe(true);
    const cursors = all.map((e) => BigInt(e.inboxUpdated.cursor));
    expect(new Set(cursors).size).toBe(cursors.length);
  }, 120_000);
});
