import { randomUUID } from 'node:crypto';
import {
  CapabilityAddDocument, CapabilityRemoveDocument, CapabilityUpdateDocument, IssueAreaCreateDocument, MemberInviteDocument,
  MemberRemoveDetailsDocument, NeedAddDocument, NeedUpdateDocument, OrgByIdDocument, OrgBySlugDocument, OrgChildrenDocument,
  OrgListDocument, OrgListNeedsDocument, OrgUpdateDocument, ViewerOrganizationsDocument, type OrganizationFilter,
} from '../generated/graphql.js';
import { addCapability, addMember, addNeed, createOrg, makeAdmin, signUp, skillId, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok, rawGql, type GraphQLResponse } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Nairobi, exactly. Snapped to 0.1 degree cells (CITY) it is (-1.25, 36.85); to 1 degree cells (REGION) (-1.5, 36.5).
const NAIROBI = { latitude: -1.28333, longitude: 36.81667 };
const NAIROBI_CITY_CELL = { latitude: -1.25, longitude: 36.85 };
const NAIROBI_REGION_CELL = { latitude: -1.5, longitude: 36.5 };

let app: TestApp;
let owner: TestUser;
let member: TestUser;
let stranger: TestUser;
let admin: TestUser;
/** An issue area only the organizations of this file's fixture use, so filters have an exact expected result. */
let fixtureArea: string;
let hidden: Awaited<ReturnType<typeof createOrg>>;
let control: Awaited<ReturnType<typeof createOrg>>;
let network: Awaited<ReturnType<typeof createOrg>>;
let hiddenCapabilityId: string;

async function setUpPair(visibility: 'PRIVATE' | 'PUBLIC', name: string) {
  return createOrg(app, owner, {
    name,
    visibility,
    kind: 'LEGAL_AID',
    mission: `Shelters defenders at risk; keyword quillfeather ${name}`,
    contactEmail: `${name.toLowerCase().replace(/\W+/g, '')}@example.org`,
    dealbreakerKinds: ['MEDIA'],
    anonymousSuggestions: true,
    issueAreaIds: [fixtureArea],
    location: { country: 'KE', region: 'Nairobi County', city: 'Nairobi', ...NAIROBI, precision: 'CITY' },
  });
}

beforeAll(async () => {
  app = await startTestApp();
  [owner, member, stranger, admin] = await Promise.all([signUp(app, 'Owner'), signUp(app, 'Member'), signUp(app, 'Stranger'), signUp(app, 'Admin')]);
  await makeAdmin(app, admin);
  const area = ok(await gql(app, IssueAreaCreateDocument, { input: { slug: 'privacy-fixture-area', name: 'Privacy fixture area', description: 'fixture' } }, admin.token));
  fixtureArea = area.issueAreaCreate.issueArea!.id;

  hidden = await setUpPair('PRIVATE', 'Hidden Shelter Zeta');
  control = await setUpPair('PUBLIC', 'Open Shelter Omega');
  for (const org of [hidden, control]) {
    const capability = await addCapability(app, owner, org.id, 'emergency-relocation', 'EXPERT', 'safehouse transfers by night');
    if (org.id === hidden.id) hiddenCapabilityId = capability.id;
    await addNeed(app, owner, org.id, 'trauma-counselling', 'HIGH');
  }
  await addMember(app, owner, hidden.id, member, 'MEMBER');
  network = await createOrg(app, owner, { name: 'Network Only Delta', visibility: 'NETWORK', issueAreaIds: [fixtureArea], kind: 'NETWORK' });
});
afterAll(() => app?.close());

