import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { createLogger } from '../../src/core/logger.js';
import { startOfferSweep, sweepOfferStatuses } from '../../src/offers/offer-sweep.js';
import {
  OfferCloseDocument, OfferDocument, OfferPostDocument, OffersDeepDocument, OffersDocument, OffersForNeedsDocument,
  OfferUpdateDocument, type OfferFilter, type OfferPostInput, type OfferUpdateInput, type OrganizationCreateInput,
} from '../generated/graphql.js';
import { addCapability, addMember, addNeed, createOrg, issueAreaId, signUp, skillId, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok, rawGql } from '../support/graphql-client.js';
import { fewestStatements } from '../support/statements.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Offers over HTTP: posting, changing and closing (rules with field names, authorization, one transaction),
// the status as read (also when no process ran at the deadline) and the sweep that stores it, who sees what
// (audiences, anonymous cards), the list's filters, offersForNeeds' ranking and reasons, and the list's
// statement count. The adversarial privacy probes are in tests/privacy/offers-privacy.test.ts.

let app: TestApp;
let alice: TestUser; // owns the offering organizations
let bob: TestUser; // owns organizations looking for help
let carol: TestUser; // a signed-in stranger
const NAIROBI = { latitude: -1.29213, longitude: 36.82194 };
const MOMBASA = { latitude: -4.04348, longitude: 39.66818 };
let grantWriting: string;
let mediaRelations: string;
let refugees: string;
let landRights: string;

beforeAll(async () => {
  app = await startTestApp();
  [alice, bob, carol] = await Promise.all([signUp(app, 'Alice'), signUp(app, 'Bob'), signUp(app, 'Carol')]);
  [grantWriting, mediaRelations, refugees, landRights] = await Promise.all([
    skillId(app, 'grant-writing'), skillId(app, 'media-relations'), issueAreaId(app, 'refugee-resettlement'), issueAreaId(app, 'land-rights'),
  ]);
});
afterAll(() => app?.close());

type Org = Awaited<ReturnType<typeof createOrg>>;
const inNairobi = { country: 'KE', region: 'Nairobi County', city: 'Nairobi', ...NAIROBI };

function org(owner: TestUser, input: Partial<OrganizationCreateInput> = {}): Promise<Org> {
  return createOrg(app, owner, { location: { ...inNairobi, precision: 'EXACT' }, ...input });
}

function post(token: string | null, input: OfferPostInput) {
  return gql(app, OfferPostDocument, { input }, token);
}

function offerInput(organizationId: string, input: Partial<OfferPostInput> = {}): OfferPostInput {
  return { organizationId, skillId: grantWriting, title: 'Grant-writing clinic', format: 'WORKSHOP', audience: 'PUBLIC', remote: true, ...input };
}

async function postOk(token: string, organizationId: string, input: Partial<OfferPostInput> = {}) {
  const payload = ok(await post(token, offerInput(organizationId, input))).offerPost;
  expect(payload.userErrors).toEqual([]);
  return payload.offer!;
}

function update(token: string | null, input: OfferUpdateInput) {
  return gql(app, OfferUpdateDocument, { input }, token);
}

function read(token: string | null, id: string) {
  return gql(app, OfferDocument, { id }, token);
}

async function list(token: string | null, filter: OfferFilter = {}, first = 100) {
  return ok(await gql(app, OffersDocument, { filter, first }, token)).offers;
}

async function listedIds(token: string | null, filter: OfferFilter = {}): Promise<string[]> {
  return (await list(token, filter)).edges.map((e) => e.node.id);
}

async function withRole(target: Org, role: 'EDITOR' | 'MEMBER'): Promise<TestUser> {
  const user = await signUp(app, role);
  await addMember(app, alice, target.id, user, role);
  return user;
}

