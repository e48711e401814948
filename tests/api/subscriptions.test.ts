import {
  InboxUpdatedDocument, OfferDocument, OfferPostDocument, OfferPostedDocument, RequestIntroductionDocument, RequestOfferDocument,
  RespondToIntroductionDocument, RespondToOfferRequestDocument, WithdrawOfferRequestDocument, type OfferPostInput,
  type OrganizationCreateInput,
} from '../generated/graphql.js';
import { addNeed, createOrg, signUp, skillId, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/graphql-client.js';
import { connect, settle, subscribe, type TestClient } from '../support/subscription-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sweepEventLog } from '../../src/activity/event-retention.js';
import { recordInboxExpiries } from '../../src/subscriptions/inbox-expiry.js';

// Live subscriptions over real WebSockets (graphql-ws createClient + ws) against the real app: offerPosted (needs,
// filters, privacy per subscriber, the anonymous presentation), resuming with `after` (exact sequence across a
// dropped socket), rollback publishes nothing, and inboxUpdated (who hears what, a decline to the requester only).

let app: TestApp;
let alice: TestUser; // offers
let bob: TestUser; // needs
let carol: TestUser; // a stranger
let grantWriting: string;
let mediaRelations: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  app = await startTestApp();
  [alice, bob, carol] = await Promise.all([signUp(app, 'Alice'), signUp(app, 'Bob'), signUp(app, 'Carol')]);
  [grantWriting, mediaRelations] = await Promise.all([skillId(app, 'grant-writing'), skillId(app, 'media-relations')]);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => app?.close());

function client(token?: string | null): TestClient {
  const c = connect(app, token);
  clients.push(c);
  return c;
}

const NAIROBI = { country: 'KE', region: 'Nairobi County', city: 'Nairobi', latitude: -1.29213, longitude: 36.82194 };
function org(owner: TestUser, input: Partial<OrganizationCreateInput> = {}) {
  return createOrg(app, owner, { location: { ...NAIROBI, precision: 'EXACT' }, ...input });
}

async function postOffer(token: string, organizationId: string, input: Partial<OfferPostInput> = {}) {
  const payload = ok(await gql(app, OfferPostDocument, {
    input: { organizationId, skillId: grantWriting, title: 'Grant-writing clinic', format: 'WORKSHOP', audience: 'PUBLIC', remote: true, ...input },
  }, token)).offerPost;
  expect(payload.userErrors).toEqual([]);
  return payload.offer!;
}

/** What offer(id) answers this viewer, without the per-response anonymous token. */
async function queried(id: string, token: string | null) {
  const offer = ok(await gql(app, OfferDocument, { id }, token)).offer;
  return withoutToken(offer);
}
function withoutToken<T extends { anonymousOrganization: { token: string } | null }>(offer: T) {
  return { ...offer, anonymousOrganization: offer.anonymousOrganization ? { ...offer.anonymousOrganization, token: '(per response)' } : null };
}

