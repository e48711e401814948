import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { OfferPostDocument } from '../generated/graphql.js';
import { addMember, addNeed, createOrg, signUp, skillId, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/graphql-client.js';
import { connect, settle, subscribe, type TestClient } from '../support/subscription-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The transport executes an event's selection once per group of alike subscribers (src/api/shared-execution.ts):
// same payload object, document, variables and viewer key. These tests hold it to giving each subscriber exactly
// what its own execution would: its own selection, its own variables, and what its own memberships allow.

let app: TestApp;
let owner: TestUser;
let colleague: TestUser; // a plain member of the seeking organization: another viewer key than its owner
let sameRole: TestUser; // a second plain member: the same viewer key as `colleague`
let poster: TestUser;
const clients: TestClient[] = [];

beforeAll(async () => {
  app = await startTestApp();
  [owner, colleague, sameRole, poster] = await Promise.all(['Owner', 'Colleague', 'Same role', 'Poster'].map((n) => signUp(app, n)));
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

type Pushed = { offerPosted: { cursor: string; offer: Record<string, unknown> } };
const doc = (text: string) => parse(text) as unknown as TypedDocumentNode<Pushed, Record<string, unknown>>;
const TITLES = doc('subscription($org: ID) { offerPosted(organizationId: $org) { cursor offer { id title } } }');
const FORMATS = doc('subscription($org: ID) { offerPosted(organizationId: $org) { cursor offer { id format organization { name } } } }');
// Through a filter, the same document and variables for every subscriber: what differs is the viewer.
const WITH_ROLE = doc('subscription($filter: OfferFilter) { offerPosted(filter: $filter) { offer { id organization { name viewerRole } } } }');

describe('offerPosted: one execution per group of alike subscribers', () => {
  it('each subscriber gets its own selection and variables, even when the event and the viewer key are the same', async () => {
    const giver = await createOrg(app, poster);
    const seeker = await createOrg(app, owner);
    const other = await createOrg(app, owner, { name: 'Second seeker' });
    await addMember(app, owner, seeker.id, colleague);
    await addMember(app, owner, seeker.id, sameRole);
    await addMember(app, owner, other.id, colleague);
    await addMember(app, owner, other.id, sameRole);
    await Promise.all([addNeed(app, owner, seeker.id, 'grant-writing'), addNeed(app, owner, other.id, 'grant-writing')]);
    const grantWriting = await skillId(app, 'grant-writing');

    const titles = subscribe(client(colleague.token), TITLES, { org: seeker.id });
    const titlesToo = subscribe(client(sameRole.token), TITLES, { org: seeker.id });
    const formats = subscribe(client(sameRole.token), FORMATS, { org: seeker.id });
    const otherOrg = subscribe(client(colleague.token), TITLES, { org: other.id });
    const filter = { skillIds: [grantWriting] };
    const posterLive = subscribe(client(poster.token), WITH_ROLE, { filter });
    const strangerLive = subscribe(client(colleague.token), WITH_ROLE, { filter });
    await settle(300);
    const posted = ok(await gql(app, OfferPostDocument, {
      input: { organizationId: giver.id, skillId: grantWriting, title: 'Shared once', format: 'MENTORING', audience: 'PUBLIC', remote: true },
    }, poster.token)).offerPost.offer!;

    const [a] = await titles.waitFor(1);
    const [b] = await titlesToo.waitFor(1);
    const [c] = await formats.waitFor(1);
    const [d] = await otherOrg.waitFor(1);
    const [e] = await posterLive.waitFor(1);
    const [f] = await strangerLive.waitFor(1);
    expect(a.offerPosted.offer).toEqual({ id: posted.id, title: 'Shared once' });
    expect(b).toEqual(a); // the same group: the same answer
    expect(c.offerPosted.offer).toEqual({ id: posted.id, format: 'MENTORING', organization: { name: giver.name } });
    expect(d.offerPosted.offer).toEqual({ id: posted.id, title: 'Shared once' });
    // The same document, variables and event for two viewer keys: each gets its own role in the posting organization.
    expect(e.offerPosted.offer).toEqual({ id: posted.id, organization: { name: giver.name, viewerRole: 'OWNER' } });
    expect(f.offerPosted.offer).toEqual({ id: posted.id, organization: { name: giver.name, viewerRole: null } });
    await settle();
    for (const live of [titles, titlesToo, formats, otherOrg, posterLive, strangerLive]) {
      expect(live.events).toHaveLength(1);
      expect(live.errors).toEqual([]);
    }
  });
});
