import {
  SavedSearchCreateDocument, SavedSearchDeleteDocument, SavedSearchMarkSeenDocument, SavedSearchMatchedDocument, SavedSearchesDocument,
  type OrganizationCreateInput, type SavedSearchCreateInput,
} from '../generated/graphql.js';
import { addCapability, addMember, createOrg, signUp, skillId, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok, rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { wsSession, type WsSession } from '../support/ws-subscriber.js';

// Saved searches over HTTP and real WebSocket clients: matching of new organizations and offers with the list
// queries' filters and visibility, pushes per subscriber, the matches list with per-member seen marks for whoever
// was offline, access, limits, and the attacks (learning a PRIVATE organization's facts, bisecting a filter,
// keeping a match of something that became hidden).

const NAIROBI = { country: 'KE', region: 'Nairobi County', city: 'Nairobi', latitude: -1.29213, longitude: 36.82194 };

let app: TestApp;
let owner: TestUser; // owns the searching organization
let member: TestUser; // a plain member of it
let other: TestUser; // owns the organizations and offers that appear
let stranger: TestUser;
let searching: { id: string };
let transport: string;
const sessions: WsSession[] = [];

beforeAll(async () => {
  app = await startTestApp();
  [owner, member, other, stranger] = await Promise.all(['Owner', 'Member', 'Other', 'Stranger'].map((n) => signUp(app, n)));
  searching = await createOrg(app, owner, { name: 'Searching network', location: { ...NAIROBI, precision: 'CITY' } as never });
  await addMember(app, owner, searching.id, member, 'MEMBER');
  transport = await skillId(app, 'transport');
});
afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  await app?.close();
});

function session(user: TestUser): WsSession {
  const s = wsSession(app, user.token);
  sessions.push(s);
  return s;
}

async function create(input: Omit<SavedSearchCreateInput, 'organizationId'> & { organizationId?: string }, token = member.token) {
  return ok(await gql(app, SavedSearchCreateDocument, { input: { organizationId: searching.id, ...input } as SavedSearchCreateInput }, token)).savedSearchCreate;
}

async function createOk(input: Omit<SavedSearchCreateInput, 'organizationId'>, token = member.token) {
  const payload = await create(input, token);
  expect(payload.userErrors).toEqual([]);
  return payload.savedSearch!;
}

async function searches(token = member.token, unseenOnly = false) {
  return ok(await gql(app, SavedSearchesDocument, { organizationId: searching.id, first: 20, unseenOnly }, token)).savedSearches.nodes;
}

async function searchById(id: string, token = member.token, unseenOnly = false) {
  return (await searches(token, unseenOnly)).find((s) => s.id === id)!;
}

async function newOrg(input: Partial<OrganizationCreateInput>, skills: string[] = ['transport']) {
  const org = await createOrg(app, other, { location: { ...NAIROBI, precision: 'CITY' } as never, ...input });
  for (const slug of skills) await addCapability(app, other, org.id, slug, 'PROFICIENT');
  return org;
}

async function postOffer(organizationId: string, title: string, audience = 'PUBLIC', skill = transport) {
  const data = ok(await rawGql<{ offerPost: { offer: { id: string } | null; userErrors: unknown[] } }>(app,
    'mutation($input: OfferPostInput!) { offerPost(input: $input) { offer { id } userErrors { code message } } }',
    { input: { organizationId, skillId: skill, title, format: 'WORKSHOP', audience, remote: true } }, other.token));
  expect(data.offerPost.userErrors).toEqual([]);
  return data.offerPost.offer!.id;
}

/** Waits until the matcher has caught up with every event recorded so far. */
async function settled(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [{ behind }] = await app.db.query(
      `SELECT EXISTS (SELECT 1 FROM activity_events e WHERE e.kind IN ('ORGANIZATION_CHANGED', 'OFFER_POSTED')
         AND e.id > coalesce((SELECT last_event_id FROM saved_search_matcher_state WHERE name = 'saved-searches'), 0)) AS behind`,
    );
    if (!behind) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the saved-search matcher did not catch up');
}

