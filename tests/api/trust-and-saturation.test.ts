// Trust and saturation in suggestions, end to end over HTTP:
//  - saturation: only live PENDING introductions received lower a candidate (SATURATED reason, exact penalty);
//  - trust: accepted introductions give WORKED_TOGETHER / COMMON_PARTNER naming the common partner;
//  - privacy: a collaboration with an organization the viewer cannot name counts for nothing and leaks nothing,
//    and an anonymous suggestion never carries trust reasons;
//  - coalitions: gap fillers never include an organization that refuses, or is refused by, a member.
import { randomUUID } from 'node:crypto';
import {
  CoalitionSuggestionsDocument, OrgUpdateDocument, PartnerSuggestionsDocument, RequestIntroductionDocument,
  RespondToIntroductionDocument, type OrganizationCreateInput, type OrganizationUpdateInput,
} from '../generated/graphql.js';
import { addCapability, addNeed, createOrg, issueAreaId, signUp, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const KAMPALA = { country: 'UG', region: 'Central Region', city: 'Kampala', latitude: 0.3476, longitude: 32.5825, precision: 'CITY' as const };
const LAGOS = { country: 'NG', region: 'Lagos State', city: 'Lagos', latitude: 6.5244, longitude: 3.3792, precision: 'CITY' as const };
const SATURATION_WEIGHT = 0.06; // DEFAULT_PARTNER_WEIGHTS.saturation
const TRUST_CODES = ['WORKED_TOGETHER', 'COMMON_PARTNER'];

let app: TestApp;
let alice: TestUser; // member of the requesting organizations only
let bob: TestUser; // owns the candidates
let carol: TestUser; // owns common partners and other requesters
beforeAll(async () => {
  app = await startTestApp();
  [alice, bob, carol] = await Promise.all([signUp(app, 'Alice'), signUp(app, 'Bob'), signUp(app, 'Carol')]);
}, 30_000);
afterAll(() => app?.close());

type Org = Awaited<ReturnType<typeof createOrg>>;
const unique = (name: string) => `${name} ${randomUUID().slice(0, 6)}`;

/** A requester that needs grant writing (so grant writers are its candidates). */
async function requester(input: Partial<OrganizationCreateInput> = {}): Promise<Org> {
  const a = await createOrg(app, alice, { name: unique('Requester'), kind: 'NGO', ...input });
  await addNeed(app, alice, a.id, 'grant-writing', 'CRITICAL');
  return a;
}

/** A candidate covering the requester's need. */
async function grantWriter(owner: TestUser, input: Partial<OrganizationCreateInput> = {}): Promise<Org> {
  const b = await createOrg(app, owner, { name: unique('Writers'), kind: 'NGO', ...input });
  await addCapability(app, owner, b.id, 'grant-writing', 'EXPERT');
  return b;
}

async function requestIntro(token: string, from: Org, to: Org): Promise<string> {
  const payload = ok(await gql(app, RequestIntroductionDocument, {
    input: { fromOrganizationId: from.id, toOrganizationId: to.id, message: 'Shall we work together?' },
  }, token)).requestIntroduction;
  expect(payload.userErrors).toEqual([]);
  return payload.introduction!.id;
}

async function respond(token: string, introductionId: string, accept: boolean): Promise<void> {
  const payload = ok(await gql(app, RespondToIntroductionDocument, { input: { introductionId, accept } }, token)).respondToIntroduction;
  expect(payload.userErrors).toEqual([]);
  expect(payload.introduction?.status).toBe(accept ? 'ACCEPTED' : 'DECLINED');
}

/** from asks, the owner of `to` accepts: one collaboration between them. */
async function collaborate(fromToken: string, from: Org, toToken: string, to: Org): Promise<void> {
  await respond(toToken, await requestIntro(fromToken, from, to), true);
}

async function update(token: string, input: OrganizationUpdateInput): Promise<void> {
  const payload = ok(await gql(app, OrgUpdateDocument, { input }, token)).organizationUpdate;
  expect(payload.userErrors).toEqual([]);
}

async function suggestionsFor(a: Org) {
  const response = await gql(app, PartnerSuggestionsDocument, { organizationId: a.id, first: 50 }, alice.token);
  return { body: JSON.stringify(response), nodes: ok(response).partnerSuggestions.nodes };
}

type Node = Awaited<ReturnType<typeof suggestionsFor>>['nodes'][number];
const nodeOf = (nodes: Node[], org: Org): Node => {
  const node = nodes.find((n) => n.organization?.id === org.id);
  if (!node) throw new Error(`${org.name} is not among the suggestions`);
  return node;
};
const codes = (node: Node) => node.reasons.map((r) => r.code);

describe('saturation', () => {
  it('live pending requests received lower an otherwise identical candidate by the saturation penalty', async () => {
    const a = await requester();
    const b1 = await grantWriter(bob, { name: unique('Calm Writers') });
    const b2 = await grantWriter(bob, { name: unique('Busy Writers') });
    const senders: Org[] = [];
    for (let i = 0; i < 10; i++) senders.push(await createOrg(app, carol, { name: unique(`Sender ${i}`) }));
    const intros: string[] = [];
    for (const sender of senders) intros.push(await requestIntro(carol.token, sender, b2));
    // Only live PENDING ones count: four declined, three expired, three live. Counted as a band (0, 3, 10, 30),
    // so the ten requests received would show a larger penalty than the three live ones.
    for (const id of intros.slice(3, 7)) await respond(bob.token, id, false);
    await app.db.query(`UPDATE introductions SET expires_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [intros.slice(7)]);

    const { nodes } = await suggestionsFor(a);
    const ids = nodes.map((n) => n.organization?.id);
    const calm = nodeOf(nodes, b1);
    const busy = nodeOf(nodes, b2);
    expect(ids.indexOf(b1.id)).toBeLessThan(ids.indexOf(b2.id));
    const penalty = SATURATION_WEIGHT * Math.log1p(3);
    expect(calm.parts.saturationPenalty).toBe(0);
    expect(busy.parts.saturationPenalty).toBeCloseTo(penalty, 10);
    expect(calm.score - busy.score).toBeGreaterThan(0);
    expect(calm.score - busy.score).toBeCloseTo(penalty, 10);
    // Everything else is the same.
    expect({ ...busy.parts, saturationPenalty: 0 }).toEqual(calm.parts);
    expect(codes(calm)).not.toContain('SATURATED');
    const saturated = busy.reasons.find((r) => r.code === 'SATURATED');
    // No count in the words: how many requests an organization has is its own business.
    expect(saturated).toEqual({ code: 'SATURATED', text: 'is answering many requests at the moment', weight: expect.any(Number) });
    expect(saturated!.weight).toBeCloseTo(-penalty, 10);
  });
});

describe('trust', () => {
  it('a partner of a partner (all PUBLIC) gets COMMON_PARTNER naming the common partner, not WORKED_TOGETHER', async () => {
    const a = await requester();
    const b = await grantWriter(bob);
    const c = await createOrg(app, carol, { name: unique('Common Partner Public') });
    await collaborate(alice.token, a, carol.token, c);
    await collaborate(carol.token, c, bob.token, b);

    const node = nodeOf((await suggestionsFor(a)).nodes, b);
    const common = node.reasons.filter((r) => r.code === 'COMMON_PARTNER');
    expect(common.map((r) => r.text)).toEqual([`you both worked with ${c.name}`]);
    expect(common[0].weight).toBeGreaterThan(0);
    expect(node.parts.trust).toBeCloseTo(0.4 / 3, 10); // one friend in common out of a cap of three
    expect(codes(node)).not.toContain('WORKED_TOGETHER');
  });

  it('a direct accepted introduction gives WORKED_TOGETHER', async () => {
    const a = await requester();
    const b = await grantWriter(bob);
    const stranger = await grantWriter(bob);
    await collaborate(alice.token, a, bob.token, b);

    const { nodes } = await suggestionsFor(a);
    const node = nodeOf(nodes, b);
    expect(node.reasons.find((r) => r.code === 'WORKED_TOGETHER')).toMatchObject({ text: 'you have worked together before' });
    expect(codes(node)).not.toContain('COMMON_PARTNER');
    expect(node.parts.trust).toBeCloseTo(0.6, 10);
    // The same profile without the collaboration: no trust, a lower score.
    const other = nodeOf(nodes, stranger);
    expect(other.parts.trust).toBe(0);
    expect(codes(other).filter((c) => TRUST_CODES.includes(c))).toEqual([]);
    expect(node.score).toBeGreaterThan(other.score);
  });

  it('a common partner the viewer cannot see (PRIVATE) counts for nothing and is never named', async () => {
    const a = await requester();
    const b = await grantWriter(bob);
    const cName = unique('Hidden Common Partner');
    const c = await createOrg(app, carol, { name: cName });
    await collaborate(alice.token, a, carol.token, c);
    await collaborate(carol.token, c, bob.token, b);
    // While C is PUBLIC it is a common partner (the control).
    expect(codes(nodeOf((await suggestionsFor(a)).nodes, b))).toContain('COMMON_PARTNER');

    await update(carol.token, { id: c.id, visibility: 'PRIVATE' });
    const { body, nodes } = await suggestionsFor(a);
    const node = nodeOf(nodes, b);
    expect(codes(node).filter((code) => TRUST_CODES.includes(code))).toEqual([]);
    expect(node.parts.trust).toBe(0);
    expect(body).not.toContain(cName);
    expect(body).not.toContain(c.id);
    expect(body).not.toContain('a common partner');
  });

  it('an opted-in PRIVATE collaborator appears only anonymously, without trust reasons, and is never named', async () => {
    const a = await requester();
    const pName = unique('Quiet Collaborators');
    const p = await createOrg(app, bob, { name: pName, kind: 'COMMUNITY_GROUP' });
    await addCapability(app, bob, p.id, 'grant-writing', 'EXPERT');
    const c = await grantWriter(carol, { name: unique('Shared Friend') }); // a candidate too
    await collaborate(alice.token, a, bob.token, p); // A worked with P directly...
    await collaborate(alice.token, a, carol.token, c);
    await collaborate(carol.token, c, bob.token, p); // ...and both A and C worked with P
    // Control while P is PUBLIC: WORKED_TOGETHER for P, and C has P as a common partner.
    const before = await suggestionsFor(a);
    expect(codes(nodeOf(before.nodes, p))).toEqual(expect.arrayContaining(['WORKED_TOGETHER', 'COMMON_PARTNER']));
    expect(nodeOf(before.nodes, c).reasons.map((r) => r.text)).toContain(`you both worked with ${pName}`);

    await update(bob.token, { id: p.id, visibility: 'PRIVATE', anonymousSuggestions: true });
    const { body, nodes } = await suggestionsFor(a);
    expect(body).not.toContain(pName);
    expect(body).not.toContain(p.id);
    expect(nodes.find((n) => n.organization?.id === p.id)).toBeUndefined();
    const anonymous = nodes.filter((n) => n.anonymous);
    expect(anonymous).toHaveLength(1);
    const [entry] = anonymous;
    expect(entry.organization).toBeNull();
    expect(entry.anonymous).toMatchObject({ kind: 'COMMUNITY_GROUP' });
    expect(entry.anonymous!.capabilities.map((x) => x.skillName)).toEqual(['Grant writing']);
    expect(codes(entry).filter((code) => TRUST_CODES.includes(code))).toEqual([]);
    expect(entry.parts.trust).toBe(0);
    // C still worked with A, but no longer has P as a common partner.
    const cNode = nodeOf(nodes, c);
    expect(codes(cNode)).toContain('WORKED_TOGETHER');
    expect(codes(cNode)).not.toContain('COMMON_PARTNER');
  });
});

describe('coalition gap fillers', () => {
  it('never lists an outsider that refuses a member or whose kind a member refuses', async () => {
    const refugees = await issueAreaId(app, 'refugee-resettlement');
    const issueAreaIds = [refugees];
    const a = await createOrg(app, alice, { name: unique('Coalition Lead'), kind: 'NGO', location: KAMPALA, issueAreaIds, dealbreakerKinds: ['MEDIA'] });
    await addCapability(app, alice, a.id, 'grant-writing', 'EXPERT');
    const lawyers = await createOrg(app, bob, { name: unique('Kampala Lawyers'), kind: 'LEGAL_AID', location: KAMPALA, issueAreaIds });
    await addCapability(app, bob, lawyers.id, 'asylum-representation', 'EXPERT');
    // Transport only far away (Lagos), outside the circle: LOGISTICS stays a gap.
    const refused = await createOrg(app, carol, { name: unique('Media Movers'), kind: 'MEDIA', location: LAGOS });
    await addCapability(app, carol, refused.id, 'transport', 'EXPERT');
    const refusing = await createOrg(app, carol, { name: unique('Union Movers'), kind: 'UNION', location: LAGOS, dealbreakerKinds: ['NGO'] });
    await addCapability(app, carol, refusing.id, 'transport', 'EXPERT');
    const acceptable = await createOrg(app, carol, { name: unique('Plain Movers'), kind: 'NGO', location: LAGOS });
    await addCapability(app, carol, acceptable.id, 'transport', 'BASIC');

    const near = { latitude: KAMPALA.latitude, longitude: KAMPALA.longitude, radiusKm: 50 };
    const alts = ok(await gql(app, CoalitionSuggestionsDocument, {
      input: { organizationId: a.id, issueAreaId: refugees, near, categoryIds: ['FUNDRAISING', 'LEGAL_AID', 'LOGISTICS'], minSize: 2, maxSize: 3, mustIncludeIds: [a.id] },
    }, alice.token)).coalitionSuggestions;
    expect(alts.length).toBeGreaterThan(0);
    for (const alt of alts) {
      expect(alt.members.map((m) => m.organization?.id)).toContain(a.id);
      expect(alt.gaps).toEqual(['LOGISTICS']);
      expect(alt.gapFillers).toEqual([{ categoryId: 'LOGISTICS', organizations: [{ id: acceptable.id, name: acceptable.name }] }]);
    }

    // Control: for a coalition of the lawyers alone (no dealbreakers either way) all three are listed, best level first.
    const control = ok(await gql(app, CoalitionSuggestionsDocument, {
      input: { organizationId: lawyers.id, issueAreaId: refugees, near, categoryIds: ['LEGAL_AID', 'LOGISTICS'], minSize: 1, maxSize: 1, mustIncludeIds: [lawyers.id] },
    }, bob.token)).coalitionSuggestions;
    expect(control[0].members.map((m) => m.organization?.id)).toEqual([lawyers.id]);
    const listed = control[0].gapFillers.find((g) => g.categoryId === 'LOGISTICS')!.organizations.map((o) => o.id);
    expect(listed.slice(0, 2).sort()).toEqual([refused.id, refusing.id].sort());
    expect(listed[2]).toBe(acceptable.id);
  });
});
