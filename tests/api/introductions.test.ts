import { randomUUID } from 'node:crypto';
import {
  CollaborationsDocument, IntroductionsDocument, OrgUpdateDocument, RateCollaborationDocument,
  RequestIntroductionDocument, RespondToIntroductionDocument, WithdrawIntroductionDocument,
  type IntroductionsQueryVariables, type OrganizationCreateInput, type RateCollaborationInput, type RequestIntroductionInput,
} from '../generated/graphql.js';
import { addMember, createOrg, signUp, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok, type GraphQLResponse } from '../support/graphql-client.js';
import { fewestStatements } from '../support/statements.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let alice: TestUser; // owns the requesting organizations
let bob: TestUser; // owns the organizations asked
let carol: TestUser; // a signed-in third party
beforeAll(async () => {
  app = await startTestApp();
  [alice, bob, carol] = await Promise.all([signUp(app, 'Alice'), signUp(app, 'Bob'), signUp(app, 'Carol')]);
});
afterAll(() => app?.close());

type Org = Awaited<ReturnType<typeof createOrg>>;

const org = (owner: TestUser, input: Partial<OrganizationCreateInput> = {}) => createOrg(app, owner, input);

/** A fresh pair, so each test starts with no introduction between them. */
async function pair(toInput: Partial<OrganizationCreateInput> = {}): Promise<[Org, Org]> {
  return [await org(alice, { name: 'Requesters' }), await org(bob, { name: 'Receivers', ...toInput })];
}

function request(token: string, input: RequestIntroductionInput) {
  return gql(app, RequestIntroductionDocument, { input }, token);
}

async function requestOk(from: Org, to: Org, token = alice.token) {
  const payload = ok(await request(token, { fromOrganizationId: from.id, toOrganizationId: to.id, message: 'Hello, shall we meet?' })).requestIntroduction;
  expect(payload.userErrors).toEqual([]);
  return payload.introduction!;
}

function respond(token: string, introductionId: string, accept: boolean) {
  return gql(app, RespondToIntroductionDocument, { input: { introductionId, accept } }, token);
}

function list(token: string, variables: IntroductionsQueryVariables) {
  return gql(app, IntroductionsDocument, variables, token);
}

function rate(token: string, input: RateCollaborationInput) {
  return gql(app, RateCollaborationDocument, { input }, token);
}

async function withRole(target: Org, owner: TestUser, role: 'EDITOR' | 'MEMBER'): Promise<TestUser> {
  const user = await signUp(app, role);
  const added = await addMember(app, owner, target.id, user, role);
  expect(added.userErrors).toEqual([]);
  return user;
}

async function counts(): Promise<{ introductions: number; collaborations: number }> {
  const [row] = await app.db.query(`SELECT (SELECT count(*)::int FROM introductions) AS introductions,
    (SELECT count(*)::int FROM collaborations) AS collaborations`);
  return row;
}

/** What a client can observe of a failed call: enough to tell two answers apart. */
function observable(response: GraphQLResponse<unknown>) {
  return {
    status: response.status,
    data: response.data,
    errors: response.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, path: e.path })),
  };
}