/** Every filter that could reach the hidden organization, each combined with the fixture's own issue area. */
async function filters(): Promise<[string, OrganizationFilter][]> {
  return [
    ['no filter but the issue area', {}],
    ['search by name', { search: 'Hidden Shelter Zeta' }],
    ['search by misspelled name', { search: 'Hiden Shelter Zeta' }],
    ['search by mission word', { search: 'quillfeather' }],
    ['search by capability description', { search: 'safehouse' }],
    ['country', { country: 'KE' }],
    ['city', { city: 'Nairobi' }],
    ['region', { region: 'Nairobi County' }],
    ['near', { near: { ...NAIROBI_CITY_CELL, radiusKm: 50 } }],
    ['skill offered', { skillIdsOffered: [await skillId(app, 'emergency-relocation')] }],
    ['category offered', { categoryIdsOffered: ['LOGISTICS'] }],
    ['skill needed', { skillIdsNeeded: [await skillId(app, 'trauma-counselling')] }],
    ['kind', { kinds: ['LEGAL_AID'] }],
    ['verified', { verified: false }],
  ];
}

async function listIds(token: string | null, filter: OrganizationFilter) {
  const data = ok(await gql(app, OrgListDocument, { first: 100, filter: { ...filter, issueAreaIds: [fixtureArea] } }, token));
  return { ids: data.organizations.edges.map((e) => e.node.id), totalCount: data.organizations.totalCount };
}

function body(response: GraphQLResponse<unknown>) {
  return { status: response.status, data: response.data, errors: response.errors };
}