describe('organization searches', () => {
  it('pushes new organizations that match, as the list shows them, and never a PRIVATE one', async () => {
    const search = await createOk({ name: 'Transport near Nairobi', organizationFilter: { skillIdsOffered: [transport], near: { latitude: -1.3, longitude: 36.8, radiusKm: 50 } } });
    expect(search).toMatchObject({ kind: 'ORGANIZATIONS', unseenCount: 0, filter: { skillIdsOffered: [transport], near: { latitude: -1.3, longitude: 36.8, radiusKm: 50 } } });
    const stream = session(member).subscribe(SavedSearchMatchedDocument, { organizationId: searching.id });
    await new Promise((r) => setTimeout(r, 300));

    const hidden = await newOrg({ name: 'Private transporters', visibility: 'PRIVATE', anonymousSuggestions: true });
    const far = await newOrg({ name: 'Far transporters', location: { country: 'DE', latitude: 52.52, longitude: 13.4, precision: 'CITY' } as never });
    const without = await newOrg({ name: 'No transport' }, ['video-production']);
    const match = await newOrg({ name: 'Nairobi transporters', visibility: 'NETWORK' });
    const pushed = (await stream.next()).savedSearchMatched;
    expect(pushed.cursor).toMatch(/^\d+$/);
    expect(pushed.match).toMatchObject({ savedSearchId: search.id, kind: 'ORGANIZATIONS', seen: false, organization: { id: match.id, name: 'Nairobi transporters' }, offer: null });
    await settled();
    expect(stream.data).toHaveLength(1);
    const listed = await searchById(search.id);
    expect(listed.matches.nodes.map((m) => m.organization?.id)).toEqual([match.id]);
    expect(listed.unseenCount).toBe(1);
    const [{ rows }] = await app.db.query('SELECT count(*)::int AS rows FROM saved_search_matches WHERE subject_id = ANY($1::uuid[])', [[hidden.id, far.id, without.id]]);
    expect(rows).toBe(0);
    // Updating it again (still matching) pushes nothing new: a subject matches a search once.
    await rawGql(app, 'mutation($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) { userErrors { code } } }', { input: { id: match.id, mission: 'Still moving people' } }, other.token);
    await settled();
    expect((await searchById(search.id)).matches.totalCount).toBe(1);
  });

  it('an organization that becomes visible matches then; one that turns PRIVATE drops out of matches and counts', async () => {
    const search = await createOk({ name: 'Any interpreters', organizationFilter: { skillIdsOffered: [await skillId(app, 'interpretation')] } });
    const late = await newOrg({ name: 'Shy interpreters', visibility: 'PRIVATE' }, ['interpretation']);
    await settled();
    expect((await searchById(search.id)).matches.totalCount).toBe(0);
    await rawGql(app, 'mutation($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) { userErrors { code } } }', { input: { id: late.id, visibility: 'PUBLIC' } }, other.token);
    await settled();
    expect((await searchById(search.id)).matches.nodes.map((m) => m.organization?.id)).toEqual([late.id]);
    await rawGql(app, 'mutation($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) { userErrors { code } } }', { input: { id: late.id, visibility: 'PRIVATE' } }, other.token);
    const after = await searchById(search.id);
    expect({ total: after.matches.totalCount, unseen: after.unseenCount, nodes: after.matches.nodes }).toEqual({ total: 0, unseen: 0, nodes: [] });
  });

  it('bisecting a saved filter learns no more than the list: place filters match only what a profile reveals', async () => {
    const byCity = await createOk({ name: 'In Nairobi city', organizationFilter: { city: 'Nairobi', skillIdsOffered: [await skillId(app, 'sign-language')] } });
    const byRegion = await createOk({ name: 'In Nairobi County', organizationFilter: { region: 'Nairobi County', skillIdsOffered: [await skillId(app, 'sign-language')] } });
    // A REGION-precision organization shows its region, not its city.
    const regional = await newOrg({ name: 'Regional signers', location: { ...NAIROBI, precision: 'REGION' } as never }, ['sign-language']);
    // A small circle around its exact office, which is not its public position (the REGION cell centre -1.5, 36.5).
    const circle = await createOk({ name: 'Tiny circle', organizationFilter: { skillIdsOffered: [await skillId(app, 'sign-language')], near: { latitude: NAIROBI.latitude, longitude: NAIROBI.longitude, radiusKm: 5 } } });
    await settled();
    const found = async (id: string) => (await searchById(id)).matches.nodes.map((m) => m.organization?.id);
    expect(await found(byCity.id)).toEqual([]);
    expect(await found(byRegion.id)).toEqual([regional.id]);
    expect(await found(circle.id)).toEqual([]);
  });
});