describe('request and accept', () => {
  it('creates a PENDING request that expires in 30 days, then a collaboration both sides see', async () => {
    const [from, to] = await pair();
    const reasons = ['covers your HIGH need "grant writing" with an EXPERT capability', 'both work on refugee resettlement'];
    const requested = ok(await request(alice.token, { fromOrganizationId: from.id, toOrganizationId: to.id, message: '  Let us talk  ', reasons })).requestIntroduction;
    expect(requested.userErrors).toEqual([]);
    const intro = requested.introduction!;
    expect(intro).toMatchObject({
      message: 'Let us talk', reasons, status: 'PENDING', respondedAt: null,
      fromOrganization: { id: from.id, name: 'Requesters' }, toOrganization: { id: to.id, name: 'Receivers' },
    });
    expect(Date.parse(intro.expiresAt) - Date.parse(intro.createdAt)).toBe(30 * 24 * 3600 * 1000);

    const received = ok(await list(bob.token, { organizationId: to.id, direction: 'RECEIVED' })).introductions;
    expect(received.totalCount).toBe(1);
    expect(received.nodes).toEqual([intro]);
    const sent = ok(await list(alice.token, { organizationId: from.id, direction: 'SENT' })).introductions;
    expect(sent.nodes.map((n) => n.id)).toEqual([intro.id]);
    expect(ok(await list(alice.token, { organizationId: from.id, direction: 'RECEIVED' })).introductions.totalCount).toBe(0);

    const accepted = ok(await respond(bob.token, intro.id, true)).respondToIntroduction;
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.introduction).toMatchObject({ id: intro.id, status: 'ACCEPTED' });
    expect(Date.parse(accepted.introduction!.respondedAt!)).toBeGreaterThanOrEqual(Date.parse(intro.createdAt));

    const mine = ok(await gql(app, CollaborationsDocument, { organizationId: from.id }, alice.token)).collaborations;
    expect(mine.totalCount).toBe(1);
    expect(mine.nodes[0]).toMatchObject({ source: 'INTRODUCTION', myRating: null, partnerRated: false, partner: { id: to.id } });
    const theirs = ok(await gql(app, CollaborationsDocument, { organizationId: to.id }, bob.token)).collaborations;
    expect(theirs.nodes).toEqual([expect.objectContaining({ id: mine.nodes[0].id, partner: { id: from.id, name: 'Requesters' } })]);

    const [row] = await app.db.query('SELECT organization_a_id, organization_b_id, introduction_id FROM collaborations WHERE id = $1', [mine.nodes[0].id]);
    expect([row.organization_a_id, row.organization_b_id]).toEqual([from.id, to.id].sort());
    expect(row.introduction_id).toBe(intro.id);
  });

  it('each side rates its own side; the partner sees only that a rating exists', async () => {
    const [from, to] = await pair();
    await respond(bob.token, (await requestOk(from, to)).id, true);
    const [collab] = ok(await gql(app, CollaborationsDocument, { organizationId: from.id }, alice.token)).collaborations.nodes;
    const rated = ok(await rate(alice.token, { collaborationId: collab.id, rating: 4 })).rateCollaboration;
    expect(rated).toEqual({ collaboration: { id: collab.id, source: 'INTRODUCTION', myRating: 4, partnerRated: false, partner: { id: to.id } }, userErrors: [] });
    const seenByBob = ok(await gql(app, CollaborationsDocument, { organizationId: to.id }, bob.token)).collaborations.nodes[0];
    expect(seenByBob).toMatchObject({ myRating: null, partnerRated: true });
    const [row] = await app.db.query('SELECT feedback_a, feedback_b FROM collaborations WHERE id = $1', [collab.id]);
    expect(from.id < to.id ? row : { feedback_a: row.feedback_b, feedback_b: row.feedback_a }).toEqual({ feedback_a: 4, feedback_b: null });
  });

  it('a pair that already collaborates may still ask again; accepting again keeps one collaboration', async () => {
    const [from, to] = await pair();
    await respond(bob.token, (await requestOk(from, to)).id, true);
    const again = await requestOk(from, to);
    expect(again.status).toBe('PENDING');
    expect(ok(await respond(bob.token, again.id, true)).respondToIntroduction.userErrors).toEqual([]);
    expect(ok(await gql(app, CollaborationsDocument, { organizationId: from.id }, alice.token)).collaborations.totalCount).toBe(1);
  });

  it('an EDITOR of the requester may ask; a MEMBER and a non-member are FORBIDDEN and nothing is written', async () => {
    const [from, to] = await pair();
    const editor = await withRole(from, alice, 'EDITOR');
    const member = await withRole(from, alice, 'MEMBER');
    const before = await counts();
    for (const user of [member, carol]) {
      const response = await request(user.token, { fromOrganizationId: from.id, toOrganizationId: to.id, message: 'hi' });
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
    }
    expect(await counts()).toEqual(before);
    expect((await requestOk(from, to, editor.token)).status).toBe('PENDING');
  });
});