describe('PRIVATE organizations', () => {
  it.each([
    ['anonymous', () => null],
    ['another signed-in user', () => stranger.token],
  ])('are answered like a missing one by id and by slug (%s)', async (_who, token) => {
    const byHiddenId = await gql(app, OrgByIdDocument, { id: hidden.id }, token());
    const byRandomId = await gql(app, OrgByIdDocument, { id: randomUUID() }, token());
    expect(byHiddenId.data).toEqual({ organization: null });
    expect(body(byHiddenId)).toEqual(body(byRandomId));

    const byHiddenSlug = await gql(app, OrgBySlugDocument, { slug: hidden.slug }, token());
    const byRandomSlug = await gql(app, OrgBySlugDocument, { slug: `no-such-org-${randomUUID().slice(0, 8)}` }, token());
    expect(byHiddenSlug.data).toEqual({ organization: null });
    expect(body(byHiddenSlug)).toEqual(body(byRandomSlug));

    // The public twin is found the same way, so the null above is not a broken query.
    expect(ok(await gql(app, OrgByIdDocument, { id: control.id }, token())).organization?.id).toBe(control.id);
    expect(ok(await gql(app, OrgBySlugDocument, { slug: control.slug }, token())).organization?.id).toBe(control.id);
  });

  it.each([
    ['anonymous', () => null],
    ['another signed-in user', () => stranger.token],
  ])('are never listed, searched or matched by any filter (%s)', async (_who, token) => {
    for (const [label, filter] of await filters()) {
      const { ids, totalCount } = await listIds(token(), filter);
      expect({ label, leaked: ids.includes(hidden.id), totalCount }).toEqual({ label, leaked: false, totalCount: ids.length });
      if (!filter.search) {
        // The public twin matches the same filter, so the absence above is the privacy rule, not a broken filter.
        const networkToo = token() !== null && (Object.keys(filter).length === 0 || filter.verified === false);
        expect({ label, ids: ids.sort() }).toEqual({ label, ids: (networkToo ? [control.id, network.id] : [control.id]).sort() });
      }
    }
  });

  it('are listed, searched and matched for their members and for admins', async () => {
    for (const [token, who] of [[member.token, 'member'], [owner.token, 'owner'], [admin.token, 'admin']] as const) {
      for (const [label, filter] of await filters()) {
        const { ids } = await listIds(token, filter);
        expect({ who, label, found: ids.includes(hidden.id) }).toEqual({ who, label, found: true });
        if (!filter.search) expect({ who, label, twin: ids.includes(control.id) }).toEqual({ who, label, twin: true });
      }
      const byId = ok(await gql(app, OrgByIdDocument, { id: hidden.id }, token)).organization;
      expect(byId?.name).toBe('Hidden Shelter Zeta');
      expect(byId?.visibility).toBe('PRIVATE');
      const bySlug = ok(await gql(app, OrgBySlugDocument, { slug: hidden.slug }, token)).organization;
      expect(bySlug?.id).toBe(hidden.id);
    }
  });

  it('appear in viewer.memberships of their members only', async () => {
    const ofMember = ok(await gql(app, ViewerOrganizationsDocument, {}, member.token)).viewer!.memberships;
    expect(ofMember).toEqual([expect.objectContaining({ role: 'MEMBER', organization: expect.objectContaining({ id: hidden.id, contactEmail: 'hiddenshelterzeta@example.org' }) })]);
    const ofOwner = ok(await gql(app, ViewerOrganizationsDocument, {}, owner.token)).viewer!.memberships.map((m) => m.organization.id);
    expect(ofOwner).toContain(hidden.id);
    for (const user of [stranger, admin]) {
      const memberships = ok(await gql(app, ViewerOrganizationsDocument, {}, user.token)).viewer!.memberships;
      expect(memberships).toEqual([]);
    }
    expect(ok(await gql(app, ViewerOrganizationsDocument, {})).viewer).toBeNull();
  });

  it('answer mutations by a non-member exactly like a missing organization (NOT_FOUND), and change nothing', async () => {
    const snapshot = async () => app.db.query(
      `SELECT o.name, o.mission, (SELECT count(*)::int FROM capabilities c WHERE c.organization_id = o.id) AS caps,
              (SELECT count(*)::int FROM needs n WHERE n.organization_id = o.id) AS needs,
              (SELECT count(*)::int FROM memberships m WHERE m.organization_id = o.id) AS members
       FROM organizations o WHERE o.id = $1`, [hidden.id]);
    const before = await snapshot();
    const skill = await skillId(app, 'grant-writing');
    const attempts: [string, (id: string) => Promise<GraphQLResponse<unknown>>][] = [
      ['organizationUpdate', (id) => gql(app, OrgUpdateDocument, { input: { id, name: 'Taken over' } }, stranger.token)],
      ['capabilityAdd', (id) => gql(app, CapabilityAddDocument, { input: { organizationId: id, skillId: skill, level: 'BASIC' } }, stranger.token)],
      ['needAdd', (id) => gql(app, NeedAddDocument, { input: { organizationId: id, skillId: skill, priority: 'LOW' } }, stranger.token)],
      ['organizationMemberInvite', (id) => gql(app, MemberInviteDocument, { input: { organizationId: id, email: stranger.email, role: 'OWNER' } }, stranger.token)],
    ];
    for (const [label, attempt] of attempts) {
      const onHidden = await attempt(hidden.id);
      const onMissing = await attempt(randomUUID());
      expect({ label, code: errorCode(onHidden) }).toEqual({ label, code: 'NOT_FOUND' });
      expect({ label, ...body(onHidden) }).toEqual({ label, ...body(onMissing) });
    }
    // A child of the hidden organization is as missing as a random id.
    const capOnHidden = await gql(app, CapabilityUpdateDocument, { input: { id: hiddenCapabilityId, description: 'x' } }, stranger.token);
    const capOnMissing = await gql(app, CapabilityUpdateDocument, { input: { id: randomUUID(), description: 'x' } }, stranger.token);
    expect(errorCode(capOnHidden)).toBe('NOT_FOUND');
    expect(body(capOnHidden)).toEqual(body(capOnMissing));
    const removeOnHidden = await gql(app, CapabilityRemoveDocument, { input: { id: hiddenCapabilityId } }, stranger.token);
    const removeOnMissing = await gql(app, CapabilityRemoveDocument, { input: { id: randomUUID() } }, stranger.token);
    expect(errorCode(removeOnHidden)).toBe('NOT_FOUND');
    expect(body(removeOnHidden)).toEqual(body(removeOnMissing));

    expect(await snapshot()).toEqual(before);
  });

  it('an owner who leaves gets no private details in the payload of their own removal', async () => {
    const second = await signUp(app, 'Second Owner');
    await addMember(app, owner, hidden.id, second, 'OWNER');
    expect(ok(await gql(app, OrgByIdDocument, { id: hidden.id }, second.token)).organization?.contactEmail).toBe('hiddenshelterzeta@example.org');
    const out = ok(await gql(app, MemberRemoveDetailsDocument, { input: { organizationId: hidden.id, userId: second.id } }, second.token));
    expect(out.organizationMemberRemove.userErrors).toEqual([]);
    const payloadOrg = out.organizationMemberRemove.organization;
    // Whether or not the payload carries the organization, it no longer reveals what only members see.
    expect(payloadOrg?.contactEmail ?? null).toBeNull();
    expect(payloadOrg?.members ?? null).toBeNull();
    expect(payloadOrg?.dealbreakerKinds ?? []).toEqual([]);
    expect(payloadOrg?.location.latitude ?? null).not.toBe(NAIROBI.latitude);
    expect(ok(await gql(app, OrgByIdDocument, { id: hidden.id }, second.token)).organization).toBeNull();
    expect(await app.db.query('SELECT 1 FROM memberships WHERE organization_id = $1 AND user_id = $2', [hidden.id, second.id])).toEqual([]);
  });
});

