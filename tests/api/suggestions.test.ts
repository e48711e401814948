import { randomUUID } from 'node:crypto';
import { CoalitionSuggestionsDocument, OrgByIdDocument, PartnerSuggestionsDocument, type CoalitionSuggestionInput,
  type PartnerSuggestionsQueryVariables,
} from '../generated/graphql.js';
import { addCapability, addNeed, createOrg, issueAreaId, signUp, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Planted data where the right answer is obvious, around Nairobi, with a far-away org in Lagos.
const NAIROBI = { country: 'KE', region: 'Nairobi County', city: 'Nairobi', latitude: -1.28333, longitude: 36.81667, precision: 'CITY' as const };
const THIKA = { country: 'KE', region: 'Kiambu County', city: 'Thika', latitude: -1.0333, longitude: 37.0693, precision: 'CITY' as const };
const LAGOS = { country: 'NG', region: 'Lagos State', city: 'Lagos', latitude: 6.5244, longitude: 3.3792, precision: 'CITY' as const };

let app: TestApp;
let owner: TestUser;
let other: TestUser;
let stranger: TestUser;
let refugees: string;
type Org = Awaited<ReturnType<typeof createOrg>>;
let seeker: Org;
let expert: Org;
let farBasic: Org;
let privateClosed: Org;
let privateOpen: Org;
let network: Org;
let media: Org;
let refuser: Org;
let legal: Org;
let faith: Org;
let farMovers: Org;
let hidden: Org;

beforeAll(async () => {
  app = await startTestApp();
  [owner, other, stranger] = await Promise.all([signUp(app, 'Owner'), signUp(app, 'Other'), signUp(app, 'Stranger')]);
  refugees = await issueAreaId(app, 'refugee-resettlement');
  const issueAreaIds = [refugees];
  seeker = await createOrg(app, owner, { name: 'Seekers of Funds', kind: 'NGO', location: NAIROBI, issueAreaIds, dealbreakerKinds: ['MEDIA'] });
  await addNeed(app, owner, seeker.id, 'grant-writing', 'CRITICAL');
  await addCapability(app, owner, seeker.id, 'document-translation', 'EXPERT');

  expert = await createOrg(app, other, { name: 'Expert Fundraisers', kind: 'NGO', location: THIKA, issueAreaIds });
  await addCapability(app, other, expert.id, 'grant-writing', 'EXPERT');
  await addNeed(app, other, expert.id, 'document-translation', 'MEDIUM');
  farBasic = await createOrg(app, other, { name: 'Far Basic Writers', kind: 'NGO', location: LAGOS });
  await addCapability(app, other, farBasic.id, 'grant-writing', 'BASIC');
  privateClosed = await createOrg(app, other, { name: 'Closed Private Circle', kind: 'NGO', visibility: 'PRIVATE', location: NAIROBI, issueAreaIds });
  await addCapability(app, other, privateClosed.id, 'grant-writing', 'EXPERT');
  privateOpen = await createOrg(app, other, {
    name: 'Secret Helpers Kappa', kind: 'COMMUNITY_GROUP', visibility: 'PRIVATE', anonymousSuggestions: true,
    location: { ...NAIROBI, precision: 'REGION' }, issueAreaIds,
  });
  await addCapability(app, other, privateOpen.id, 'grant-writing', 'PROFICIENT');
  await addCapability(app, other, privateOpen.id, 'community-organizing', 'EXPERT');
  network = await createOrg(app, other, { name: 'Network Grant Circle', kind: 'NETWORK', visibility: 'NETWORK', location: NAIROBI, issueAreaIds });
  await addCapability(app, other, network.id, 'grant-writing', 'PROFICIENT');
  media = await createOrg(app, other, { name: 'Media Money Desk', kind: 'MEDIA', location: NAIROBI, issueAreaIds });
  await addCapability(app, other, media.id, 'grant-writing', 'EXPERT');
  refuser = await createOrg(app, other, { name: 'Union Refusing NGOs', kind: 'UNION', location: NAIROBI, issueAreaIds, dealbreakerKinds: ['NGO'] });
  await addCapability(app, other, refuser.id, 'grant-writing', 'EXPERT');
  legal = await createOrg(app, other, { name: 'Asylum Lawyers', kind: 'LEGAL_AID', location: NAIROBI, issueAreaIds });
  await addCapability(app, other, legal.id, 'asylum-representation', 'EXPERT');
  faith = await createOrg(app, other, { name: 'Faith Welcome Circle', kind: 'FAITH_BASED', location: THIKA, issueAreaIds });
  await addCapability(app, other, faith.id, 'outreach', 'PROFICIENT');
  farMovers = await createOrg(app, other, { name: 'Far Movers', kind: 'NGO', location: LAGOS });
  await addCapability(app, other, farMovers.id, 'transport', 'EXPERT');
  hidden = await createOrg(app, other, { name: 'Hidden Private Other', kind: 'NGO', visibility: 'PRIVATE', location: NAIROBI });
}, 60_000);
afterAll(() => app?.close());

const partners = (token: string | null, vars: Partial<PartnerSuggestionsQueryVariables> = {}) =>
  gql(app, PartnerSuggestionsDocument, { organizationId: seeker.id, first: 50, ...vars }, token);

describe('partnerSuggestions', () => {
  it('puts the nearby EXPERT fundraiser on the same issue first, with checkable reasons', async () => {
    const data = ok(await partners(owner.token)).partnerSuggestions;
    const first = data.nodes[0];
    expect(first.organization?.id).toBe(expert.id);
    expect(first.reasons.map((r) => r.text).join(' | ')).toMatch(/Grant writing.*EXPERT|EXPERT.*Grant writing/);
    expect(first.parts.coveredByThem).toBeGreaterThan(0);
    expect(first.parts.coversTheirNeeds).toBeGreaterThan(0);
    expect(first.score).toBeGreaterThan(data.nodes.find((n) => n.organization?.id === farBasic.id)?.score ?? -Infinity);
    expect(data.totalCount).toBe(data.nodes.length);
  });

  it('refuses anonymous viewers, non-members and organizations the viewer cannot see', async () => {
    expect(errorCode(await partners(null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await partners(stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await partners(stranger.token, { organizationId: hidden.id }))).toBe('NOT_FOUND');
    expect(errorCode(await partners(stranger.token, { organizationId: randomUUID() }))).toBe('NOT_FOUND');
  });

  it('never shows a PRIVATE org that did not opt in, and shows an opted-in one only anonymously', async () => {
    const response = await partners(owner.token);
    const text = JSON.stringify(response);
    expect(text).not.toContain(privateClosed.id);
    expect(text).not.toContain('Closed Private Circle');
    expect(text).not.toContain(privateOpen.id);
    expect(text).not.toContain('Secret Helpers Kappa');
    const anonymous = ok(response).partnerSuggestions.nodes.filter((n) => n.anonymous);
    expect(anonymous).toHaveLength(1);
    const [entry] = anonymous;
    expect(entry.organization).toBeNull();
    expect(entry.anonymous).toMatchObject({ kind: 'COMMUNITY_GROUP', country: 'KE', region: 'Nairobi County' });
    expect(entry.anonymous!.capabilities.map((c) => c.skillName)).toContain('Grant writing');
    const lookup = ok(await gql(app, OrgByIdDocument, { id: entry.anonymous!.token }, owner.token));
    expect(lookup.organization).toBeNull();
  });

  it('shows NETWORK organizations to a signed-in member', async () => {
    const nodes = ok(await partners(owner.token)).partnerSuggestions.nodes;
    expect(nodes.find((n) => n.organization?.id === network.id)?.organization?.name).toBe('Network Grant Circle');
  });

  it('excludes pairs with a dealbreaker on either side', async () => {
    const ids = ok(await partners(owner.token)).partnerSuggestions.nodes.map((n) => n.organization?.id);
    expect(ids).not.toContain(media.id);
    expect(ids).not.toContain(refuser.id);
  });

  it('filters by distance, kind, verified and paginates', async () => {
    const near = ok(await partners(owner.token, { filter: { maxDistanceKm: 100 } })).partnerSuggestions.nodes;
    expect(near.map((n) => n.organization?.id)).not.toContain(farBasic.id);
    const kinds = ok(await partners(owner.token, { filter: { kinds: ['NETWORK'] } })).partnerSuggestions.nodes;
    expect(kinds.map((n) => n.organization?.id)).toEqual([network.id]);
    expect(ok(await partners(owner.token, { filter: { verifiedOnly: true } })).partnerSuggestions.nodes).toEqual([]);
    const page1 = ok(await partners(owner.token, { first: 1 })).partnerSuggestions;
    expect(page1.nodes[0].organization?.id).toBe(expert.id);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = ok(await partners(owner.token, { first: 1, after: page1.pageInfo.endCursor })).partnerSuggestions;
    expect(page2.nodes[0]).toBeDefined();
    expect(page2.nodes[0].organization?.id ?? page2.nodes[0].anonymous?.token).not.toBe(expert.id);
  });

  it.each([0, 101])('first: %i is BAD_USER_INPUT on field first', async (first) => {
    const response = await partners(owner.token, { first });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions?.field).toBe('first');
  });
});

describe('partnerSuggestions for a requester that only needs or only offers', () => {
  // No mutual candidate can exist for them: the one-way tier ranks the providers of what they need (or the
  // organizations needing what they offer) from the match terms, named ones by name, PRIVATE ones only as cards.
  it('ranks the strong providers of what it needs first, and keeps the privacy rules', async () => {
    const onlyNeeds = await createOrg(app, owner, { name: 'Needs Only Shelter', kind: 'NGO', location: NAIROBI, issueAreaIds: [refugees] });
    await addNeed(app, owner, onlyNeeds.id, 'grant-writing', 'HIGH');
    const nodes = ok(await partners(owner.token, { organizationId: onlyNeeds.id })).partnerSuggestions.nodes;
    expect([expert.id, media.id]).toContain(nodes[0].organization?.id);
    const named = nodes.map((n) => n.organization?.id).filter(Boolean);
    expect(named).not.toContain(privateClosed.id);
    expect(named).not.toContain(privateOpen.id);
    expect(named).not.toContain(hidden.id);
    // With a filter (checked before ranking): only NGOs, so the media desk is out and the fundraisers lead.
    const ngos = ok(await partners(owner.token, { organizationId: onlyNeeds.id, filter: { kinds: ['NGO'] } })).partnerSuggestions.nodes;
    expect(ngos[0].organization?.id).toBe(expert.id);
    expect(ngos.map((n) => n.organization?.id)).not.toContain(media.id);
  });

  it('ranks the organizations whose needs it covers first', async () => {
    const onlyOffers = await createOrg(app, owner, { name: 'Translators Only', kind: 'NGO', location: NAIROBI, issueAreaIds: [refugees] });
    await addCapability(app, owner, onlyOffers.id, 'document-translation', 'EXPERT');
    const nodes = ok(await partners(owner.token, { organizationId: onlyOffers.id })).partnerSuggestions.nodes;
    expect(nodes[0].organization?.id).toBe(expert.id);
    expect(nodes[0].parts.coversTheirNeeds).toBeGreaterThan(0);
  });
});

describe('coalitionSuggestions', () => {
  const coalitions = (input: Partial<CoalitionSuggestionInput>, token: string | null = owner.token) =>
    gql(app, CoalitionSuggestionsDocument, {
      input: { organizationId: seeker.id, issueAreaId: refugees, near: { latitude: NAIROBI.latitude, longitude: NAIROBI.longitude, radiusKm: 100 }, ...input },
    }, token);

  it('covers the required categories, honours mustInclude and size', async () => {
    const alts = ok(await coalitions({ categoryIds: ['FUNDRAISING', 'TRANSLATION', 'LEGAL_AID'], minSize: 2, maxSize: 3, mustIncludeIds: [seeker.id] })).coalitionSuggestions;
    expect(alts.length).toBeGreaterThan(0);
    for (const alt of alts) {
      expect(alt.members.length).toBeGreaterThanOrEqual(2);
      expect(alt.members.length).toBeLessThanOrEqual(3);
      expect(alt.members.map((m) => m.organization?.id)).toContain(seeker.id);
    }
    const best = alts[0];
    expect(best.gaps).toEqual([]);
    expect(best.coverage.every((c) => c.member !== null && c.level !== null)).toBe(true);
    const ids = best.members.map((m) => m.organization?.id);
    expect(ids).toContain(legal.id);
    expect(JSON.stringify(alts)).not.toContain('Closed Private Circle');
    expect(JSON.stringify(alts)).not.toContain('Secret Helpers Kappa');
  });

  it('reports gaps and gap fillers from outside the radius', async () => {
    const alts = ok(await coalitions({ categoryIds: ['FUNDRAISING', 'LOGISTICS'], minSize: 2, maxSize: 3 })).coalitionSuggestions;
    expect(alts[0].gaps).toEqual(['LOGISTICS']);
    const filler = alts[0].gapFillers.find((g) => g.categoryId === 'LOGISTICS');
    expect(filler?.organizations.map((o) => o.id)).toContain(farMovers.id);
  });

  it('includes a community-based group when asked', async () => {
    const alts = ok(await coalitions({ categoryIds: ['FUNDRAISING', 'LEGAL_AID'], minSize: 2, maxSize: 4, requireCommunityBased: true })).coalitionSuggestions;
    expect(alts.length).toBeGreaterThan(0);
    for (const alt of alts) {
      const kinds = alt.members.map((m) => m.organization?.kind ?? m.anonymous?.kind);
      expect(kinds.some((k) => k === 'COMMUNITY_GROUP' || k === 'FAITH_BASED')).toBe(true);
    }
  });

  it('uses the default categories of the issue when none are given', async () => {
    const alts = ok(await coalitions({})).coalitionSuggestions;
    expect(alts[0].coverage.map((c) => c.categoryId).sort()).toEqual(
      ['COMMUNITY_TIES', 'FUNDRAISING', 'LEGAL_AID', 'LOGISTICS', 'PSYCHOSOCIAL_SUPPORT', 'TRANSLATION'],
    );
  });

  it('refuses non-members and hidden must-include organizations', async () => {
    expect(errorCode(await coalitions({}, null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await coalitions({}, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await coalitions({ mustIncludeIds: [hidden.id] }))).toBe('NOT_FOUND');
    expect(errorCode(await coalitions({ mustIncludeIds: [privateOpen.id] }))).toBe('NOT_FOUND');
  });

  it.each([
    ['input.issueAreaId', { issueAreaId: randomUUID() }],
    ['input.near.radiusKm', { near: { latitude: 0, longitude: 0, radiusKm: -1 } }],
    ['input.maxSize', { minSize: 5, maxSize: 2 }],
  ])('BAD_USER_INPUT on %s', async (field, input) => {
    const response = await coalitions(input as Partial<CoalitionSuggestionInput>);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions?.field).toBe(field);
  });
});