describe('offer searches', () => {
  it('pushes new offers as offer(id) shows them: anonymous offers as cards, and never on what a card hides', async () => {
    const byskill = await createOk({ name: 'Transport offers', offerFilter: { skillIds: [transport] } });
    const byArea = await createOk({ name: 'Transport offers for an issue area', offerFilter: { skillIds: [transport], issueAreaIds: [(await app.db.query(`SELECT id FROM issue_areas ORDER BY slug LIMIT 1`))[0].id] } });
    const stream = session(member).subscribe(SavedSearchMatchedDocument, { organizationId: searching.id, savedSearchId: byskill.id });
    await new Promise((r) => setTimeout(r, 300));
    const offering = await newOrg({ name: 'Offering transporters', visibility: 'PUBLIC' });
    const hiddenOrg = await newOrg({ name: 'Hidden offerer', visibility: 'PRIVATE', anonymousSuggestions: true });
    const named = await postOffer(offering.id, 'Evacuation drivers');
    const first = (await stream.next()).savedSearchMatched.match;
    expect(first).toMatchObject({ kind: 'OFFERS', organization: null, offer: { id: named, title: 'Evacuation drivers', organization: { id: offering.id } } });
    const anonymous = await postOffer(hiddenOrg.id, 'Safe transport', 'ANONYMOUS');
    const second = (await stream.next()).savedSearchMatched.match;
    expect(second.offer).toMatchObject({ id: anonymous, organization: null, anonymousOrganization: { kind: 'NGO' } });
    expect(JSON.stringify(second)).not.toContain(hiddenOrg.id);
    await settled();
    // The issue-area search matches no anonymous offer, whatever its issue areas (the card hides them).
    expect((await searchById(byArea.id)).matches.nodes.map((m) => m.offer?.id)).not.toContain(anonymous);
  });
});

describe('matches while offline', () => {
  it('lists matches newest first with each member\'s own seen marks; markSeen up to a match leaves later ones unseen', async () => {
    const search = await createOk({ name: 'Trauma counsellors', organizationFilter: { skillIdsOffered: [await skillId(app, 'trauma-counselling')] } });
    const a = await newOrg({ name: 'Counsellors A' }, ['trauma-counselling']);
    const b = await newOrg({ name: 'Counsellors B' }, ['trauma-counselling']);
    const c = await newOrg({ name: 'Counsellors C' }, ['trauma-counselling']);
    await settled();
    const listed = await searchById(search.id);
    expect(listed.matches.nodes.map((m) => m.organization!.name)).toEqual(['Counsellors C', 'Counsellors B', 'Counsellors A']);
    expect(listed.unseenCount).toBe(3);
    const middle = listed.matches.nodes[1];
    const marked = ok(await gql(app, SavedSearchMarkSeenDocument, { input: { savedSearchId: search.id, upToMatchId: middle.id } }, member.token)).savedSearchMarkSeen;
    expect(marked).toEqual({ savedSearch: { id: search.id, unseenCount: 1 }, userErrors: [] });
    const unseen = await searchById(search.id, member.token, true);
    expect(unseen.matches.nodes.map((m) => [m.organization!.id, m.seen])).toEqual([[c.id, false]]);
    expect((await searchById(search.id)).matches.nodes.map((m) => m.seen)).toEqual([false, true, true]);
    // The owner keeps its own marks.
    expect((await searchById(search.id, owner.token)).unseenCount).toBe(3);
    expect(ok(await gql(app, SavedSearchMarkSeenDocument, { input: { savedSearchId: search.id } }, owner.token)).savedSearchMarkSeen.savedSearch!.unseenCount).toBe(0);
    expect((await searchById(search.id)).unseenCount).toBe(1);
    expect(ok(await gql(app, SavedSearchMarkSeenDocument, { input: { savedSearchId: search.id, upToMatchId: 'abc' } }, member.token)).savedSearchMarkSeen.userErrors[0].code).toBe('INVALID_FORMAT');
    void a; void b;
  });

  it('resumes savedSearchMatched after a cursor: what was missed, then live, without duplicates', async () => {
    const search = await createOk({ name: 'Supply distributors', organizationFilter: { skillIdsOffered: [await skillId(app, 'supply-distribution')] } });
    const s1 = session(member);
    const live = s1.subscribe(SavedSearchMatchedDocument, { organizationId: searching.id, savedSearchId: search.id });
    await new Promise((r) => setTimeout(r, 300));
    await newOrg({ name: 'Supply 1' }, ['supply-distribution']);
    const seen = (await live.next()).savedSearchMatched;
    await s1.close();
    await newOrg({ name: 'Supply 2' }, ['supply-distribution']);
    await newOrg({ name: 'Supply 3' }, ['supply-distribution']);
    await settled();
    const resumed = session(member).subscribe(SavedSearchMatchedDocument, { organizationId: searching.id, savedSearchId: search.id, after: seen.cursor });
    expect((await resumed.next()).savedSearchMatched.match.organization!.name).toBe('Supply 2');
    expect((await resumed.next()).savedSearchMatched.match.organization!.name).toBe('Supply 3');
    await newOrg({ name: 'Supply 4' }, ['supply-distribution']);
    expect((await resumed.next()).savedSearchMatched.match.organization!.name).toBe('Supply 4');
    expect(resumed.data.map((e) => e.savedSearchMatched.match.organization!.name)).toEqual(['Supply 2', 'Supply 3', 'Supply 4']);
  });
});