describe('refusals: a user error or error code, and nothing written', () => {
  it('decline: DECLINED, no collaboration, and it cannot be answered twice', async () => {
    const [from, to] = await pair();
    const intro = await requestOk(from, to);
    const declined = ok(await respond(bob.token, intro.id, false)).respondToIntroduction;
    expect(declined.introduction).toMatchObject({ id: intro.id, status: 'DECLINED' });
    expect(declined.introduction!.respondedAt).not.toBeNull();
    expect(ok(await gql(app, CollaborationsDocument, { organizationId: to.id }, bob.token)).collaborations.totalCount).toBe(0);
    const before = await counts();
    const twice = ok(await respond(bob.token, intro.id, true)).respondToIntroduction;
    expect(twice).toEqual({ introduction: null, userErrors: [expect.objectContaining({ code: 'INVALID_STATE', field: 'input.introductionId' })] });
    expect(await counts()).toEqual(before);
  });

  it('a second pending request for the same pair is TAKEN on input.toOrganizationId', async () => {
    const [from, to] = await pair();
    await requestOk(from, to);
    const before = await counts();
    const second = ok(await request(alice.token, { fromOrganizationId: from.id, toOrganizationId: to.id, message: 'again' })).requestIntroduction;
    expect(second).toEqual({ introduction: null, userErrors: [expect.objectContaining({ code: 'TAKEN', field: 'input.toOrganizationId' })] });
    expect(await counts()).toEqual(before);
    // The other direction is a different request.
    expect((await requestOk(to, from, bob.token)).status).toBe('PENDING');
  });

  it('to itself: SAME_ORGANIZATION on input.toOrganizationId', async () => {
    const [from] = await pair();
    const before = await counts();
    const payload = ok(await request(alice.token, { fromOrganizationId: from.id, toOrganizationId: from.id.toUpperCase(), message: 'me' })).requestIntroduction;
    expect(payload).toEqual({ introduction: null, userErrors: [expect.objectContaining({ code: 'SAME_ORGANIZATION', field: 'input.toOrganizationId' })] });
    expect(await counts()).toEqual(before);
  });

  it("the requester's own dealbreakers: NOT_ACCEPTED saying so, nothing written", async () => {
    const union = await org(bob, { name: 'Picky Union', kind: 'UNION', dealbreakerKinds: ['NGO'] });
    const ngo = await org(alice, { name: 'Plain NGO', kind: 'NGO' });
    const before = await counts();
    const payload = ok(await request(bob.token, { fromOrganizationId: union.id, toOrganizationId: ngo.id, message: 'hi' })).requestIntroduction;
    expect(payload).toEqual({
      introduction: null,
      userErrors: [{ code: 'NOT_ACCEPTED', field: 'input.toOrganizationId', message: "Your organization's own dealbreakers exclude this kind of organization" }],
    });
    expect(await counts()).toEqual(before);
  });

  it("the target's dealbreakers: answered like any request, stored undelivered, invisible to the target", async () => {
    const ngo = await org(alice, { name: 'Plain NGO', kind: 'NGO' });
    const union = await org(bob, { name: 'Picky Union', kind: 'UNION', dealbreakerKinds: ['NGO'] });
    const open = await org(bob, { name: 'Open Union', kind: 'UNION' });
    const refused = await requestOk(ngo, union);
    const ordinary = await requestOk(ngo, open);
    const shape = (i: typeof refused) => ({ ...i, id: 'x', createdAt: 'x', expiresAt: 'x', toOrganization: { ...i.toOrganization, id: 'x', name: 'x' } });
    expect(shape(refused)).toEqual(shape(ordinary));
    expect(refused.status).toBe('PENDING');
    const rows = await app.db.query('SELECT id, delivered FROM introductions WHERE from_organization_id = $1 ORDER BY created_at', [ngo.id]);
    expect(rows).toEqual([{ id: refused.id, delivered: false }, { id: ordinary.id, delivered: true }]);

    // The target's members: not in any list or count, and answering it is NOT_FOUND like a random id.
    for (const variables of [{ organizationId: union.id }, { organizationId: union.id, direction: 'RECEIVED' as const }, { organizationId: union.id, status: 'PENDING' as const }]) {
      expect(ok(await list(bob.token, variables)).introductions).toMatchObject({ totalCount: 0, nodes: [] });
    }
    const answer = await respond(bob.token, refused.id, true);
    expect(errorCode(answer)).toBe('NOT_FOUND');
    expect(observable(answer)).toEqual(observable(await respond(bob.token, randomUUID(), true)));
    // A second request while it is pending: the same TAKEN as for an ordinary pending one.
    const again = (to: Org) => request(alice.token, { fromOrganizationId: ngo.id, toOrganizationId: to.id, message: 'again' });
    const [refusedAgain, ordinaryAgain] = [ok(await again(union)).requestIntroduction, ok(await again(open)).requestIntroduction];
    expect(refusedAgain).toEqual({ introduction: null, userErrors: [expect.objectContaining({ code: 'TAKEN', field: 'input.toOrganizationId' })] });
    expect(refusedAgain).toEqual(ordinaryAgain);
    // The requester sees both, alike; it may withdraw either.
    const sent = ok(await list(alice.token, { organizationId: ngo.id, direction: 'SENT', status: 'PENDING' })).introductions;
    expect(sent.nodes.map((n) => [n.id, n.status])).toEqual([[ordinary.id, 'PENDING'], [refused.id, 'PENDING']]);
    const withdrawn = ok(await gql(app, WithdrawIntroductionDocument, { input: { introductionId: refused.id } }, alice.token)).withdrawIntroduction;
    expect(withdrawn.introduction).toMatchObject({ id: refused.id, status: 'WITHDRAWN' });
    const [row] = await app.db.query('SELECT status FROM introductions WHERE id = $1', [refused.id]);
    expect(row.status).toBe('WITHDRAWN');
  });

  it('a PRIVATE target answers exactly like a random id: NOT_FOUND', async () => {
    const [from] = await pair();
    const hidden = await org(bob, { name: 'Hidden Shelter', visibility: 'PRIVATE' });
    const before = await counts();
    const send = (toOrganizationId: string) => request(alice.token, { fromOrganizationId: from.id, toOrganizationId, message: 'hi' });
    const privateAnswer = await send(hidden.id);
    expect(errorCode(privateAnswer)).toBe('NOT_FOUND');
    expect(JSON.stringify(privateAnswer)).not.toContain('Hidden Shelter');
    expect(observable(privateAnswer)).toEqual(observable(await send(randomUUID())));
    expect(observable(privateAnswer)).toEqual(observable(await send('not-a-uuid')));
    expect(await counts()).toEqual(before);
  });

  it('invalid input: user errors naming the field', async () => {
    const [from, to] = await pair();
    const before = await counts();
    const cases: [Partial<RequestIntroductionInput>, string, string][] = [
      [{ message: '' }, 'input.message', 'INVALID_LENGTH'],
      [{ message: '   ' }, 'input.message', 'INVALID_FORMAT'],
      [{ message: 'm'.repeat(2001) }, 'input.message', 'INVALID_LENGTH'],
      [{ reasons: Array.from({ length: 11 }, (_, i) => `reason ${i}`) }, 'input.reasons', 'TOO_MANY'],
      [{ reasons: ['r'.repeat(301)] }, 'input.reasons', 'INVALID_LENGTH'],
    ];
    for (const [input, field, code] of cases) {
      const payload = ok(await request(alice.token, { fromOrganizationId: from.id, toOrganizationId: to.id, message: 'ok', ...input })).requestIntroduction;
      expect(payload).toEqual({ introduction: null, userErrors: [expect.objectContaining({ field, code })] });
    }
    expect(await counts()).toEqual(before);
  });
});

