import WebSocket from 'ws';
import {
  InboxUpdatedDocument, MemberRemoveDocument, OfferPostDocument, OfferPostedDocument, RequestIntroductionDocument, SignOutDocument,
} from '../generated/graphql.js';
import { addMember, createOrg, signUp, skillId, type TestUser } from '../support/factories.js';
import { gql, ok, rawGql } from '../support/graphql-client.js';
import { connect, settle, subscribe, wsUrl, type TestClient } from '../support/subscription-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The socket's security, each with a real WebSocket client: authentication at connection_init and re-checked on
// every event (revoked token -> 4401, lost membership -> 4403), the init timeout (4408), the message size (1009),
// the subscriptions-per-socket cap, the Origin check, the same depth/alias/cost limits as HTTP, queries refused,
// cursors checked, and masked errors (in the stream and inside an event's payload).

let app: TestApp;
let alice: TestUser;
let grantWriting: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  app = await startTestApp({ CORS_ORIGINS: 'https://partner.example' });
  alice = await signUp(app, 'Alice');
  grantWriting = await skillId(app, 'grant-writing');
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => app?.close());

function client(token?: string | null): TestClient {
  const c = connect(app, token, { headers: { origin: 'https://partner.example' } });
  clients.push(c);
  return c;
}

async function postOffer(organizationId: string, title = 'Clinic') {
  const payload = ok(await gql(app, OfferPostDocument, {
    input: { organizationId, skillId: grantWriting, title, format: 'WORKSHOP', audience: 'PUBLIC', remote: true },
  }, alice.token)).offerPost;
  expect(payload.userErrors).toEqual([]);
  return payload.offer!;
}

/** A raw socket speaking graphql-transport-ws, for what a well-behaved client never does. */
function rawSocket(origin = 'https://partner.example'): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(app), 'graphql-transport-ws', { headers: { origin } });
    const closed = new Promise<{ code: number; reason: string }>((done) => socket.on('close', (code, reason) => done({ code, reason: String(reason) })));
    socket.on('open', () => resolve({ socket, closed }));
    socket.on('unexpected-response', (_req, res) => reject(Object.assign(new Error('refused'), { status: res.statusCode })));
    socket.on('error', () => undefined);
  });
}