describe('access and limits', () => {
  it('needs exactly one filter, and keeps at most 20 searches per organization, also under concurrency', async () => {
    const org = await createOrg(app, owner, { name: 'Limit probe' });
    const none = await create({ name: 'Nothing', organizationId: org.id }, owner.token);
    expect(none.userErrors[0]).toMatchObject({ code: 'FILTER_REQUIRED' });
    const both = await create({ name: 'Both', organizationId: org.id, organizationFilter: {}, offerFilter: {} }, owner.token);
    expect(both.userErrors[0]).toMatchObject({ code: 'FILTER_REQUIRED' });
    const blank = await create({ name: '   ', organizationId: org.id, organizationFilter: {} }, owner.token);
    expect(blank.userErrors[0]).toMatchObject({ field: 'input.name' });
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => create({ name: `Search ${i}`, organizationId: org.id, organizationFilter: { search: `word ${i}` } }, owner.token)));
    expect(answers.filter((a) => a.userErrors.length === 0)).toHaveLength(20);
    expect(answers.filter((a) => a.userErrors[0]?.code === 'SAVED_SEARCH_LIMIT_REACHED')).toHaveLength(5);
    const [{ count }] = await app.db.query('SELECT count(*)::int AS count FROM saved_searches WHERE organization_id = $1', [org.id]);
    expect(count).toBe(20);
  });

  it('is its organization\'s members\' business: others get FORBIDDEN for a visible organization, NOT_FOUND for a search', async () => {
    const search = await createOk({ name: 'Members only', organizationFilter: {} });
    expect(errorCode(await gql(app, SavedSearchesDocument, { organizationId: searching.id }, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(app, SavedSearchCreateDocument, { input: { organizationId: searching.id, name: 'Intruder', organizationFilter: {} } }, stranger.token))).toBe('FORBIDDEN');
    const foreign = await gql(app, SavedSearchDeleteDocument, { input: { id: search.id } }, stranger.token);
    const random = await gql(app, SavedSearchDeleteDocument, { input: { id: '00000000-0000-4000-8000-000000000000' } }, stranger.token);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign).toEqual(random);
    expect(errorCode(await gql(app, SavedSearchMarkSeenDocument, { input: { savedSearchId: search.id } }, stranger.token))).toBe('NOT_FOUND');
    const stream = session(stranger).subscribe(SavedSearchMatchedDocument, { organizationId: searching.id });
    await stream.ended;
    expect(stream.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    // A PRIVATE organization's searches answer like a missing organization.
    const hidden = await createOrg(app, owner, { name: 'Hidden searcher', visibility: 'PRIVATE' });
    const hiddenList = await gql(app, SavedSearchesDocument, { organizationId: hidden.id }, stranger.token);
    expect(hiddenList).toEqual(await gql(app, SavedSearchesDocument, { organizationId: '00000000-0000-4000-8000-000000000000' }, stranger.token));
  });

  it('is deleted by its creator or an owner or editor, not by another plain member', async () => {
    const mine = await createOk({ name: 'Owner made', organizationFilter: {} }, owner.token);
    expect(errorCode(await gql(app, SavedSearchDeleteDocument, { input: { id: mine.id } }, member.token))).toBe('FORBIDDEN');
    const theirs = await createOk({ name: 'Member made', organizationFilter: {} });
    expect(ok(await gql(app, SavedSearchDeleteDocument, { input: { id: theirs.id } }, member.token)).savedSearchDelete).toEqual({ deletedId: theirs.id, userErrors: [] });
    expect(ok(await gql(app, SavedSearchDeleteDocument, { input: { id: mine.id } }, owner.token)).savedSearchDelete.deletedId).toBe(mine.id);
    expect((await searches()).map((s) => s.id)).not.toContain(mine.id);
  });
});