describe('who may see and answer an introduction', () => {
  it('a third party cannot list, answer or withdraw it: NOT_FOUND like a random id', async () => {
    const [from, to] = await pair();
    const intro = await requestOk(from, to);
    expect(errorCode(await list(carol.token, { organizationId: to.id }))).toBe('FORBIDDEN');
    expect(errorCode(await list('', { organizationId: to.id }))).toBe('UNAUTHENTICATED');
    const answer = await respond(carol.token, intro.id, true);
    expect(errorCode(answer)).toBe('NOT_FOUND');
    expect(observable(answer)).toEqual(observable(await respond(carol.token, randomUUID(), true)));
    const withdraw = await gql(app, WithdrawIntroductionDocument, { input: { introductionId: intro.id } }, carol.token);
    expect(errorCode(withdraw)).toBe('NOT_FOUND');
    const [row] = await app.db.query('SELECT status FROM introductions WHERE id = $1', [intro.id]);
    expect(row.status).toBe('PENDING');
  });

  it('only owners and editors of the organization asked may answer; the requester may not', async () => {
    const [from, to] = await pair();
    const intro = await requestOk(from, to);
    const member = await withRole(to, bob, 'MEMBER');
    const before = await counts();
    expect(errorCode(await respond(alice.token, intro.id, true))).toBe('FORBIDDEN');
    expect(errorCode(await respond(member.token, intro.id, true))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    // A plain member still sees it in the list, still pending.
    expect(ok(await list(member.token, { organizationId: to.id })).introductions.nodes.map((n) => [n.id, n.status])).toEqual([[intro.id, 'PENDING']]);
    const editor = await withRole(to, bob, 'EDITOR');
    expect(ok(await respond(editor.token, intro.id, true)).respondToIntroduction.introduction?.status).toBe('ACCEPTED');
  });

  it('withdraw: only the requester, only while pending; then it cannot be accepted', async () => {
    const [from, to] = await pair();
    const intro = await requestOk(from, to);
    expect(errorCode(await gql(app, WithdrawIntroductionDocument, { input: { introductionId: intro.id } }, bob.token))).toBe('FORBIDDEN');
    const withdrawn = ok(await gql(app, WithdrawIntroductionDocument, { input: { introductionId: intro.id } }, alice.token)).withdrawIntroduction;
    expect(withdrawn.introduction).toMatchObject({ id: intro.id, status: 'WITHDRAWN', respondedAt: null });
    const late = ok(await respond(bob.token, intro.id, true)).respondToIntroduction;
    expect(late.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: 'input.introductionId' })]);
    expect(ok(await gql(app, CollaborationsDocument, { organizationId: to.id }, bob.token)).collaborations.totalCount).toBe(0);
  });

  it('the other side turned PRIVATE: its field is null, nothing about it leaks', async () => {
    const [from, to] = await pair();
    await respond(bob.token, (await requestOk(from, to)).id, true);
    ok(await gql(app, OrgUpdateDocument, { input: { id: from.id, visibility: 'PRIVATE' } }, alice.token));
    const received = ok(await list(bob.token, { organizationId: to.id })).introductions.nodes;
    expect(received).toEqual([expect.objectContaining({ fromOrganization: null, toOrganization: { id: to.id, name: 'Receivers' } })]);
    const collabs = ok(await gql(app, CollaborationsDocument, { organizationId: to.id }, bob.token)).collaborations.nodes;
    expect(collabs).toEqual([expect.objectContaining({ partner: null, source: 'INTRODUCTION' })]);
    // Its own members still see it.
    expect(ok(await list(alice.token, { organizationId: from.id })).introductions.nodes[0].fromOrganization?.id).toBe(from.id);
  });
});