async function partners(a: string, b: string): Promise<void> {
  await app.db.query(
    `INSERT INTO collaborations (organization_a_id, organization_b_id, source) VALUES (LEAST($1::uuid, $2::uuid), GREATEST($1::uuid, $2::uuid), 'DECLARED')`,
    [a, b],
  );
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('offerPost', () => {
  it('posts an offer with everything an organization would say, and reads it back', async () => {
    const giver = await org(alice, { name: 'Kibera Legal Clinic' });
    const offer = await postOk(alice.token, giver.id, {
      title: '  Grant-writing clinic for small groups ', description: 'Two mornings on budgets and narratives.',
      format: 'WORKSHOP', seats: 12, remote: true, place: { ...inNairobi, precision: 'CITY' },
      issueAreaIds: [refugees, landRights], languages: ['en', 'sw'], startsAt: inDays(10), endsAt: inDays(11), requestDeadline: inDays(7),
    });
    expect(offer).toMatchObject({
      title: 'Grant-writing clinic for small groups', format: 'WORKSHOP', seats: 12, seatsLeft: 12, remote: true, status: 'OPEN',
      audience: 'PUBLIC', languages: ['en', 'sw'], organization: { id: giver.id, name: 'Kibera Legal Clinic' }, anonymousOrganization: null,
      skill: { id: grantWriting, name: 'Grant writing', category: { id: 'FUNDRAISING' } },
    });
    expect(offer.issueAreas.map((a) => a.slug).sort()).toEqual(['land-rights', 'refugee-resettlement']);
    // Members see the place as entered; everyone else its public position at the place's precision.
    expect(offer.place).toEqual({ precision: 'CITY', country: 'KE', region: 'Nairobi County', city: 'Nairobi', ...NAIROBI });
    const seen = ok(await read(null, offer.id)).offer;
    expect(seen.place).toEqual({ precision: 'CITY', country: 'KE', region: 'Nairobi County', city: 'Nairobi', latitude: -1.25, longitude: 36.85 });
    expect(seen.organization).toEqual({ id: giver.id, name: 'Kibera Legal Clinic' });
  });

  it('refuses what breaks a rule with a code and the field, writing nothing', async () => {
    const giver = await org(alice, { location: { ...inNairobi, precision: 'CITY' } });
    const hidden = await org(alice, { visibility: 'PRIVATE' });
    const cases: [OfferPostInput, string, string][] = [
      [offerInput(giver.id, { skillId: randomUUID() }), 'UNKNOWN_SKILL', 'input.skillId'],
      [offerInput(giver.id, { skillId: 'not-a-uuid' }), 'UNKNOWN_SKILL', 'input.skillId'],
      [offerInput(giver.id, { issueAreaIds: [refugees, randomUUID()] }), 'UNKNOWN_ISSUE_AREA', 'input.issueAreaIds'],
      [offerInput(giver.id, { startsAt: inDays(5), endsAt: inDays(4) }), 'INVALID', 'input.endsAt'],
      [offerInput(giver.id, { endsAt: inDays(4), requestDeadline: inDays(6) }), 'INVALID', 'input.requestDeadline'],
      [offerInput(giver.id, { requestDeadline: inDays(-1) }), 'INVALID', 'input.requestDeadline'],
      [offerInput(giver.id, { endsAt: inDays(-1) }), 'INVALID', 'input.endsAt'],
      [offerInput(giver.id, { seats: 0 }), 'OUT_OF_RANGE', 'input.seats'],
      [offerInput(giver.id, { title: '   ' }), 'INVALID_FORMAT', 'input.title'],
      [offerInput(giver.id, { title: '' }), 'INVALID_LENGTH', 'input.title'],
      [offerInput(giver.id, { languages: ['klingon'] }), 'INVALID_FORMAT', 'input.languages'],
      [offerInput(giver.id, { remote: false }), 'REQUIRED', 'input.place'],
      [offerInput(giver.id, { place: { ...inNairobi, precision: 'EXACT' } }), 'INVALID', 'input.place.precision'],
      [offerInput(giver.id, { place: { country: 'KE', latitude: 1, precision: 'CITY' } }), 'INCOMPLETE', 'input.place.longitude'],
      [offerInput(giver.id, { remote: null as never }), 'NOT_NULLABLE', 'input.remote'],
      [offerInput(hidden.id, { audience: 'PUBLIC' }), 'INVALID', 'input.audience'],
      [offerInput(hidden.id, { audience: 'NETWORK' }), 'INVALID', 'input.audience'],
    ];
    for (const [input, code, field] of cases) {
      const payload = ok(await post(alice.token, input)).offerPost;
      expect({ field: input, errors: payload.userErrors.map((e) => [e.code, e.field]), offer: payload.offer }).toEqual({ field: input, errors: [[code, field]], offer: null });
    }
    const [{ count }] = await app.db.query('SELECT count(*)::int AS count FROM offers WHERE organization_id = ANY($1::uuid[])', [[giver.id, hidden.id]]);
    expect(count).toBe(0);
    // A PRIVATE organization may offer to its partners or anonymously.
    expect((await postOk(alice.token, hidden.id, { audience: 'PARTNERS' })).audience).toBe('PARTNERS');
    expect((await postOk(alice.token, hidden.id, { audience: 'ANONYMOUS' })).audience).toBe('ANONYMOUS');
  });

  it('rolls the whole post back when a rule fails after the offer row was written', async () => {
    const giver = await org(alice);
    const payload = ok(await post(alice.token, offerInput(giver.id, { title: 'Rolled back', issueAreaIds: [refugees, randomUUID()] }))).offerPost;
    expect(payload.userErrors.map((e) => e.code)).toEqual(['UNKNOWN_ISSUE_AREA']);
    expect(await app.db.query(`SELECT id FROM offers WHERE title = 'Rolled back'`)).toEqual([]);
    expect(await app.db.query('SELECT offer_id FROM offer_issue_areas fa JOIN offers f ON f.id = fa.offer_id WHERE f.organization_id = $1', [giver.id])).toEqual([]);
  });

  it('is for owners and editors: members are FORBIDDEN, strangers of a hidden organization get NOT_FOUND, visitors UNAUTHENTICATED', async () => {
    const giver = await org(alice);
    const hidden = await org(alice, { visibility: 'PRIVATE' });
    const editor = await withRole(giver, 'EDITOR');
    const member = await withRole(giver, 'MEMBER');
    expect((await postOk(editor.token, giver.id)).organization!.id).toBe(giver.id);
    expect(errorCode(await post(member.token, offerInput(giver.id)))).toBe('FORBIDDEN');
    expect(errorCode(await post(carol.token, offerInput(giver.id)))).toBe('FORBIDDEN');
    expect(errorCode(await post(carol.token, offerInput(hidden.id, { audience: 'ANONYMOUS' })))).toBe('NOT_FOUND');
    expect(errorCode(await post(null, offerInput(giver.id)))).toBe('UNAUTHENTICATED');
  });
});

describe('offerUpdate and offerClose', () => {
  it('changes what is given, keeps the rest, and checks the rules on the offer as it will be', async () => {
    const giver = await org(alice, { location: { ...inNairobi, precision: 'CITY' } });
    const offer = await postOk(alice.token, giver.id, { seats: 5, issueAreaIds: [refugees], endsAt: inDays(20) });
    const changed = ok(await update(alice.token, { id: offer.id, title: 'Grant-writing mentoring', format: 'MENTORING', seats: null, issueAreaIds: [landRights] })).offerUpdate;
    expect(changed.userErrors).toEqual([]);
    expect(changed.offer).toMatchObject({ title: 'Grant-writing mentoring', format: 'MENTORING', seats: null, seatsLeft: null, remote: true, issueAreas: [{ slug: 'land-rights' }] });
    const bad = async (input: Omit<OfferUpdateInput, 'id'>) => ok(await update(alice.token, { id: offer.id, ...input })).offerUpdate.userErrors.map((e) => [e.code, e.field]);
    expect(await bad({ requestDeadline: inDays(30) })).toEqual([['INVALID', 'input.requestDeadline']]); // after the stored end
    expect(await bad({ startsAt: inDays(25) })).toEqual([['INVALID', 'input.endsAt']]);
    expect(await bad({ remote: false })).toEqual([['REQUIRED', 'input.place']]);
    expect(await bad({ place: { ...inNairobi, precision: 'EXACT' } })).toEqual([['INVALID', 'input.place.precision']]);
    expect(await bad({ title: null as never })).toEqual([['NOT_NULLABLE', 'input.title']]);
    await app.db.query('UPDATE offers SET seats = 5, seats_taken = 3 WHERE id = $1', [offer.id]);
    expect(await bad({ seats: 2 })).toEqual([['INVALID', 'input.seats']]);
    expect(ok(await update(alice.token, { id: offer.id, seats: 3 })).offerUpdate.offer).toMatchObject({ seats: 3, seatsLeft: 0, status: 'FULL' });
  });

  it('rolls back the issue areas it already replaced when a later rule fails', async () => {
    const giver = await org(alice);
    const offer = await postOk(alice.token, giver.id, { issueAreaIds: [refugees] });
    const payload = ok(await update(alice.token, { id: offer.id, issueAreaIds: [landRights], endsAt: inDays(-2) })).offerUpdate;
    expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID', 'input.endsAt']]);
    expect(ok(await read(alice.token, offer.id)).offer.issueAreas.map((a) => a.slug)).toEqual(['refugee-resettlement']);
  });

  it('answers an offer you may not see exactly like a random id, and one you see but may not change with FORBIDDEN', async () => {
    const giver = await org(alice);
    const open = await postOk(alice.token, giver.id);
    const partnersOnly = await postOk(alice.token, giver.id, { audience: 'PARTNERS' });
    const member = await withRole(giver, 'MEMBER');
    expect(errorCode(await update(carol.token, { id: open.id, title: 'Mine now' }))).toBe('FORBIDDEN');
    expect(errorCode(await update(member.token, { id: open.id, title: 'Mine now' }))).toBe('FORBIDDEN');
    const hidden = await update(carol.token, { id: partnersOnly.id, title: 'Mine now' });
    const missing = await update(carol.token, { id: randomUUID(), title: 'Mine now' });
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    expect(hidden).toEqual(missing);
    const closeHidden = await gql(app, OfferCloseDocument, { input: { id: partnersOnly.id } }, carol.token);
    const closeMissing = await gql(app, OfferCloseDocument, { input: { id: randomUUID() } }, carol.token);
    expect(closeHidden).toEqual(closeMissing);
    expect(errorCode(await update(null, { id: open.id, title: 'x' }))).toBe('UNAUTHENTICATED');
  });

  it('closes an offer once; a closed offer reads CLOSED, takes no changes and stays closed through the sweep', async () => {
    const giver = await org(alice);
    const offer = await postOk(alice.token, giver.id, { requestDeadline: inDays(3) });
    const closed = ok(await gql(app, OfferCloseDocument, { input: { id: offer.id } }, alice.token)).offerClose;
    expect(closed.offer!.status).toBe('CLOSED');
    const again = ok(await gql(app, OfferCloseDocument, { input: { id: offer.id } }, alice.token)).offerClose;
    expect(again.userErrors.map((e) => [e.code, e.field])).toEqual([['NOT_OPEN', 'input.id']]);
    expect(ok(await update(alice.token, { id: offer.id, title: 'Reopened?' })).offerUpdate.userErrors.map((e) => e.code)).toEqual(['NOT_OPEN']);
    await app.db.query(`UPDATE offers SET request_deadline = now() - interval '1 day' WHERE id = $1`, [offer.id]);
    await sweepOfferStatuses(app.db);
    expect(ok(await read(alice.token, offer.id)).offer.status).toBe('CLOSED');
    expect((await app.db.query('SELECT status FROM offers WHERE id = $1', [offer.id]))[0].status).toBe('CLOSED');
  });
});

describe('status as read, and the sweep', () => {
  const stored = async (id: string) => (await app.db.query('SELECT status FROM offers WHERE id = $1', [id]))[0].status as string;

  it('reads EXPIRED once the deadline passed although nothing ran at the deadline, and the sweep then stores it', async () => {
    const giver = await org(alice);
    const offer = await postOk(alice.token, giver.id, { requestDeadline: inDays(2), endsAt: inDays(9) });
    // The deadline passes while no process is running: only the stored time changes.
    await app.db.query(`UPDATE offers SET request_deadline = now() - interval '1 minute' WHERE id = $1`, [offer.id]);
    expect(await stored(offer.id)).toBe('OPEN');
    expect(ok(await read(carol.token, offer.id)).offer.status).toBe('EXPIRED');
    expect(await listedIds(carol.token, { organizationId: giver.id, openOnly: true })).toEqual([]);
    expect(await listedIds(carol.token, { organizationId: giver.id })).toEqual([offer.id]);
    expect(await sweepOfferStatuses(app.db)).toBeGreaterThanOrEqual(1);
    expect(await stored(offer.id)).toBe('EXPIRED');
    // Moving the deadline into the future opens it again, stored and read alike.
    expect(ok(await update(alice.token, { id: offer.id, requestDeadline: inDays(3) })).offerUpdate.offer!.status).toBe('OPEN');
    expect(await stored(offer.id)).toBe('OPEN');
  });

  it('reads EXPIRED when the window ended, and FULL while every seat is taken, OPEN again when one frees up', async () => {
    const giver = await org(alice);
    const ended = await postOk(alice.token, giver.id, { startsAt: inDays(1), endsAt: inDays(2) });
    await app.db.query(`UPDATE offers SET starts_at = now() - interval '2 days', ends_at = now() - interval '1 hour' WHERE id = $1`, [ended.id]);
    expect(ok(await read(null, ended.id)).offer.status).toBe('EXPIRED');
    const seated = await postOk(alice.token, giver.id, { seats: 2 });
    await app.db.query('UPDATE offers SET seats_taken = 2 WHERE id = $1', [seated.id]);
    expect(ok(await read(null, seated.id)).offer).toMatchObject({ status: 'FULL', seatsLeft: 0 });
    await sweepOfferStatuses(app.db);
    expect([await stored(ended.id), await stored(seated.id)]).toEqual(['EXPIRED', 'FULL']);
    await app.db.query('UPDATE offers SET seats_taken = 1 WHERE id = $1', [seated.id]);
    expect(ok(await read(null, seated.id)).offer).toMatchObject({ status: 'OPEN', seatsLeft: 1 });
    await sweepOfferStatuses(app.db);
    expect(await stored(seated.id)).toBe('OPEN');
  });

  it('the app\'s periodic sweep stores derived statuses by itself, and stops cleanly', async () => {
    const giver = await org(alice);
    const offer = await postOk(alice.token, giver.id, { requestDeadline: inDays(1) });
    await app.db.query(`UPDATE offers SET request_deadline = now() - interval '1 second' WHERE id = $1`, [offer.id]);
    const sweep = startOfferSweep(app.db, createLogger('silent'), 50);
    const deadline = Date.now() + 15_000; // room for a loaded machine
    while ((await stored(offer.id)) !== 'EXPIRED' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    await sweep.stop();
    expect(await stored(offer.id)).toBe('EXPIRED');
  });
});

describe('who sees an offer', () => {
  it('PUBLIC to anyone, NETWORK to signed-in users, PARTNERS to partners, ANONYMOUS as a card to signed-in users', async () => {
    const giver = await org(alice, { name: 'Giver', kind: 'LEGAL_AID' });
    const friend = await org(bob, { name: 'Friend' });
    await partners(giver.id, friend.id);
    const offers = {
      PUBLIC: await postOk(alice.token, giver.id, { audience: 'PUBLIC' }),
      NETWORK: await postOk(alice.token, giver.id, { audience: 'NETWORK' }),
      PARTNERS: await postOk(alice.token, giver.id, { audience: 'PARTNERS' }),
      ANONYMOUS: await postOk(alice.token, giver.id, { audience: 'ANONYMOUS' }),
    };
    const sees = async (token: string | null) => {
      const result: Record<string, string> = {};
      for (const [audience, offer] of Object.entries(offers)) {
        const answer = await read(token, offer.id);
        result[audience] = answer.data?.offer ? (answer.data.offer.organization ? 'named' : 'card') : errorCode(answer)!;
      }
      return result;
    };
    expect(await sees(null)).toEqual({ PUBLIC: 'named', NETWORK: 'NOT_FOUND', PARTNERS: 'NOT_FOUND', ANONYMOUS: 'NOT_FOUND' });
    expect(await sees(carol.token)).toEqual({ PUBLIC: 'named', NETWORK: 'named', PARTNERS: 'NOT_FOUND', ANONYMOUS: 'card' });
    expect(await sees(bob.token)).toEqual({ PUBLIC: 'named', NETWORK: 'named', PARTNERS: 'named', ANONYMOUS: 'card' });
    expect(await sees(alice.token)).toEqual({ PUBLIC: 'named', NETWORK: 'named', PARTNERS: 'named', ANONYMOUS: 'named' });
    // The list agrees with offer(id).
    expect((await listedIds(carol.token, { organizationId: giver.id })).sort()).toEqual([offers.PUBLIC.id, offers.NETWORK.id].sort());
    expect((await list(carol.token, { skillIds: [grantWriting] })).edges.some((e) => e.node.id === offers.ANONYMOUS.id)).toBe(true);
    // A hidden offer answers exactly like a random id.
    expect(await read(carol.token, offers.PARTNERS.id)).toEqual(await read(carol.token, randomUUID()));
    expect(await read(carol.token, 'not-a-uuid')).toEqual(await read(carol.token, randomUUID()));
  });

  it('an offer never reaches wider than its organization: a PUBLIC offer of an organization that turned PRIVATE is hidden', async () => {
    const giver = await org(alice);
    const offer = await postOk(alice.token, giver.id, { audience: 'PUBLIC' });
    await app.db.query(`UPDATE organizations SET visibility = 'PRIVATE' WHERE id = $1`, [giver.id]);
    expect(errorCode(await read(carol.token, offer.id))).toBe('NOT_FOUND');
    expect(errorCode(await read(null, offer.id))).toBe('NOT_FOUND');
    expect(ok(await read(alice.token, offer.id)).offer.organization!.id).toBe(giver.id);
    // Changing it needs a PRIVATE-compatible audience first.
    expect(ok(await update(alice.token, { id: offer.id, title: 'Still public?' })).offerUpdate.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID', 'input.audience']]);
    expect(ok(await update(alice.token, { id: offer.id, audience: 'ANONYMOUS' })).offerUpdate.userErrors).toEqual([]);
    expect(ok(await read(carol.token, offer.id)).offer.anonymousOrganization).not.toBeNull();
  });

  it('a PRIVATE organization\'s PARTNERS offer shows partners a card, not its name', async () => {
    const giver = await org(alice, { visibility: 'PRIVATE', kind: 'MEDIA', location: { country: 'KE', region: 'Coast', city: 'Mombasa', ...MOMBASA, precision: 'CITY' } });
    const friend = await org(bob);
    await partners(giver.id, friend.id);
    const offer = await postOk(alice.token, giver.id, { audience: 'PARTNERS' });
    const seen = ok(await read(bob.token, offer.id)).offer;
    expect(seen.organization).toBeNull();
    expect(seen.anonymousOrganization).toMatchObject({ kind: 'MEDIA', country: 'KE', region: 'Coast' });
    expect(errorCode(await read(carol.token, offer.id))).toBe('NOT_FOUND');
  });

  it('shows an anonymous offer as a card: kind, country, region, the offered capability; no city, issue areas or languages; a new token each time', async () => {
    const giver = await org(alice, { visibility: 'PRIVATE', kind: 'LEGAL_AID' });
    await addCapability(app, alice, giver.id, 'grant-writing', 'EXPERT');
    await addCapability(app, alice, giver.id, 'media-relations', 'BASIC');
    const first = await postOk(alice.token, giver.id, {
      audience: 'ANONYMOUS', place: { ...inNairobi, precision: 'EXACT' }, issueAreaIds: [refugees], languages: ['sw'],
    });
    const second = await postOk(alice.token, giver.id, { audience: 'ANONYMOUS' });
    const seen = ok(await read(carol.token, first.id)).offer;
    expect(seen).toMatchObject({
      organization: null, issueAreas: [], languages: [],
      place: { precision: 'REGION', country: 'KE', region: 'Nairobi County', city: null, latitude: -1.5, longitude: 36.5 },
      anonymousOrganization: {
        kind: 'LEGAL_AID', country: 'KE', region: 'Nairobi County',
        capabilities: [{ categoryId: 'FUNDRAISING', categoryName: 'Fundraising', skillName: 'Grant writing', level: 'EXPERT', remote: false }],
      },
    });
    expect(seen.anonymousOrganization!.token).toMatch(/^anon_[\w-]{16}$/);
    expect(ok(await read(carol.token, first.id)).offer.anonymousOrganization!.token).not.toBe(seen.anonymousOrganization!.token);
    // Two anonymous offers of one organization in one answer are not linked by their tokens.
    const page = await list(carol.token, { skillIds: [grantWriting] });
    const tokens = page.edges.filter((e) => [first.id, second.id].includes(e.node.id)).map((e) => e.node.anonymousOrganization!.token);
    expect(tokens).toHaveLength(2);
    expect(new Set(tokens).size).toBe(2);
    // Its own members see it by name, with everything.
    expect(ok(await read(alice.token, first.id)).offer).toMatchObject({ organization: { id: giver.id }, languages: ['sw'], issueAreas: [{ slug: 'refugee-resettlement' }] });
  });

  it('a place follows its organization when the organization coarsens its location later', async () => {
    const giver = await org(alice);
    const offer = await postOk(alice.token, giver.id, { place: { ...inNairobi, precision: 'EXACT' } });
    expect(ok(await read(carol.token, offer.id)).offer.place).toMatchObject({ precision: 'EXACT', city: 'Nairobi', latitude: -1.2922, longitude: 36.8219 });
    ok(await rawGql(app, 'mutation($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) { userErrors { code } } }',
      { input: { id: giver.id, location: { ...inNairobi, precision: 'REGION' } } }, alice.token));
    expect(ok(await read(carol.token, offer.id)).offer.place).toEqual({ precision: 'REGION', country: 'KE', region: 'Nairobi County', city: null, latitude: -1.5, longitude: 36.5 });
    expect(await listedIds(carol.token, { near: { latitude: -1.2921, longitude: 36.8219, radiusKm: 5 }, organizationId: giver.id })).toEqual([]);
  });
});

describe('the offers list', () => {
  let giver: Org;
  let coast: Org;
  let hiddenGiver: Org;
  const ids = {} as Record<'clinic' | 'mentoring' | 'volunteers' | 'toolkit' | 'coastal' | 'anonymous' | 'closed', string>;

  beforeAll(async () => {
    giver = await org(alice, { name: 'Nairobi Givers', location: { ...inNairobi, precision: 'CITY' } });
    coast = await org(alice, { name: 'Coast Givers', location: { country: 'KE', region: 'Coast', city: 'Mombasa', ...MOMBASA, precision: 'CITY' } });
    hiddenGiver = await org(alice, { visibility: 'PRIVATE', kind: 'UNION', location: { ...inNairobi, precision: 'EXACT' } });
    ids.clinic = (await postOk(alice.token, giver.id, { title: 'Budget clinic', description: 'Narratives and budgets for donors', issueAreaIds: [refugees], remote: false, place: { ...inNairobi, precision: 'CITY' } })).id;
    ids.mentoring = (await postOk(alice.token, giver.id, { title: 'Mentoring for first grants', format: 'MENTORING', issueAreaIds: [landRights] })).id;
    ids.volunteers = (await postOk(alice.token, giver.id, { title: 'Volunteers for a press day', skillId: mediaRelations, format: 'VOLUNTEERS', remote: false, place: { ...inNairobi, precision: 'CITY' } })).id;
    ids.toolkit = (await postOk(alice.token, giver.id, { title: 'Press toolkit', skillId: mediaRelations, format: 'TOOLKIT' })).id;
    ids.coastal = (await postOk(alice.token, coast.id, { title: 'Coastal grant day', remote: false, place: { country: 'KE', region: 'Coast', city: 'Mombasa', ...MOMBASA, precision: 'CITY' } })).id;
    // An anonymous offer placed exactly in Nairobi, serving refugees: none of that may be learnt through filters.
    ids.anonymous = (await postOk(alice.token, hiddenGiver.id, { title: 'Anonymous budget help', audience: 'ANONYMOUS', issueAreaIds: [refugees], remote: false, place: { ...inNairobi, precision: 'EXACT' } })).id;
    ids.closed = (await postOk(alice.token, giver.id, { title: 'Closed budget day' })).id;
    ok(await gql(app, OfferCloseDocument, { input: { id: ids.closed } }, alice.token));
  });

  const mine = (found: string[]) => found.filter((id) => Object.values(ids).includes(id)).sort();
  const expectIds = async (filter: OfferFilter, expected: (keyof typeof ids)[], token: string | null = carol.token) =>
    expect({ filter, ids: mine(await listedIds(token, filter)) }).toEqual({ filter, ids: expected.map((k) => ids[k]).sort() });

  it('filters by skill, category, format, remote, open status and organization', async () => {
    await expectIds({ skillIds: [mediaRelations] }, ['volunteers', 'toolkit']);
    await expectIds({ categoryIds: ['COMMUNICATIONS'] }, ['volunteers', 'toolkit']);
    await expectIds({ categoryIds: ['FUNDRAISING'], openOnly: true }, ['clinic', 'mentoring', 'coastal', 'anonymous']);
    await expectIds({ formats: ['MENTORING', 'TOOLKIT'] }, ['mentoring', 'toolkit']);
    await expectIds({ remote: false }, ['clinic', 'volunteers', 'coastal', 'anonymous']);
    await expectIds({ organizationId: giver.id }, ['clinic', 'mentoring', 'volunteers', 'toolkit', 'closed']);
    await expectIds({ organizationId: 'not-a-uuid' }, []);
  });

  it('filters by issue area without ever matching an anonymous offer, and by organization without naming one', async () => {
    await expectIds({ issueAreaIds: [refugees] }, ['clinic']);
    await expectIds({ organizationId: hiddenGiver.id }, []);
    // Its own members see it by name and find it both ways.
    await expectIds({ issueAreaIds: [refugees] }, ['clinic', 'anonymous'], alice.token);
    await expectIds({ organizationId: hiddenGiver.id }, ['anonymous'], alice.token);
  });

  it('searches titles and descriptions, most relevant first', async () => {
    const found = await listedIds(carol.token, { search: 'budgets' });
    expect(mine(found)).toEqual([ids.clinic, ids.anonymous, ids.closed].sort());
    expect(found[0]).toBe(ids.clinic); // title and description both match
    await expectIds({ search: 'press', openOnly: true }, ['volunteers', 'toolkit']);
  });

  it('near: named offers by their place\'s (or organization\'s) public position, anonymous ones only by their region cell', async () => {
    const near = (latitude: number, longitude: number, radiusKm: number): OfferFilter => ({ near: { latitude, longitude, radiusKm }, openOnly: true, categoryIds: ['FUNDRAISING'] });
    // Around the Nairobi city cell centre (-1.25, 36.85): the clinic (CITY place) and the mentoring (no place:
    // its organization's CITY position); the anonymous offer's region cell centre (-1.5, 36.5) is ~44 km away.
    await expectIds(near(-1.25, 36.85, 10), ['clinic', 'mentoring']);
    // The exact place of the anonymous offer, with a radius that holds the place but not its cell centre: no match.
    await expectIds(near(-1.2921, 36.8219, 30), ['clinic', 'mentoring']);
    // Around its cell centre it matches, with the distance to that centre in 100 km steps.
    const page = await list(carol.token, near(-1.5, 36.5, 5));
    expect(mine(page.edges.map((e) => e.node.id))).toEqual([ids.anonymous]);
    expect(page.edges.find((e) => e.node.id === ids.anonymous)!.node.distanceKm).toBe(100);
    // Distances of named offers are rounded to their precision (CITY: 10 km), nearest first.
    const all = await list(carol.token, near(-1.25, 36.85, 600));
    const order = all.edges.map((e) => e.node.id).filter((id) => Object.values(ids).includes(id));
    expect(order.at(-1)).toBe(ids.coastal);
    const cityPrecise = [ids.clinic, ids.mentoring, ids.coastal];
    const distances = all.edges.filter((e) => cityPrecise.includes(e.node.id)).map((e) => e.node.distanceKm!);
    expect(distances).toHaveLength(3);
    for (const km of distances) expect(km % 10).toBe(0);
  });

  it('pages with cursors and counts only what the viewer may see', async () => {
    const first = ok(await gql(app, OffersDocument, { filter: { organizationId: giver.id }, first: 2 }, carol.token)).offers;
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = ok(await gql(app, OffersDocument, { filter: { organizationId: giver.id }, first: 10, after: first.pageInfo.endCursor }, carol.token)).offers;
    expect(next.edges).toHaveLength(3);
    expect(new Set([...first.edges, ...next.edges].map((e) => e.node.id)).size).toBe(5);
    // Newest first.
    expect(first.edges[0].node.id).toBe(ids.closed);
    expect((await list(null, { skillIds: [grantWriting, mediaRelations] })).edges.some((e) => e.node.id === ids.anonymous)).toBe(false);
  });

  it('reads a page of offers with organization, skill and issue areas in a constant number of statements', async () => {
    // Background work of other features (saved-search matching after the posts below) also talks to the
    // database: count only what the request itself ran (the fewest of three; each anonymous try is a new text,
    // so the public response cache does not answer it).
    const statementsFor = async (first: number) => {
      const { count, result } = await fewestStatements(app, async (attempt) =>
        ok(await rawGql<{ offers: { edges: unknown[] } }>(app, `${print(OffersDeepDocument)}\n# try ${attempt}`, { first })));
      return { count, nodes: result.offers.edges.length };
    };
    // Enough offers for a page of 25.
    for (let i = 0; i < 20; i++) await postOk(alice.token, giver.id, { title: `Shape ${i}`, issueAreaIds: [refugees, landRights] });
    const small = await statementsFor(2);
    const large = await statementsFor(25);
    expect([small.nodes, large.nodes]).toEqual([2, 25]);
    expect(large.count).toBe(small.count);
    // The page, then one batch each for organizations, skills and issue areas.
    expect(large.count).toBe(4);
  });
});

describe('offersForNeeds', () => {
  it('is for members of the organization only', async () => {
    const seeker = await org(bob);
    const hidden = await org(bob, { visibility: 'PRIVATE' });
    expect(errorCode(await gql(app, OffersForNeedsDocument, { organizationId: seeker.id }, null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(app, OffersForNeedsDocument, { organizationId: seeker.id }, carol.token))).toBe('FORBIDDEN');
    const hiddenAnswer = await gql(app, OffersForNeedsDocument, { organizationId: hidden.id }, carol.token);
    expect(hiddenAnswer).toEqual(await gql(app, OffersForNeedsDocument, { organizationId: randomUUID() }, carol.token));
  });

  it('ranks open offers that meet open needs, with reasons: which need, level, distance, language, issue area', async () => {
    const seeker = await org(bob, { name: 'Seeker', languages: ['sw', 'en'], issueAreaIds: [refugees], location: { ...inNairobi, precision: 'CITY' } });
    const need = await addNeed(app, bob, seeker.id, 'grant-writing', 'CRITICAL');
    await app.db.query('UPDATE needs SET issue_area_id = $1 WHERE id = $2', [refugees, need.id]);
    await addNeed(app, bob, seeker.id, 'media-relations', 'LOW');
    const expert = await org(alice, { name: 'Expert Givers', location: { ...inNairobi, precision: 'CITY' } });
    await addCapability(app, alice, expert.id, 'grant-writing', 'EXPERT');
    const novice = await org(alice, { name: 'Novice Givers', location: { country: 'KE', region: 'Coast', city: 'Mombasa', ...MOMBASA, precision: 'CITY' } });
    const best = await postOk(alice.token, expert.id, { title: 'Expert clinic', remote: false, place: { ...inNairobi, precision: 'CITY' }, languages: ['sw'], issueAreaIds: [refugees] });
    const far = await postOk(alice.token, novice.id, { title: 'Far clinic', remote: false, place: { country: 'KE', region: 'Coast', city: 'Mombasa', ...MOMBASA, precision: 'CITY' }, languages: ['fr'] });
    const related = await postOk(alice.token, expert.id, { title: 'Fundraising strategy', skillId: await skillId(app, 'donor-relations') });
    const press = await postOk(alice.token, expert.id, { title: 'Press help', skillId: mediaRelations });
    const closed = await postOk(alice.token, expert.id, { title: 'Closed clinic' });
    ok(await gql(app, OfferCloseDocument, { input: { id: closed.id } }, alice.token));
    const full = await postOk(alice.token, expert.id, { title: 'Full clinic', seats: 1 });
    await app.db.query('UPDATE offers SET seats_taken = 1 WHERE id = $1', [full.id]);
    const lapsed = await postOk(alice.token, expert.id, { title: 'Lapsed clinic', requestDeadline: inDays(1) });
    await app.db.query(`UPDATE offers SET request_deadline = now() - interval '1 minute' WHERE id = $1`, [lapsed.id]);
    await postOk(bob.token, seeker.id, { title: 'Our own grant clinic' }); // never suggested to itself
    const unrelated = await postOk(alice.token, expert.id, { title: 'Transport', skillId: await skillId(app, 'transport') });

    const data = ok(await gql(app, OffersForNeedsDocument, { organizationId: seeker.id, first: 50 }, bob.token)).offersForNeeds;
    // Offers of other tests meet these needs too: look at this test's organizations' offers only.
    const ours = data.nodes.filter((n) => n.offer.organization && [expert.id, novice.id, seeker.id].includes(n.offer.organization.id));
    const titles = ours.map((n) => n.offer.title);
    for (const excluded of ['Closed clinic', 'Full clinic', 'Lapsed clinic', 'Our own grant clinic', unrelated.title]) expect(titles).not.toContain(excluded);
    expect(titles.slice(0, 2)).toEqual([best.title, far.title]);
    expect(titles).toEqual(expect.arrayContaining([related.title, press.title]));
    expect(titles.indexOf(related.title)).toBeGreaterThan(titles.indexOf(far.title));
    expect(data.totalCount).toBe(data.nodes.length);
    expect(data.nodes[0].offer.id).toBe(best.id);
    const top = ours[0];
    expect(top.need.id).toBe(need.id);
    expect(top.reasons.map((r) => r.code)).toEqual(['MEETS_NEED', 'LEVEL', 'DISTANCE', 'SHARED_ISSUE', 'LANGUAGE']);
    expect(top.reasons.map((r) => r.text)).toEqual([
      'meets your CRITICAL need "Grant writing"',
      'the offering organization lists an EXPERT capability in Grant writing',
      'within ~25 km (same area)',
      'serves Refugee resettlement, the issue area of your need',
      'given in Swahili, which you use',
    ]);
    // The weights add up to the score.
    expect(top.reasons.reduce((sum, r) => sum + r.weight, 0)).toBeCloseTo(top.score, 2);
    const farMatch = ours[1];
    expect(farMatch.reasons.find((r) => r.code === 'LEVEL')!.text).toBe('the offering organization lists no capability in Grant writing');
    expect(farMatch.reasons.find((r) => r.code === 'LANGUAGE')!.weight).toBeLessThan(0);
    expect(farMatch.distanceBand).toBe('within ~500 km'); // Nairobi to Mombasa, ~440 km
    expect(data.nodes.find((n) => n.offer.title === related.title)!.reasons[0].code).toBe('MEETS_NEED_RELATED');
    expect(data.nodes.find((n) => n.offer.title === press.title)!.need.skill.name).toBe('Media relations');
  });

  it('ranks anonymous offers on their card alone, with banded figures and card-only reasons', async () => {
    const seeker = await org(bob, { languages: ['sw'], issueAreaIds: [refugees], location: { ...inNairobi, precision: 'EXACT' } });
    await addNeed(app, bob, seeker.id, 'grant-writing', 'HIGH');
    const hidden = await org(alice, { visibility: 'PRIVATE', kind: 'FAITH_BASED', languages: ['sw'], location: { ...inNairobi, precision: 'EXACT' } });
    await addCapability(app, alice, hidden.id, 'grant-writing', 'PROFICIENT');
    const offer = await postOk(alice.token, hidden.id, {
      audience: 'ANONYMOUS', remote: false, place: { ...inNairobi, precision: 'EXACT' }, languages: ['sw'], issueAreaIds: [refugees],
    });
    const data = ok(await gql(app, OffersForNeedsDocument, { organizationId: seeker.id, first: 50 }, bob.token)).offersForNeeds;
    const match = data.nodes.find((n) => n.offer.id === offer.id)!;
    expect(match.offer.organization).toBeNull();
    expect(match.offer.anonymousOrganization).toMatchObject({ kind: 'FAITH_BASED', capabilities: [{ level: 'PROFICIENT' }] });
    expect(match.reasons.map((r) => r.code)).toEqual(['MEETS_NEED', 'LEVEL', 'DISTANCE']);
    const banded = (v: number) => Math.abs(v * 20 - Math.round(v * 20)) < 1e-9;
    expect([match.score, ...match.reasons.map((r) => r.weight)].every(banded)).toBe(true);
    // Same cell, but only its region cell counts: no km figure, a region band, 100 km steps.
    expect(match.distanceBand).toBe('within ~150 km (same region)');
    expect(match.distanceKm! % 100).toBe(0);
  });

  it('leaves out offers of kinds the seeker\'s own dealbreakers refuse', async () => {
    const seeker = await org(bob, { dealbreakerKinds: ['ACADEMIC'] });
    await addNeed(app, bob, seeker.id, 'grant-writing', 'HIGH');
    const academic = await org(alice, { kind: 'ACADEMIC' });
    const offer = await postOk(alice.token, academic.id, { title: 'Academic clinic' });
    const data = ok(await gql(app, OffersForNeedsDocument, { organizationId: seeker.id, first: 100 }, bob.token)).offersForNeeds;
    expect(data.nodes.map((n) => n.offer.id)).not.toContain(offer.id);
  });
});
