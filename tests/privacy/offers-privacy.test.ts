import { randomUUID } from 'node:crypto';
import {
  OfferCloseDocument, OfferDocument, OfferPostDocument, OffersDocument, OffersForNeedsDocument, OfferUpdateDocument,
  type OfferFilter, type OfferPostInput,
} from '../generated/graphql.js';
import { addCapability, addNeed, createOrg, issueAreaId, makeAdmin, signUp, skillId, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Offers attacked as an ordinary signed-in account would: bisect the `near` radius and trilaterate distances to
// find an anonymous offer's place, bisect the issue-area and organization filters to learn what its card hides,
// diff rankings of offersForNeeds for hidden facts, probe ids of hidden offers, link anonymous offers by token.

let app: TestApp;
let owner: TestUser; // owns the PRIVATE, at-risk organization and its anonymous offers
let attacker: TestUser; // an ordinary signed-in account with an organization of its own
let admin: TestUser;
let hidden: { id: string };
let relocation: string;
let refugees: string;
let landRights: string;
/** The at-risk organization's office: its anonymous offers take place there, exactly. */
const OFFICE = { latitude: -1.2841, longitude: 36.8155 };
const CELL = { latitude: -1.5, longitude: 36.5 }; // the centre of the office's 1-degree cell

function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const s = Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2
    + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(s));
}

async function postOk(token: string, input: OfferPostInput) {
  const payload = ok(await gql(app, OfferPostDocument, { input }, token)).offerPost;
  expect(payload.userErrors).toEqual([]);
  return payload.offer!;
}

const anonymousOffer = (input: Partial<OfferPostInput> = {}): OfferPostInput => ({
  organizationId: hidden.id, skillId: relocation, title: 'Safe relocation advice', format: 'ADVICE', audience: 'ANONYMOUS',
  remote: false, place: { country: 'KE', region: 'Nairobi County', city: 'Nairobi', ...OFFICE, precision: 'EXACT' }, ...input,
});

async function find(filter: OfferFilter, token = attacker.token) {
  return ok(await gql(app, OffersDocument, { filter, first: 100 }, token)).offers;
}

beforeAll(async () => {
  app = await startTestApp({ RATE_LIMIT_USER_COST: '1000000000', RATE_LIMIT_ADDRESS_COST: '1000000000' });
  [owner, attacker, admin] = await Promise.all([signUp(app, 'Defender'), signUp(app, 'Attacker'), signUp(app, 'Admin')]);
  await makeAdmin(app, admin);
  [relocation, refugees, landRights] = await Promise.all([
    skillId(app, 'emergency-relocation'), issueAreaId(app, 'refugee-resettlement'), issueAreaId(app, 'land-rights'),
  ]);
  hidden = await createOrg(app, owner, {
    name: 'Defenders at Risk', kind: 'LEGAL_AID', visibility: 'PRIVATE', languages: ['sw'],
    location: { country: 'KE', region: 'Nairobi County', city: 'Nairobi', ...OFFICE, precision: 'EXACT' },
  });
  await addCapability(app, owner, hidden.id, 'emergency-relocation', 'EXPERT');
});
afterAll(() => app?.close());