describe('NETWORK organizations', () => {
  it('are hidden from anonymous users and visible to every signed-in user', async () => {
    const anonymous = await gql(app, OrgByIdDocument, { id: network.id });
    expect(body(anonymous)).toEqual(body(await gql(app, OrgByIdDocument, { id: randomUUID() })));
    expect((await listIds(null, { kinds: ['NETWORK'] })).ids).toEqual([]);
    expect(ok(await gql(app, OrgBySlugDocument, { slug: network.slug })).organization).toBeNull();

    expect(ok(await gql(app, OrgByIdDocument, { id: network.id }, stranger.token)).organization?.name).toBe('Network Only Delta');
    expect(await listIds(stranger.token, { kinds: ['NETWORK'] })).toEqual({ ids: [network.id], totalCount: 1 });
  });
});

describe('details only members see', () => {
  it('contact email, dealbreakers, anonymous-suggestion flag and members are for members only, not admins or others', async () => {
    const asMember = ok(await gql(app, OrgByIdDocument, { id: hidden.id }, member.token)).organization!;
    expect(asMember).toMatchObject({
      contactEmail: 'hiddenshelterzeta@example.org', dealbreakerKinds: ['MEDIA'], anonymousSuggestions: true, viewerRole: 'MEMBER',
    });
    expect(asMember.members?.map((m) => [m.userId, m.role]).sort()).toEqual([[member.id, 'MEMBER'], [owner.id, 'OWNER']].sort());

    const asAdmin = ok(await gql(app, OrgByIdDocument, { id: hidden.id }, admin.token)).organization!;
    expect(asAdmin).toMatchObject({ contactEmail: null, dealbreakerKinds: [], anonymousSuggestions: null, members: null, viewerRole: null });

    for (const token of [stranger.token, null, admin.token]) {
      const publicTwin = ok(await gql(app, OrgByIdDocument, { id: control.id }, token)).organization!;
      expect(publicTwin).toMatchObject({ contactEmail: null, dealbreakerKinds: [], anonymousSuggestions: null, members: null });
      const listed = ok(await gql(app, OrgListNeedsDocument, { first: 50, filter: { issueAreaIds: [fixtureArea], kinds: ['LEGAL_AID'] } }, token));
      const twin = listed.organizations.nodes.find((n) => n.id === control.id)!;
      expect(twin).toMatchObject({ contactEmail: null, dealbreakerKinds: [], anonymousSuggestions: null, members: null });
    }
    const asOwner = ok(await gql(app, OrgByIdDocument, { id: control.id }, owner.token)).organization!;
    expect(asOwner.contactEmail).toBe('openshelteromega@example.org');
  });

  it('non-members see only OPEN needs, by id and in lists; members see all', async () => {
    const org = await createOrg(app, owner, { name: 'Needs Carrier', issueAreaIds: [fixtureArea], kind: 'UNION' });
    const open = await addNeed(app, owner, org.id, 'interpretation', 'HIGH');
    const met = await addNeed(app, owner, org.id, 'transport', 'LOW');
    const closed = await addNeed(app, owner, org.id, 'mentoring', 'MEDIUM');
    ok(await gql(app, NeedUpdateDocument, { input: { id: met.id, status: 'MET' } }, owner.token));
    ok(await gql(app, NeedUpdateDocument, { input: { id: closed.id, status: 'CLOSED' } }, owner.token));

    for (const token of [null, stranger.token, admin.token]) {
      const byId = ok(await gql(app, OrgChildrenDocument, { id: org.id }, token)).organization!;
      expect(byId.needs.map((n) => [n.id, n.status])).toEqual([[open.id, 'OPEN']]);
      const listed = ok(await gql(app, OrgListNeedsDocument, { first: 50, filter: { issueAreaIds: [fixtureArea], kinds: ['UNION'] } }, token));
      expect(listed.organizations.nodes.map((n) => n.needs.map((x) => x.status))).toEqual([['OPEN']]);
    }
    const asOwner = ok(await gql(app, OrgChildrenDocument, { id: org.id }, owner.token)).organization!;
    expect(asOwner.needs.map((n) => n.status).sort()).toEqual(['CLOSED', 'MET', 'OPEN']);
    const listedForOwner = ok(await gql(app, OrgListNeedsDocument, { first: 50, filter: { issueAreaIds: [fixtureArea], kinds: ['UNION'] } }, owner.token));
    expect(listedForOwner.organizations.nodes[0].needs.map((n) => n.status).sort()).toEqual(['CLOSED', 'MET', 'OPEN']);
  });
});

