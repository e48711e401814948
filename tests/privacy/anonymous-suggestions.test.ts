import { addCapability, addNeed, createOrg, issueAreaId, signUp, type TestUser } from '../support/factories.js';
import { ok, rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// An attacker with an ordinary account and its own organization, public API only, tries to locate, follow and
// fill in an anonymous PRIVATE organization, and to learn dealbreakers and request counts. Each test does what
// the attacker would do and asserts that the answer carries no more than the anonymous card shows.

const EARTH_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;
function km(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const s = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

// The defender's exact office, and the centre of its 1-degree (REGION) grid cell: the most the card may reveal.
const OFFICE = { lat: -1.2921, lng: 36.8219 };
const REGION_CELL = { lat: -1.5, lng: 36.5 };
// A second defender in the same region cell, elsewhere, at CITY precision.
const OTHER_OFFICE = { lat: -1.8712, lng: 36.1034 };

const SUGGESTIONS = `query($id: ID!, $filter: PartnerSuggestionFilter) {
  partnerSuggestions(organizationId: $id, filter: $filter, first: 20) {
    totalCount
    nodes {
      organization { id }
      anonymous { token kind country region capabilities { categoryId skillName level remote } }
      score distanceKm distanceBand
      parts { coversTheirNeeds coveredByThem sharedIssues proximity language trust saturationPenalty }
      reasons { code text weight }
    }
  }
}`;

const COALITIONS = `query($input: CoalitionSuggestionInput!) {
  coalitionSuggestions(input: $input) {
    members { organization { id } anonymous { kind region } }
    compatible score balance cohesion gaps
    reasons { code text weight }
  }
}`;

interface Row {
  organization: { id: string } | null;
  anonymous: { token: string; kind: string; region: string | null; capabilities: unknown[] } | null;
  score: number;
  distanceKm: number | null;
  distanceBand: string | null;
  parts: Record<string, number>;
  reasons: { code: string; text: string; weight: number }[];
}

let app: TestApp;
let attacker: TestUser;
let defender: TestUser;
let attackerOrg: { id: string };
let areaA: string;
let areaB: string;

async function suggestions(filter: Record<string, unknown> = {}): Promise<{ totalCount: number; nodes: Row[] }> {
  const data = ok(await rawGql<{ partnerSuggestions: { totalCount: number; nodes: Row[] } }>(app, SUGGESTIONS, { id: attackerOrg.id, filter }, attacker.token));
  return data.partnerSuggestions;
}

async function anonymousRows(filter: Record<string, unknown> = {}): Promise<Row[]> {
  return (await suggestions(filter)).nodes.filter((n) => n.anonymous !== null);
}

async function updateAttacker(input: Record<string, unknown>): Promise<void> {
  const data = ok(await rawGql<{ organizationUpdate: { userErrors: unknown[] } }>(app,
    'mutation($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) { userErrors { code field message } } }',
    { input: { id: attackerOrg.id, ...input } }, attacker.token));
  expect(data.organizationUpdate.userErrors).toEqual([]);
}

async function moveAttacker(point: { lat: number; lng: number }): Promise<void> {
  await updateAttacker({ location: { country: 'KE', latitude: point.lat, longitude: point.lng, precision: 'EXACT' } });
}

/** What the attacker compares across answers: everything but the per-response token. */
function withoutToken(row: Row) {
  return { ...row, anonymous: row.anonymous && { ...row.anonymous, token: '<token>' } };
}

beforeAll(async () => {
  app = await startTestApp();
  [attacker, defender] = await Promise.all([signUp(app, 'Attacker'), signUp(app, 'Defender')]);
  [areaA, areaB] = await Promise.all([issueAreaId(app, 'detention-monitoring'), issueAreaId(app, 'press-freedom')]);
  attackerOrg = await createOrg(app, attacker, {
    name: 'Curious Media House', kind: 'MEDIA', visibility: 'PUBLIC', languages: ['en'],
    location: { country: 'KE', latitude: -1.0, longitude: 36.0, precision: 'EXACT' },
  });
  await addNeed(app, attacker, attackerOrg.id, 'emergency-relocation', 'CRITICAL');

  // Two defenders with identical cards (kind, country, region name, capabilities) and different hidden facts.
  const exactOne = await createOrg(app, defender, {
    name: 'Safehouse Network Exact', kind: 'LEGAL_AID', visibility: 'PRIVATE', anonymousSuggestions: true,
    languages: ['sw', 'en'], issueAreaIds: [areaA],
    location: { country: 'KE', region: 'Nairobi County', city: 'Nairobi', latitude: OFFICE.lat, longitude: OFFICE.lng, precision: 'EXACT' },
  });
  const cityOne = await createOrg(app, defender, {
    name: 'Safehouse Network City', kind: 'LEGAL_AID', visibility: 'PRIVATE', anonymousSuggestions: true,
    languages: ['fr'], issueAreaIds: [areaB],
    location: { country: 'KE', region: 'Nairobi County', city: 'Naivasha', latitude: OTHER_OFFICE.lat, longitude: OTHER_OFFICE.lng, precision: 'CITY' },
  });
  for (const org of [exactOne, cityOne]) await addCapability(app, defender, org.id, 'emergency-relocation', 'EXPERT');
  // Hidden needs that the attacker could meet, different between the two.
  await addNeed(app, defender, exactOne.id, 'video-production', 'CRITICAL');
  await addNeed(app, defender, cityOne.id, 'secure-communications', 'LOW');
});
afterAll(() => app?.close());

describe('locating an anonymous PRIVATE organization', () => {
  it('bisecting maxDistanceKm from three positions finds the centre of its region cell, not its office', async () => {
    const points = [{ lat: -1.0, lng: 36.0 }, { lat: -2.3, lng: 37.4 }, { lat: -0.6, lng: 37.3 }];
    const thresholds: number[] = [];
    let requests = 0;
    for (const point of points) {
      await moveAttacker(point);
      // Smallest radius at which an anonymous card appears, to 0.05 km: what the attacker's bisection recovers.
      let lo = 0;
      let hi = 600;
      expect((await anonymousRows({ maxDistanceKm: hi })).length).toBeGreaterThan(0);
      while (hi - lo > 0.05) {
        const mid = (lo + hi) / 2;
        requests++;
        if ((await anonymousRows({ maxDistanceKm: mid })).length > 0) hi = mid;
        else lo = mid;
      }
      thresholds.push(hi);
    }
    // Trilaterate as the attacker would: the point that best explains the three thresholds.
    let best = { lat: 0, lng: 0, err: Infinity };
    for (let lat = -3; lat <= 0.5; lat += 0.01) {
      for (let lng = 35; lng <= 38.5; lng += 0.01) {
        const err = points.reduce((sum, p, i) => sum + (km(p, { lat, lng }) - thresholds[i]) ** 2, 0);
        if (err < best.err) best = { lat, lng, err };
      }
    }
    expect(requests).toBeGreaterThan(30);
    // What the attacker learns is the region cell's centre...
    expect(km(best, REGION_CELL)).toBeLessThan(3);
    // ...which is tens of km from either office: no better than the region the card already names.
    expect(km(best, OFFICE)).toBeGreaterThan(30);
    expect(km(best, OTHER_OFFICE)).toBeGreaterThan(30);
  });

  it('distance, band and proximity are the same for two cards in one region cell, whatever their offices and precisions', async () => {
    await moveAttacker({ lat: -1.2, lng: 36.9 });
    const rows = await anonymousRows();
    expect(rows).toHaveLength(2);
    const [a, b] = rows.map(withoutToken);
    expect(a).toEqual(b);
    // Rounded to the region cell's 100 km and worded in region bands, never "about N km".
    for (const row of rows) {
      expect(row.distanceKm === null || row.distanceKm % 100 === 0).toBe(true);
      expect(row.distanceBand).not.toMatch(/about \d/);
      expect(row.anonymous).toMatchObject({ kind: 'LEGAL_AID', region: 'Nairobi County' });
    }
  });

  it('a coalition circle of 1 km around the office finds nobody; around the region cell centre it finds the card', async () => {
    const base = { organizationId: attackerOrg.id, issueAreaId: areaA, categoryIds: ['LOGISTICS'], minSize: 1, maxSize: 1, alternatives: 1 };
    const atOffice = ok(await rawGql<{ coalitionSuggestions: { members: unknown[] }[] }>(app, COALITIONS,
      { input: { ...base, near: { latitude: OFFICE.lat, longitude: OFFICE.lng, radiusKm: 1 } } }, attacker.token));
    expect(atOffice.coalitionSuggestions).toEqual([]);
    const atCell = ok(await rawGql<{ coalitionSuggestions: { members: { anonymous: unknown }[] }[] }>(app, COALITIONS,
      { input: { ...base, near: { latitude: REGION_CELL.lat, longitude: REGION_CELL.lng, radiusKm: 1 } } }, attacker.token));
    expect(atCell.coalitionSuggestions[0].members).toEqual([{ organization: null, anonymous: { kind: 'LEGAL_AID', region: 'Nairobi County' } }]);
  });
});

describe('following and filling in an anonymous organization', () => {
  it('a new random token every response', async () => {
    const first = (await anonymousRows()).map((r) => r.anonymous!.token);
    const second = (await anonymousRows()).map((r) => r.anonymous!.token);
    expect(first).toHaveLength(2);
    expect(new Set([...first, ...second]).size).toBe(4);
  });

  it('widening one\'s own issue areas, languages and capabilities changes nothing the attacker sees of the cards', async () => {
    await moveAttacker({ lat: -1.2, lng: 36.9 });
    const before = (await anonymousRows()).map(withoutToken);
    // Everything the defenders hide: their issue areas, languages and needs.
    await updateAttacker({ issueAreaIds: [areaA, areaB], languages: ['en', 'sw', 'fr'] });
    await addCapability(app, attacker, attackerOrg.id, 'video-production', 'EXPERT');
    await addCapability(app, attacker, attackerOrg.id, 'secure-communications', 'EXPERT');
    const after = (await anonymousRows()).map(withoutToken);
    expect(after).toEqual(before);
    for (const row of after) {
      // Reasons speak only of the card: the capability that covers the attacker's need, and the banded distance.
      expect(row.reasons.map((r) => r.code).sort()).toEqual(['COVERS_NEED', 'DISTANCE']);
      expect(row.parts).toMatchObject({ coversTheirNeeds: 0, sharedIssues: 0, language: 0, trust: 0, saturationPenalty: 0 });
      // Banded: scores and parts in steps of 0.05.
      for (const value of [row.score, ...Object.values(row.parts)]) expect(Math.abs(value * 20 - Math.round(value * 20))).toBeLessThan(1e-9);
    }
  });

  it('filters on what the card hides keep every anonymous card out, whatever its data', async () => {
    expect(await anonymousRows({ issueAreaIds: [areaA] })).toEqual([]);
    expect(await anonymousRows({ issueAreaIds: [areaB] })).toEqual([]);
    expect(await anonymousRows({ verifiedOnly: true })).toEqual([]);
    // A filter on what the card shows still finds them (so the empty answers above are the rule, not a broken query).
    expect(await anonymousRows({ kinds: ['LEGAL_AID'] })).toHaveLength(2);
  });
});

describe('opting in and out', () => {
  it('a card appears when a PRIVATE organization opts in after the fact and goes when it opts out; made PUBLIC it is named', async () => {
    const late = await createOrg(app, defender, { name: 'Late Opt-in', kind: 'FAITH_BASED', visibility: 'PRIVATE', anonymousSuggestions: false });
    await addCapability(app, defender, late.id, 'emergency-relocation', 'BASIC');
    const kinds = async () => (await anonymousRows()).map((r) => r.anonymous!.kind);
    const named = async () => (await suggestions()).nodes.some((n) => n.organization?.id === late.id);
    const update = async (input: Record<string, unknown>) => ok(await rawGql(app,
      'mutation($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) { userErrors { code } } }', { input: { id: late.id, ...input } }, defender.token));
    expect(await kinds()).not.toContain('FAITH_BASED');
    await update({ anonymousSuggestions: true });
    expect(await kinds()).toContain('FAITH_BASED');
    await update({ anonymousSuggestions: false });
    expect(await kinds()).not.toContain('FAITH_BASED');
    await update({ anonymousSuggestions: true, visibility: 'PUBLIC' });
    expect(await kinds()).not.toContain('FAITH_BASED');
    expect(await named()).toBe(true);
  });
});

describe('requesters that need nothing', () => {
  it('get named partners whose needs they meet, and no cards: a card can only score by covering a need', async () => {
    const giver = await createOrg(app, attacker, { name: 'Only Gives', kind: 'NGO', visibility: 'PUBLIC' });
    await addCapability(app, attacker, giver.id, 'video-production', 'EXPERT');
    const taker = await createOrg(app, defender, { name: 'Needs Video', kind: 'NGO', visibility: 'PUBLIC' });
    await addNeed(app, defender, taker.id, 'video-production', 'HIGH');
    const data = ok(await rawGql<{ partnerSuggestions: { nodes: Row[] } }>(app, SUGGESTIONS, { id: giver.id, filter: { maxDistanceKm: null } }, attacker.token));
    const nodes = data.partnerSuggestions.nodes;
    expect(nodes.map((n) => n.organization?.id)).toContain(taker.id);
    expect(nodes.filter((n) => n.anonymous)).toEqual([]);
  });
});

describe('dealbreakers and request counts', () => {
  it('a must-include pair answers the same whatever kind the attacker takes, so it does not tell a refusal', async () => {
    const refuser = await createOrg(app, defender, {
      name: 'Refuses Media', kind: 'LEGAL_AID', visibility: 'PUBLIC', dealbreakerKinds: ['MEDIA'], issueAreaIds: [areaA],
    });
    await addCapability(app, defender, refuser.id, 'transport', 'EXPERT');
    const ask = async () => ok(await rawGql<{ coalitionSuggestions: unknown[] }>(app, COALITIONS, {
      input: { organizationId: attackerOrg.id, issueAreaId: areaA, categoryIds: ['LOGISTICS'], minSize: 2, maxSize: 2, alternatives: 1, mustIncludeIds: [attackerOrg.id, refuser.id] },
    }, attacker.token)).coalitionSuggestions;
    const answers: Record<string, unknown> = {};
    for (const kind of ['NGO', 'MEDIA', 'UNION']) {
      await updateAttacker({ kind });
      answers[kind] = await ask();
    }
    expect(answers.NGO).toHaveLength(1);
    expect(answers.MEDIA).toEqual(answers.NGO);
    expect(answers.UNION).toEqual(answers.NGO);
  });

  it('saturation shows as a band: no count in words, the same penalty for 3 and 4 pending requests', async () => {
    const busy = await createOrg(app, defender, { name: 'Busy Shelter', kind: 'COMMUNITY_GROUP', visibility: 'PUBLIC' });
    await addCapability(app, defender, busy.id, 'emergency-relocation', 'PROFICIENT');
    const penalty = async () => {
      const row = (await suggestions()).nodes.find((n) => n.organization?.id === busy.id)!;
      return { penalty: row.parts.saturationPenalty, texts: row.reasons.filter((r) => r.code === 'SATURATED').map((r) => r.text) };
    };
    const requesters = [];
    for (let i = 0; i < 4; i++) requesters.push(await createOrg(app, attacker, { name: `Requester ${i}`, kind: 'NGO', visibility: 'PUBLIC' }));
    const seen: { penalty: number; texts: string[] }[] = [await penalty()];
    for (const from of requesters) {
      ok(await rawGql(app, 'mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { userErrors { code } } }',
        { input: { fromOrganizationId: from.id, toOrganizationId: busy.id, message: 'Hello' } }, attacker.token));
      seen.push(await penalty());
    }
    // 0, 1, 2 pending: no penalty; 3 and 4: one and the same banded penalty; never a number in the words.
    expect(seen.slice(0, 3).map((s) => s.penalty)).toEqual([0, 0, 0]);
    expect(seen[3].penalty).toBeGreaterThan(0);
    expect(seen[4].penalty).toBe(seen[3].penalty);
    for (const s of seen) for (const text of s.texts) expect(text).not.toMatch(/\d/);
  });
});