describe('an anonymous offer\'s place', () => {
  let offerId: string;
  beforeAll(async () => {
    offerId = (await postOk(owner.token, anonymousOffer({ title: 'Bisect me' }))).id;
  });

  const matches = async (center: { latitude: number; longitude: number }, radiusKm: number) =>
    (await find({ near: { ...center, radiusKm }, skillIds: [relocation] })).edges.some((e) => e.node.id === offerId);

  it('bisecting the near radius from the office itself converges on the cell centre\'s distance, not on zero', async () => {
    let low = 0;
    let high = 200;
    expect(await matches(OFFICE, high)).toBe(true);
    for (let i = 0; i < 14; i++) {
      const mid = (low + high) / 2;
      if (await matches(OFFICE, mid)) high = mid; else low = mid;
    }
    // The smallest radius that matches is the distance from the office to the centre of its cell (~50 km), which
    // every office in the cell shares: the bisection learns the cell, never the office.
    expect(high).toBeCloseTo(haversineKm(OFFICE, CELL), 0);
    expect(high).toBeGreaterThan(30);
    expect(await matches(CELL, 0.5)).toBe(true);
  });

  it('distances from three points are 100 km steps to the cell centre: trilateration finds the cell, and offices in one cell are indistinguishable', async () => {
    const elsewhere = (await postOk(owner.token, anonymousOffer({
      title: 'Same cell, other office', place: { country: 'KE', region: 'Nairobi County', latitude: -1.9, longitude: 36.1, precision: 'EXACT' },
    }))).id;
    const points = [{ latitude: -1.0, longitude: 37.5 }, { latitude: -3.0, longitude: 36.0 }, { latitude: 0.5, longitude: 35.0 }];
    for (const point of points) {
      const page = await find({ near: { ...point, radiusKm: 1000 }, skillIds: [relocation] });
      const km = (id: string) => page.edges.find((e) => e.node.id === id)!.node.distanceKm!;
      expect(km(offerId) % 100).toBe(0);
      expect(km(offerId)).toBe(km(elsewhere));
      expect(Math.abs(km(offerId) - haversineKm(point, CELL))).toBeLessThanOrEqual(50);
    }
    // Shown places are the cell centre for both, with no city.
    const [a, b] = await Promise.all([offerId, elsewhere].map(async (id) => ok(await gql(app, OfferDocument, { id }, attacker.token)).offer.place));
    expect(a).toEqual(b);
    expect(a).toEqual({ precision: 'REGION', country: 'KE', region: 'Nairobi County', city: null, ...CELL });
  });
});

describe('filters on what a card hides', () => {
  it('an issue-area filter never matches an anonymous offer: counts are the same whatever its issue areas', async () => {
    const count = async (ids: string[]) => (await find({ issueAreaIds: ids, skillIds: [relocation] })).totalCount;
    const before = [await count([refugees]), await count([landRights])];
    const offer = await postOk(owner.token, anonymousOffer({ title: 'Serves refugees', issueAreaIds: [refugees] }));
    expect([await count([refugees]), await count([landRights])]).toEqual(before);
    // Nothing about it says which areas it serves either.
    expect(ok(await gql(app, OfferDocument, { id: offer.id }, attacker.token)).offer).toMatchObject({ issueAreas: [], languages: [] });
  });

  it('an organization filter never links an anonymous offer to its organization, even a visible one', async () => {
    const visible = await createOrg(app, owner, { name: 'Visible Defenders', kind: 'NGO' });
    const named = await postOk(owner.token, { ...anonymousOffer(), organizationId: visible.id, audience: 'PUBLIC', title: 'Named one', place: undefined, remote: true });
    const anonymous = await postOk(owner.token, { ...anonymousOffer(), organizationId: visible.id, title: 'Unlinked one', place: undefined, remote: true });
    const ids = (await find({ organizationId: visible.id })).edges.map((e) => e.node.id);
    expect(ids).toEqual([named.id]);
    expect(ids).not.toContain(anonymous.id);
    // The hidden organization's filter answers like a random id's.
    expect((await find({ organizationId: hidden.id })).totalCount).toBe((await find({ organizationId: randomUUID() })).totalCount);
    expect((await find({ organizationId: hidden.id })).totalCount).toBe(0);
  });

  it('a text search never matches the organization\'s name or mission', async () => {
    await postOk(owner.token, anonymousOffer({ title: 'Quiet help', description: 'Nothing that names anyone' }));
    expect((await find({ search: 'Defenders at Risk' })).edges.filter((e) => e.node.anonymousOrganization)).toEqual([]);
  });
});