describe('offerPosted', () => {
  it('pushes an offer meeting the organization\'s open needs, shown exactly as offer(id) shows it, and nothing else', async () => {
    const giver = await org(alice);
    const seeker = await org(bob);
    await addNeed(app, bob, seeker.id, 'grant-writing');
    const live = subscribe(client(bob.token), OfferPostedDocument, { organizationId: seeker.id });
    await settle(200);
    const unrelated = await postOffer(alice.token, giver.id, { skillId: mediaRelations, title: 'Press training' });
    const offer = await postOffer(alice.token, giver.id, { title: 'Budget narratives' });
    const [event] = await live.waitFor(1);
    expect(event.offerPosted.change).toBe('POSTED');
    expect(event.offerPosted.offer.id).toBe(offer.id);
    expect(event.offerPosted.offer).toEqual(await queried(offer.id, bob.token));
    expect(event.offerPosted.offer.organization).toEqual({ id: giver.id, name: giver.name });
    await settle();
    expect(live.events.map((e) => e.offerPosted.offer.id)).not.toContain(unrelated.id);
    expect(live.events).toHaveLength(1);
  });

  it('resumes with after: a dropped socket misses nothing and repeats nothing (exact sequence)', async () => {
    const giver = await org(alice);
    const seeker = await org(bob);
    const first = client(bob.token);
    const live = subscribe(first, OfferPostedDocument, { filter: { organizationId: giver.id } });
    await settle(200);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await postOffer(alice.token, giver.id, { title: `Offer ${i}` })).id);
    const before = await live.waitFor(3);
    // The socket drops mid-stream; more offers are posted while the subscriber is away.
    await first.dispose();
    for (let i = 3; i < 6; i++) ids.push((await postOffer(alice.token, giver.id, { title: `Offer ${i}` })).id);
    const cursor = before[2].offerPosted.cursor;
    const resumed = subscribe(client(bob.token), OfferPostedDocument, { filter: { organizationId: giver.id }, after: cursor });
    await resumed.waitFor(3);
    // ... and live ones after the seam.
    for (let i = 6; i < 8; i++) ids.push((await postOffer(alice.token, giver.id, { title: `Offer ${i}` })).id);
    const after = await resumed.waitFor(5);
    await settle();
    expect(before.map((e) => e.offerPosted.offer.id)).toEqual(ids.slice(0, 3));
    expect(resumed.events.map((e) => e.offerPosted.offer.id)).toEqual(ids.slice(3));
    const cursors = [...before, ...after].map((e) => BigInt(e.offerPosted.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(cursors).size).toBe(cursors.length);
    void seeker;
  });

  it('a rolled-back post publishes nothing and records nothing', async () => {
    const giver = await org(alice);
    const live = subscribe(client(bob.token), OfferPostedDocument, { filter: { organizationId: giver.id } });
    await settle(200);
    const [{ count: before }] = await app.db.query('SELECT count(*)::int AS count FROM activity_events');
    // An unknown issue area is found after the offer row was written: the whole post rolls back.
    const failed = ok(await gql(app, OfferPostDocument, {
      input: { organizationId: giver.id, skillId: grantWriting, title: 'Doomed', format: 'WORKSHOP', audience: 'PUBLIC', remote: true, issueAreaIds: ['00000000-0000-4000-8000-000000000000'] },
    }, alice.token)).offerPost;
    expect(failed.userErrors[0].code).toBe('UNKNOWN_ISSUE_AREA');
    const [{ count: afterFailure }] = await app.db.query('SELECT count(*)::int AS count FROM activity_events');
    expect(afterFailure).toBe(before);
    const good = await postOffer(alice.token, giver.id, { title: 'Survivor' });
    const [event] = await live.waitFor(1);
    await settle();
    expect(live.events).toHaveLength(1);
    expect(event.offerPosted.offer.id).toBe(good.id);
  });
});