describe('expiry and lists', () => {
  it('an expired request reads as EXPIRED, cannot be accepted, and does not block a new request', async () => {
    const [from, to] = await pair();
    const intro = await requestOk(from, to);
    await app.db.query(`UPDATE introductions SET expires_at = now() - interval '1 minute' WHERE id = $1`, [intro.id]);
    const before = await counts();
    const late = ok(await respond(bob.token, intro.id, true)).respondToIntroduction;
    expect(late).toEqual({ introduction: null, userErrors: [expect.objectContaining({ code: 'INVALID_STATE', field: 'input.introductionId' })] });
    expect(await counts()).toEqual(before);
    const expired = ok(await list(bob.token, { organizationId: to.id, status: 'EXPIRED' })).introductions.nodes;
    expect(expired.map((n) => [n.id, n.status])).toEqual([[intro.id, 'EXPIRED']]);
    expect(ok(await list(bob.token, { organizationId: to.id, status: 'PENDING' })).introductions.totalCount).toBe(0);

    const fresh = await requestOk(from, to);
    expect(fresh.status).toBe('PENDING');
    const rows = await app.db.query('SELECT id, status FROM introductions WHERE from_organization_id = $1 ORDER BY created_at', [from.id]);
    expect(rows).toEqual([{ id: intro.id, status: 'EXPIRED' }, { id: fresh.id, status: 'PENDING' }]);
  });

  it('newest first, paged, filtered by direction and status', async () => {
    const target = await org(bob, { name: 'Popular' });
    const senders = [await org(alice, { name: 'S1' }), await org(alice, { name: 'S2' }), await org(alice, { name: 'S3' })];
    const ids: string[] = [];
    for (const sender of senders) ids.push((await requestOk(sender, target)).id);
    const outgoing = await requestOk(target, senders[0], bob.token);
    const first = ok(await list(bob.token, { organizationId: target.id, direction: 'RECEIVED', first: 2 })).introductions;
    expect(first.totalCount).toBe(3);
    expect(first.nodes.map((n) => n.id)).toEqual([ids[2], ids[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = ok(await list(bob.token, { organizationId: target.id, direction: 'RECEIVED', first: 2, after: first.pageInfo.endCursor })).introductions;
    expect(rest.nodes.map((n) => n.id)).toEqual([ids[0]]);
    const both = ok(await list(bob.token, { organizationId: target.id })).introductions;
    expect(both.nodes.map((n) => n.id)).toEqual([outgoing.id, ids[2], ids[1], ids[0]]);
    expect(ok(await list(bob.token, { organizationId: target.id, status: 'ACCEPTED' })).introductions.totalCount).toBe(0);
  });

  it('a constant number of SQL statements whatever the page size (no query per row)', async () => {
    const target = await org(bob, { name: 'Busy' });
    for (let i = 0; i < 4; i++) await requestOk(await org(alice, { name: `Sender ${i}` }), target);
    const statementsFor = async (first: number) => {
      const { count, result } = await fewestStatements(app, async () => ok(await list(bob.token, { organizationId: target.id, first })).introductions);
      return { statements: count, nodes: result.nodes.length };
    };
    const small = await statementsFor(1);
    const large = await statementsFor(4);
    expect([small.nodes, large.nodes]).toEqual([1, 4]);
    expect(large.statements).toBe(small.statements);
  });
});

describe('rateCollaboration', () => {
  it('a rating out of 1..5 is OUT_OF_RANGE on input.rating and changes nothing; a third party gets NOT_FOUND', async () => {
    const [from, to] = await pair();
    await respond(bob.token, (await requestOk(from, to)).id, true);
    const [collab] = ok(await gql(app, CollaborationsDocument, { organizationId: from.id }, alice.token)).collaborations.nodes;
    for (const rating of [0, 6, -1]) {
      const payload = ok(await rate(alice.token, { collaborationId: collab.id, rating })).rateCollaboration;
      expect(payload).toEqual({ collaboration: null, userErrors: [expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'input.rating' })] });
    }
    const thirdParty = await rate(carol.token, { collaborationId: collab.id, rating: 5 });
    expect(errorCode(thirdParty)).toBe('NOT_FOUND');
    expect(observable(thirdParty)).toEqual(observable(await rate(carol.token, { collaborationId: randomUUID(), rating: 5 })));
    const [row] = await app.db.query('SELECT feedback_a, feedback_b FROM collaborations WHERE id = $1', [collab.id]);
    expect(row).toEqual({ feedback_a: null, feedback_b: null });
  });
});