describe('rankings and ids', () => {
  it('offersForNeeds scores anonymous offers on the card alone: hidden facts change neither score, reasons nor order', async () => {
    const seeker = await createOrg(app, attacker, {
      name: 'Seeker', languages: ['sw'], issueAreaIds: [refugees], location: { country: 'KE', city: 'Nairobi', ...OFFICE, precision: 'EXACT' },
    });
    const need = await addNeed(app, attacker, seeker.id, 'emergency-relocation', 'HIGH');
    await app.db.query('UPDATE needs SET issue_area_id = $1 WHERE id = $2', [refugees, need.id]);
    // Two anonymous offers of the same organization that differ only in what the card hides: languages the
    // seeker speaks, the seeker's issue area, and an office inside the cell rather than at its edge.
    const rich = await postOk(owner.token, anonymousOffer({ title: 'Rich in hidden facts', languages: ['sw'], issueAreaIds: [refugees] }));
    const plain = await postOk(owner.token, anonymousOffer({
      title: 'Plain', languages: ['fr'], place: { country: 'KE', region: 'Nairobi County', latitude: -1.95, longitude: 36.05, precision: 'EXACT' },
    }));
    const data = ok(await gql(app, OffersForNeedsDocument, { organizationId: seeker.id, first: 100 }, attacker.token)).offersForNeeds;
    const row = (id: string) => data.nodes.find((n) => n.offer.id === id)!;
    const strip = (r: ReturnType<typeof row>) => ({ score: r.score, reasons: r.reasons, distanceKm: r.distanceKm, distanceBand: r.distanceBand });
    expect(strip(row(rich.id))).toEqual(strip(row(plain.id)));
    expect(row(rich.id).reasons.map((r) => r.code)).toEqual(['MEETS_NEED', 'LEVEL', 'DISTANCE']);
    // Ties keep the newest first, a fact the offer itself shows.
    const order = data.nodes.map((n) => n.offer.id);
    expect(order.indexOf(plain.id)).toBeLessThan(order.indexOf(rich.id));
  });

  it('an offer one may not see answers offer, offerUpdate and offerClose exactly like a random id, also for an admin', async () => {
    const friend = await createOrg(app, owner, { name: 'A partner of the defenders' });
    await app.db.query(
      `INSERT INTO collaborations (organization_a_id, organization_b_id, source) VALUES (LEAST($1::uuid, $2::uuid), GREATEST($1::uuid, $2::uuid), 'DECLARED')`,
      [hidden.id, friend.id],
    );
    const partnersOnly = await postOk(owner.token, anonymousOffer({ audience: 'PARTNERS', title: 'Partners only' }));
    for (const token of [attacker.token, admin.token]) {
      const random = randomUUID();
      expect(await gql(app, OfferDocument, { id: partnersOnly.id }, token)).toEqual(await gql(app, OfferDocument, { id: random }, token));
      expect(await gql(app, OfferUpdateDocument, { input: { id: partnersOnly.id, title: 'x' } }, token))
        .toEqual(await gql(app, OfferUpdateDocument, { input: { id: random, title: 'x' } }, token));
      expect(await gql(app, OfferCloseDocument, { input: { id: partnersOnly.id } }, token))
        .toEqual(await gql(app, OfferCloseDocument, { input: { id: random } }, token));
    }
    // Not listed or counted either.
    expect((await find({ search: 'Partners only' })).totalCount).toBe(0);
    // Visitors never see anonymous offers at all.
    expect((await find({ skillIds: [relocation] }, null as never)).edges.filter((e) => e.node.anonymousOrganization)).toEqual([]);
  });

  it('cards do not link offers: tokens differ between offers and between responses, and carry no id', async () => {
    const a = await postOk(owner.token, anonymousOffer({ title: 'Token one' }));
    const b = await postOk(owner.token, anonymousOffer({ title: 'Token two' }));
    const page = await find({ search: 'token' });
    const tokens = page.edges.filter((e) => [a.id, b.id].includes(e.node.id)).map((e) => e.node.anonymousOrganization!.token);
    const again = (await find({ search: 'token' })).edges.filter((e) => [a.id, b.id].includes(e.node.id)).map((e) => e.node.anonymousOrganization!.token);
    expect(new Set([...tokens, ...again]).size).toBe(4);
    for (const token of tokens) {
      expect(token).not.toContain(hidden.id);
      expect(token).not.toContain(hidden.id.slice(0, 8));
    }
  });
});