describe('offerPosted: reopened, retention', () => {
  it('an offer that was FULL and takes requests again (an accepted request withdrawn) is pushed as REOPENED', async () => {
    const giver = await org(alice);
    const seeker = await org(bob);
    const live = subscribe(client(carol.token), OfferPostedDocument, { filter: { organizationId: giver.id } });
    await settle(200);
    const offer = await postOffer(alice.token, giver.id, { seats: 1, title: 'One seat' });
    const request = ok(await gql(app, RequestOfferDocument, { input: { offerId: offer.id, organizationId: seeker.id, message: 'Me' } }, bob.token))
      .offerRequest.offerRequest!;
    ok(await gql(app, RespondToOfferRequestDocument, { input: { offerRequestId: request.id, accept: true } }, alice.token));
    ok(await gql(app, WithdrawOfferRequestDocument, { input: { offerRequestId: request.id } }, bob.token));
    const events = await live.waitFor(2);
    await settle();
    expect(events.map((e) => [e.offerPosted.change, e.offerPosted.offer.id, e.offerPosted.offer.status])).toEqual([
      ['POSTED', offer.id, 'OPEN'], ['REOPENED', offer.id, 'OPEN'],
    ]);
    expect(live.events).toHaveLength(2);
  });

  it('the retention sweep deletes old events, moves the horizon, and a cursor behind it is refused', async () => {
    const giver = await org(alice);
    await postOffer(alice.token, giver.id, { title: 'Old news' });
    const [{ id: oldest }] = await app.db.query('SELECT max(id)::text AS id FROM activity_events');
    await app.db.query(`UPDATE activity_events SET created_at = now() - interval '8 days' WHERE id <= $1`, [oldest]);
    const fresh = await postOffer(alice.token, giver.id, { title: 'Fresh' });
    expect(await sweepEventLog(app.db)).toBeGreaterThan(0);
    const [{ sweptThrough }] = await app.db.query('SELECT swept_through::text AS "sweptThrough" FROM activity_event_horizon');
    expect(sweptThrough).toBe(oldest);
    const [{ count }] = await app.db.query('SELECT count(*)::int AS count FROM activity_events WHERE id <= $1', [oldest]);
    expect(count).toBe(0);
    const behind = subscribe(client(bob.token), OfferPostedDocument, { filter: { organizationId: giver.id }, after: String(BigInt(oldest) - 1n) });
    await behind.ended();
    expect(behind.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after', reason: 'CURSOR_EXPIRED' } });
    // The horizon itself is a complete cursor: what follows it is all there.
    const atHorizon = subscribe(client(bob.token), OfferPostedDocument, { filter: { organizationId: giver.id }, after: oldest });
    const [event] = await atHorizon.waitFor(1);
    expect(event.offerPosted.offer.id).toBe(fresh.id);
  });
});

describe('offerPosted: privacy per subscriber', () => {
  it('a subscriber that may not see an offer never gets it; one that may gets exactly what offer(id) shows it', async () => {
    const giver = await org(alice);
    const partner = await org(bob);
    const stranger = await org(carol);
    // bob's organization becomes a partner of alice's (an accepted introduction records a collaboration)
    const intro = ok(await gql(app, RequestIntroductionDocument, { input: { fromOrganizationId: partner.id, toOrganizationId: giver.id, message: 'Hi' } }, bob.token))
      .requestIntroduction.introduction!;
    ok(await gql(app, RespondToIntroductionDocument, { input: { introductionId: intro.id, accept: true } }, alice.token));
    const filter = { skillIds: [grantWriting] };
    const partnerLive = subscribe(client(bob.token), OfferPostedDocument, { filter });
    const strangerLive = subscribe(client(carol.token), OfferPostedDocument, { filter });
    const anonymousLive = subscribe(client(null), OfferPostedDocument, { filter });
    await settle(200);
    const forPartners = await postOffer(alice.token, giver.id, { audience: 'PARTNERS', title: 'Partners only' });
    const forNetwork = await postOffer(alice.token, giver.id, { audience: 'NETWORK', title: 'Signed-in only' });
    const forAll = await postOffer(alice.token, giver.id, { audience: 'PUBLIC', title: 'Everyone' });
    await partnerLive.waitFor(3);
    await strangerLive.waitFor(2);
    await anonymousLive.waitFor(1);
    await settle();
    const ids = (live: typeof partnerLive) => live.events.map((e) => e.offerPosted.offer.id);
    expect(ids(partnerLive)).toEqual([forPartners.id, forNetwork.id, forAll.id]);
    expect(ids(strangerLive)).toEqual([forNetwork.id, forAll.id]);
    expect(ids(anonymousLive)).toEqual([forAll.id]);
    // Each payload is what the same viewer's offer(id) answers; the hidden ones are NOT_FOUND there too.
    for (const event of partnerLive.events) expect(event.offerPosted.offer).toEqual(await queried(event.offerPosted.offer.id, bob.token));
    for (const event of strangerLive.events) expect(event.offerPosted.offer).toEqual(await queried(event.offerPosted.offer.id, carol.token));
    expect((await gql(app, OfferDocument, { id: forPartners.id }, carol.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    void stranger;
  });

  it('an ANONYMOUS offer of a PRIVATE organization arrives as the same card offer(id) shows, never naming it', async () => {
    const hidden = await org(alice, { visibility: 'PRIVATE' });
    const live = subscribe(client(carol.token), OfferPostedDocument, { filter: { skillIds: [grantWriting] } });
    await settle(200);
    const offer = await postOffer(alice.token, hidden.id, { audience: 'ANONYMOUS', title: 'Quiet help', languages: ['en'] });
    const [event] = await live.waitFor(1);
    const pushed = event.offerPosted.offer;
    expect(pushed.id).toBe(offer.id);
    expect(pushed.organization).toBeNull();
    expect(pushed.anonymousOrganization).not.toBeNull();
    expect(pushed.languages).toEqual([]);
    expect(JSON.stringify(event)).not.toContain(hidden.id);
    expect(JSON.stringify(event)).not.toContain(hidden.name);
    expect(withoutToken(pushed)).toEqual(await queried(offer.id, carol.token));
  });
});

describe('inboxUpdated', () => {
  it('introductions: the organization asked hears RECEIVED; a decline reaches the requester only; strangers hear nothing', async () => {
    const asker = await org(alice);
    const asked = await org(bob);
    const other = await org(carol);
    const askerInbox = subscribe(client(alice.token), InboxUpdatedDocument, { organizationId: asker.id });
    const askedInbox = subscribe(client(bob.token), InboxUpdatedDocument, { organizationId: asked.id });
    const otherInbox = subscribe(client(carol.token), InboxUpdatedDocument, { organizationId: other.id });
    await settle(200);
    const intro = ok(await gql(app, RequestIntroductionDocument, {
      input: { fromOrganizationId: asker.id, toOrganizationId: asked.id, message: 'Hello' },
    }, alice.token)).requestIntroduction.introduction!;
    const [received] = await askedInbox.waitFor(1);
    expect(received.inboxUpdated).toMatchObject({ change: 'RECEIVED', introduction: { id: intro.id, status: 'PENDING', message: 'Hello' }, offerRequest: null });
    ok(await gql(app, RespondToIntroductionDocument, { input: { introductionId: intro.id, accept: false } }, bob.token));
    const [declined] = await askerInbox.waitFor(1);
    expect(declined.inboxUpdated).toMatchObject({ change: 'DECLINED', introduction: { id: intro.id, status: 'DECLINED' } });
    await settle();
    expect(askedInbox.events).toHaveLength(1); // the decline is not pushed to the side that declined, nor anyone else
    expect(otherInbox.events).toHaveLength(0);
  });

  it('offer requests: RECEIVED to the offering side, ACCEPTED to the requester, WITHDRAWN to the offering side', async () => {
    const giver = await org(alice);
    const seeker = await org(bob);
    const offer = await postOffer(alice.token, giver.id, { seats: 2 });
    const giverInbox = subscribe(client(alice.token), InboxUpdatedDocument, { organizationId: giver.id });
    const seekerInbox = subscribe(client(bob.token), InboxUpdatedDocument, { organizationId: seeker.id });
    await settle(200);
    const request = ok(await gql(app, RequestOfferDocument, {
      input: { offerId: offer.id, organizationId: seeker.id, message: 'Two of us', seats: 1 },
    }, bob.token)).offerRequest.offerRequest!;
    ok(await gql(app, RespondToOfferRequestDocument, { input: { offerRequestId: request.id, accept: true } }, alice.token));
    ok(await gql(app, WithdrawOfferRequestDocument, { input: { offerRequestId: request.id } }, bob.token));
    const giverEvents = await giverInbox.waitFor(2);
    const seekerEvents = await seekerInbox.waitFor(1);
    await settle();
    expect(giverEvents.map((e) => [e.inboxUpdated.change, e.inboxUpdated.offerRequest?.id])).toEqual([['RECEIVED', request.id], ['WITHDRAWN', request.id]]);
    expect(seekerEvents.map((e) => e.inboxUpdated.change)).toEqual(['ACCEPTED']);
    expect(giverInbox.events).toHaveLength(2);
    expect(seekerInbox.events).toHaveLength(1);
  });
});

describe('inboxUpdated: expiry', () => {
  it('an introduction past its expiry is noticed once and pushed to the requester as EXPIRED', async () => {
    const asker = await org(alice);
    const asked = await org(bob);
    const askerInbox = subscribe(client(alice.token), InboxUpdatedDocument, { organizationId: asker.id });
    const askedInbox = subscribe(client(bob.token), InboxUpdatedDocument, { organizationId: asked.id });
    await settle(200);
    const intro = ok(await gql(app, RequestIntroductionDocument, { input: { fromOrganizationId: asker.id, toOrganizationId: asked.id, message: 'Hi' } }, alice.token))
      .requestIntroduction.introduction!;
    await askedInbox.waitFor(1);
    await app.db.query(`UPDATE introductions SET expires_at = now() - interval '1 minute' WHERE id = $1`, [intro.id]);
    const first = await recordInboxExpiries(app.db);
    const second = await recordInboxExpiries(app.db); // another process noticing the same: nothing more
    expect(first.filter((e) => e.subjectId === intro.id)).toHaveLength(1);
    expect(second.filter((e) => e.subjectId === intro.id)).toHaveLength(0);
    const [expired] = await askerInbox.waitFor(1);
    expect(expired.inboxUpdated).toMatchObject({ change: 'EXPIRED', introduction: { id: intro.id, status: 'EXPIRED' } });
    const events = await askedInbox.waitFor(2);
    expect(events[1].inboxUpdated).toMatchObject({ change: 'EXPIRED', introduction: { id: intro.id } });
  });
});