describe('location precision', () => {
  let area: string;
  const orgs: Record<'CITY' | 'REGION' | 'COUNTRY' | 'EXACT', string> = { CITY: '', REGION: '', COUNTRY: '', EXACT: '' };

  beforeAll(async () => {
    area = ok(await gql(app, IssueAreaCreateDocument, { input: { slug: 'precision-fixture', name: 'Precision fixture', description: 'fixture' } }, admin.token)).issueAreaCreate.issueArea!.id;
    for (const precision of ['CITY', 'REGION', 'COUNTRY', 'EXACT'] as const) {
      const org = await createOrg(app, owner, {
        name: `Located ${precision}`,
        issueAreaIds: [area],
        location: { country: 'KE', region: 'Nairobi County', city: 'Nairobi', ...NAIROBI, precision },
      });
      orgs[precision] = org.id;
    }
  });

  async function locationOf(id: string, token: string | null) {
    return ok(await gql(app, OrgByIdDocument, { id }, token)).organization!.location;
  }

  it('CITY: coordinates snapped to the centre of a 0.1 degree cell, city and region visible', async () => {
    for (const token of [null, stranger.token, admin.token]) {
      const location = await locationOf(orgs.CITY, token);
      expect(location).toEqual({ precision: 'CITY', country: 'KE', region: 'Nairobi County', city: 'Nairobi', ...NAIROBI_CITY_CELL });
      expect(location.latitude).not.toBe(NAIROBI.latitude);
      expect(Math.abs(location.latitude! - NAIROBI.latitude)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(location.longitude! - NAIROBI.longitude)).toBeLessThanOrEqual(0.1);
    }
    expect(await locationOf(orgs.CITY, owner.token)).toEqual({ precision: 'CITY', country: 'KE', region: 'Nairobi County', city: 'Nairobi', ...NAIROBI });
  });

  it('REGION: no city, coordinates snapped to a 1 degree cell', async () => {
    for (const token of [null, stranger.token, admin.token]) {
      const location = await locationOf(orgs.REGION, token);
      expect(location).toEqual({ precision: 'REGION', country: 'KE', region: 'Nairobi County', city: null, ...NAIROBI_REGION_CELL });
    }
    expect((await locationOf(orgs.REGION, owner.token)).city).toBe('Nairobi');
  });

  it('COUNTRY: only the country', async () => {
    for (const token of [null, stranger.token, admin.token]) {
      expect(await locationOf(orgs.COUNTRY, token)).toEqual({ precision: 'COUNTRY', country: 'KE', region: null, city: null, latitude: null, longitude: null });
    }
    expect(await locationOf(orgs.COUNTRY, owner.token)).toMatchObject({ city: 'Nairobi', ...NAIROBI });
  });

  it('the same coarse location is what lists show', async () => {
    const listed = ok(await gql(app, OrgListDocument, { first: 10, filter: { issueAreaIds: [area] } }, stranger.token)).organizations.edges;
    const byName = Object.fromEntries(listed.map((e) => [e.node.name, e.node.location]));
    expect(byName['Located CITY']).toMatchObject({ city: 'Nairobi', ...NAIROBI_CITY_CELL });
    expect(byName['Located REGION']).toMatchObject({ city: null, ...NAIROBI_REGION_CELL });
    expect(byName['Located COUNTRY']).toMatchObject({ region: null, city: null, latitude: null, longitude: null });
  });

  it('a city filter does not match an organization that hides its city; a region filter skips COUNTRY precision', async () => {
    for (const token of [null, stranger.token]) {
      const byCity = ok(await gql(app, OrgListDocument, { first: 10, filter: { issueAreaIds: [area], city: 'nairobi' } }, token)).organizations;
      expect(byCity.edges.map((e) => e.node.id).sort()).toEqual([orgs.CITY, orgs.EXACT].sort());
      expect(byCity.totalCount).toBe(2);
      const byRegion = ok(await gql(app, OrgListDocument, { first: 10, filter: { issueAreaIds: [area], region: 'Nairobi County' } }, token)).organizations;
      expect(byRegion.edges.map((e) => e.node.id).sort()).toEqual([orgs.CITY, orgs.EXACT, orgs.REGION].sort());
    }
  });

  it('near: a tiny radius around the exact point does not find a CITY organization; distances are rounded to 10 km', async () => {
    const near = async (point: { latitude: number; longitude: number }, radiusKm: number) => {
      const data = ok(await gql(app, OrgListDocument, { first: 10, filter: { issueAreaIds: [area], near: { ...point, radiusKm } } }, stranger.token));
      return Object.fromEntries(data.organizations.edges.map((e) => [e.node.id, e.node.distanceKm]));
    };
    // The snapped CITY point is ~5.2 km from the exact one; the EXACT organization is found within 1 km.
    const tiny = await near(NAIROBI, 1);
    expect(Object.keys(tiny)).toEqual([orgs.EXACT]);
    expect(tiny[orgs.EXACT]).toBe(1);

    const aroundCell = await near(NAIROBI_CITY_CELL, 1);
    expect(Object.keys(aroundCell)).toEqual([orgs.CITY]);
    expect(aroundCell[orgs.CITY]).toBe(10);

    const wider = await near(NAIROBI, 7);
    expect(Object.keys(wider).sort()).toEqual([orgs.CITY, orgs.EXACT].sort());
    expect(wider[orgs.CITY]).toBe(10);

    const wide = await near(NAIROBI, 100);
    expect(Object.keys(wide).sort()).toEqual([orgs.CITY, orgs.EXACT, orgs.REGION].sort());
    expect(wide[orgs.CITY]! % 10).toBe(0);
    expect(wide[orgs.REGION]! % 100).toBe(0);
  });
});

describe('raw queries', () => {
  it('organization(id) with a non-uuid id answers null like a missing one', async () => {
    const response = await rawGql(app, 'query($id: ID!) { organization(id: $id) { id } }', { id: 'not-a-uuid' }, stranger.token);
    expect(body(response)).toEqual({ status: 200, data: { organization: null }, errors: undefined });
  });
});