function codeOf(errors: unknown[]): string | undefined {
  return (errors[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code;
}

describe('authentication stays true while the socket lives', () => {
  it('a token revoked after connecting: the next event closes the socket with 4401 and is not delivered', async () => {
    const dave = await signUp(app, 'Dave');
    const giver = await createOrg(app, alice);
    const c = client(dave.token);
    const live = subscribe(c, OfferPostedDocument, { filter: { organizationId: giver.id } });
    await settle(1000); // the subscription is live only once the server has registered it (no 'after' cursor here)
    await postOffer(giver.id, 'Before');
    await live.waitFor(1);
    ok(await gql(app, SignOutDocument, {}, dave.token));
    const closing = c.nextClose();
    await postOffer(giver.id, 'After');
    expect((await closing).code).toBe(4401);
    await settle();
    expect(live.events).toHaveLength(1);
  });

  it('a membership removed after subscribing: the next event closes the socket with 4403 and is not delivered', async () => {
    const erin = await signUp(app, 'Erin');
    const asked = await createOrg(app, alice);
    const asker = await createOrg(app, alice);
    await addMember(app, alice, asked.id, erin, 'MEMBER');
    const c = client(erin.token);
    const live = subscribe(c, InboxUpdatedDocument, { organizationId: asked.id });
    await settle(200);
    ok(await gql(app, MemberRemoveDocument, { input: { organizationId: asked.id, userId: erin.id } }, alice.token));
    const closing = c.nextClose();
    ok(await gql(app, RequestIntroductionDocument, { input: { fromOrganizationId: asker.id, toOrganizationId: asked.id, message: 'Hello' } }, alice.token));
    expect((await closing).code).toBe(4403);
    expect(live.events).toHaveLength(0);
  });

  it('an invalid token is refused at connection_init (4403); an anonymous connection may not follow an inbox', async () => {
    const bad = client('not-a-real-token');
    const closing = bad.nextClose();
    subscribe(bad, OfferPostedDocument, { filter: { remote: true } });
    expect((await closing).code).toBe(4403);
    const anonymous = subscribe(client(null), InboxUpdatedDocument, { organizationId: (await createOrg(app, alice)).id });
    await anonymous.ended();
    expect(codeOf(anonymous.errors)).toBe('UNAUTHENTICATED');
  });

  it('a non-member may not follow an organization\'s inbox or its needs', async () => {
    const frank = await signUp(app, 'Frank');
    const target = await createOrg(app, alice);
    const inbox = subscribe(client(frank.token), InboxUpdatedDocument, { organizationId: target.id });
    const needs = subscribe(client(frank.token), OfferPostedDocument, { organizationId: target.id });
    await Promise.all([inbox.ended(), needs.ended()]);
    expect(codeOf(inbox.errors)).toBe('FORBIDDEN');
    expect(codeOf(needs.errors)).toBe('FORBIDDEN');
  });
});

describe('socket limits', () => {
  it('closes a connection that does not send connection_init within 5 s with 4408', async () => {
    const { closed } = await rawSocket();
    const started = Date.now();
    const { code } = await closed;
    expect(code).toBe(4408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
  }, 15000);

  it('closes a connection that sends a message over 64 KB with 1009', async () => {
    const { socket, closed } = await rawSocket();
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${alice.token}` } }));
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { offerPosted(filter: { search: "${'x'.repeat(70 * 1024)}" }) { cursor } }` } }));
    expect((await closed).code).toBe(1009);
  });

  it('refuses an Origin that is not allowed (HTTP 401 on the upgrade) and accepts the allowed one', async () => {
    await expect(rawSocket('https://evil.example')).rejects.toMatchObject({ status: 401 });
    const { socket } = await rawSocket('https://partner.example');
    const acked = new Promise((resolve) => socket.on('message', (data) => resolve(JSON.parse(String(data)).type)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    expect(await acked).toBe('connection_ack');
    socket.close();
  });

  it('caps subscriptions per socket at 20', async () => {
    const c = client(alice.token);
    const lives = Array.from({ length: 21 }, () => subscribe(c, OfferPostedDocument, { filter: { remote: true } }));
    await lives[20].ended();
    expect(codeOf(lives[20].errors)).toBe('QUERY_LIMIT_EXCEEDED');
    await settle(200);
    expect(lives.slice(0, 20).every((live) => !live.done)).toBe(true);
  });

  it('applies the depth, alias and cost limits of HTTP, and serves subscriptions only', async () => {
    const c = client(alice.token);
    const nest = (depth: number): string => (depth === 0 ? 'id' : `category { skills { ${nest(depth - 1)} } }`);
    const deep = await runRaw(c, `subscription { offerPosted(filter: { remote: true }) { offer { skill { ${nest(4)} } } } }`);
    expect(codeOf(deep)).toBe('QUERY_LIMIT_EXCEEDED');
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: cursor`).join(' ');
    expect(codeOf(await runRaw(c, `subscription { offerPosted(filter: { remote: true }) { ${aliases} } }`))).toBe('QUERY_LIMIT_EXCEEDED');
    expect(codeOf(await runRaw(c, '{ __typename }'))).toBe('BAD_REQUEST');
    expect(codeOf(await runRaw(c, 'subscription { offerPosted(filter: { remote: true }) { nope } }'))).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

async function runRaw(c: TestClient, query: string): Promise<unknown[]> {
  return new Promise((resolve) => {
    const errors: unknown[] = [];
    c.client.subscribe({ query }, {
      next: (result) => { if (result.errors) errors.push(...result.errors); },
      error: (error) => { errors.push(...(Array.isArray(error) ? error : [error])); resolve(errors); },
      complete: () => resolve(errors),
    });
  });
}

describe('cursors and masked errors', () => {
  it('answers a malformed cursor with BAD_USER_INPUT on after, and one older than the retention with CURSOR_EXPIRED', async () => {
    const malformed = subscribe(client(alice.token), OfferPostedDocument, { filter: { remote: true }, after: 'abc' });
    const tooBig = subscribe(client(alice.token), OfferPostedDocument, { filter: { remote: true }, after: '99999999999999999999' });
    await Promise.all([malformed.ended(), tooBig.ended()]);
    expect(malformed.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    expect(codeOf(tooBig.errors)).toBe('BAD_USER_INPUT');
    await app.db.query('UPDATE activity_event_horizon SET swept_through = 1000000');
    try {
      const expired = subscribe(client(alice.token), OfferPostedDocument, { filter: { remote: true }, after: '5' });
      await expired.ended();
      expect(expired.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after', reason: 'CURSOR_EXPIRED' } });
    } finally {
      await app.db.query('UPDATE activity_event_horizon SET swept_through = 0');
    }
  });

  it('masks an unexpected failure of the stream, and one inside an event payload', async () => {
    const giver = await createOrg(app, alice);
    // The replay cannot read the log: the stream fails; the client sees a masked error, no SQL.
    await app.db.query('ALTER TABLE activity_events RENAME TO activity_events_away');
    let failed: TestClient | null = null;
    try {
      failed = client(alice.token);
      const broken = subscribe(failed, OfferPostedDocument, { filter: { remote: true }, after: '0' });
      await broken.ended();
      expect(broken.errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    } finally {
      await app.db.query('ALTER TABLE activity_events_away RENAME TO activity_events');
    }
    // A field of the payload fails (its table is gone for a moment): the event arrives with a masked error.
    const live = subscribe(client(alice.token), OfferPostedDocument, { filter: { organizationId: giver.id } });
    await settle(200);
    await app.db.query('ALTER TABLE issue_areas RENAME TO issue_areas_away');
    try {
      ok(await rawGql(app, `mutation($input: OfferPostInput!) { offerPost(input: $input) { offer { id } userErrors { code } } }`, {
        input: { organizationId: giver.id, skillId: grantWriting, title: 'Masked', format: 'WORKSHOP', audience: 'PUBLIC', remote: true },
      }, alice.token));
      await live.waitFor(1).catch(() => undefined);
      await settle(300);
    } finally {
      await app.db.query('ALTER TABLE issue_areas_away RENAME TO issue_areas');
    }
    expect(live.errors.length).toBeGreaterThan(0);
    expect(live.errors).toContainEqual(expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }));
    expect(JSON.stringify(live.errors)).not.toMatch(/issue_areas|relation/);
  });
});
