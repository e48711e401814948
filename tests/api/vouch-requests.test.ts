import { randomUUID } from 'node:crypto';
import type { OrganizationCreateInput } from '../generated/graphql.js';
import { addMember, createOrg, makeAdmin, signUp, type TestUser } from '../support/factories.js';
import { errorCode, ok, rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Vouch requests: a group nobody may see (PRIVATE) asks one verified organization it can see for a vouch. The
// request reveals the group's card to that organization's members only, while it is pending or the vouch stands
// (privacy/vouch-request-grant.ts); the asked organization vouches (vouchCreate) or declines; the group may withdraw.

let app: TestApp;
let admin: TestUser;
let vera: TestUser; // owns the asked verified organizations
let mo: TestUser; // a plain MEMBER of vera's organizations
let tina: TestUser; // owns a third verified organization
let gina: TestUser; // owns the PRIVATE groups that ask
let sam: TestUser; // a signed-in stranger
beforeAll(async () => {
  app = await startTestApp();
  [admin, vera, mo, tina, gina, sam] = await Promise.all(['Admin', 'Vera', 'Mo', 'Tina', 'Gina', 'Sam'].map((n) => signUp(app, n)));
  await makeAdmin(app, admin);
});
afterAll(() => app?.close());

type Org = Awaited<ReturnType<typeof createOrg>>;

async function verifiedOrg(owner = vera, input: Partial<OrganizationCreateInput> = {}): Promise<Org> {
  const org = await createOrg(app, owner, { name: `Verified ${randomUUID().slice(0, 6)}`, ...input });
  ok(await rawGql(app, 'mutation($input: OrganizationVerifyInput!) { organizationVerify(input: $input) { userErrors { code } } }', { input: { id: org.id, verified: true } }, admin.token));
  if (owner === vera) await addMember(app, vera, org.id, mo, 'MEMBER');
  return org;
}

function privateGroup(name = `Defenders ${randomUUID().slice(0, 6)}`): Promise<Org> {
  return createOrg(app, gina, { name, kind: 'COMMUNITY_GROUP', visibility: 'PRIVATE', mission: 'Accompanying land defenders at risk' });
}

const REQUEST = 'id status message createdAt vouchId group { id name kind mission website country languages createdAt } voucher { id name }';

function ask(token: string | null, organizationId: string, voucherOrganizationId: string, message = 'We have worked with your lawyers since 2021.') {
  return rawGql<{ vouchRequest: { vouchRequest: { id: string; status: string } | null; userErrors: { code: string; field: string }[] } }>(app,
    `mutation($input: VouchRequestInput!) { vouchRequest(input: $input) { vouchRequest { ${REQUEST} } userErrors { code field } } }`,
    { input: { organizationId, voucherOrganizationId, message } }, token);
}

async function askOk(group: Org, voucher: Org): Promise<string> {
  const payload = ok(await ask(gina.token, group.id, voucher.id)).vouchRequest;
  expect(payload.userErrors).toEqual([]);
  expect(payload.vouchRequest?.status).toBe('PENDING');
  return payload.vouchRequest!.id;
}

interface Listed { id: string; status: string; vouchId: string | null; group: { id: string; name: string; mission: string; country: string | null }; voucher: { id: string } | null }

function listAnswer(token: string | null, organizationId: string) {
  return rawGql<{ vouchRequests: { totalCount: number; nodes: Listed[] } }>(app,
    `query($id: ID!) { vouchRequests(organizationId: $id) { totalCount nodes { ${REQUEST} } } }`, { id: organizationId }, token);
}

async function list(token: string, organizationId: string): Promise<Listed[]> {
  const answer = ok(await listAnswer(token, organizationId)).vouchRequests;
  expect(answer.totalCount).toBe(answer.nodes.length);
  return answer.nodes;
}

function vouch(token: string, voucherOrganizationId: string, organizationId: string) {
  return rawGql<{ vouchCreate: { vouch: { id: string } | null; organization: { id: string } | null; vouchRequest: Listed | null; userErrors: { code: string }[] } }>(app,
    `mutation($input: VouchCreateInput!) { vouchCreate(input: $input) { vouch { id } organization { id } vouchRequest { ${REQUEST} } userErrors { code } } }`,
    { input: { voucherOrganizationId, organizationId, statement: 'We know them well.' } }, token);
}

function answer(token: string | null, field: 'vouchRequestDecline' | 'vouchRequestWithdraw', vouchRequestId: string) {
  return rawGql<Record<string, { vouchRequest: Listed | null; userErrors: { code: string; field: string }[] }>>(app,
    `mutation($input: VouchRequestAnswerInput!) { ${field}(input: $input) { vouchRequest { ${REQUEST} } userErrors { code field } } }`, { input: { vouchRequestId } }, token);
}

function profile(token: string | null, id: string) {
  return rawGql<{ organization: { id: string } | null }>(app, 'query($id: ID!) { organization(id: $id) { id name } }', { id }, token);
}

describe('asking for a vouch', () => {
  it('shows the PRIVATE group to the asked organization\'s members only, who may then vouch; the grant lasts while the vouch stands', async () => {
    const asked = await verifiedOrg();
    const third = await verifiedOrg(tina);
    const group = await privateGroup('Defenders of the Valley');
    // Before the request, the asked organization may not vouch: the group answers like a random id.
    const before = await vouch(vera.token, asked.id, group.id);
    expect(errorCode(before)).toBe('NOT_FOUND');
    expect(before).toEqual(await vouch(vera.token, asked.id, randomUUID()));

    const requestId = await askOk(group, asked);
    for (const member of [vera, mo]) {
      const seen = await list(member.token, asked.id);
      expect(seen).toEqual([expect.objectContaining({
        id: requestId, status: 'PENDING', vouchId: null, voucher: { id: asked.id, name: asked.name },
        group: { id: group.id, name: 'Defenders of the Valley', kind: 'COMMUNITY_GROUP', mission: 'Accompanying land defenders at risk', website: null, country: null, languages: [], createdAt: expect.any(String) },
      })]);
    }
    // The grant is the request's card, not the profile: the group stays out of organization(id) for them.
    expect(ok(await profile(vera.token, group.id)).organization).toBeNull();
    // Nobody else: a third organization, a stranger, an admin, a signed-out visitor.
    expect(await list(tina.token, third.id)).toEqual([]);
    const thirdVouch = await vouch(tina.token, third.id, group.id);
    expect(errorCode(thirdVouch)).toBe('NOT_FOUND');
    expect(thirdVouch).toEqual(await vouch(tina.token, third.id, randomUUID()));
    expect(errorCode(await listAnswer(sam.token, asked.id))).toBe('FORBIDDEN');
    expect(errorCode(await listAnswer(admin.token, asked.id))).toBe('FORBIDDEN');
    expect(errorCode(await listAnswer(null, asked.id))).toBe('UNAUTHENTICATED');
    expect(errorCode(await listAnswer(sam.token, group.id))).toBe('NOT_FOUND');

    const given = ok(await vouch(vera.token, asked.id, group.id)).vouchCreate;
    expect(given.userErrors).toEqual([]);
    // The vouch itself is named where both ends are visible: the group is not, so only the request shows it.
    expect(given.vouch).toBeNull();
    expect(given.vouchRequest).toMatchObject({ id: requestId, status: 'VOUCHED', vouchId: expect.any(String), group: { id: group.id } });
    const vouchId = given.vouchRequest!.vouchId!;
    expect(await list(vera.token, asked.id)).toEqual([expect.objectContaining({ id: requestId, status: 'VOUCHED', vouchId })]);
    expect(await list(gina.token, group.id)).toEqual([expect.objectContaining({ id: requestId, status: 'VOUCHED', vouchId, voucher: { id: asked.id, name: asked.name } })]);
    const [{ n }] = await app.db.query('SELECT count(*)::int AS n FROM vouches WHERE vouchee_organization_id = $1 AND withdrawn_at IS NULL', [group.id]);
    expect(n).toBe(1);

    // The vouch withdrawn: the grant ends with it.
    ok(await rawGql(app, 'mutation($input: VouchWithdrawInput!) { vouchWithdraw(input: $input) { userErrors { code } } }', { input: { vouchId } }, vera.token));
    expect(await list(vera.token, asked.id)).toEqual([]);
    expect(errorCode(await vouch(vera.token, asked.id, group.id))).toBe('NOT_FOUND');
    expect(await list(gina.token, group.id)).toEqual([expect.objectContaining({ id: requestId, status: 'VOUCH_WITHDRAWN', vouchId: null })]);
  });

  it('a decline ends the grant; the group learns DECLINED and nothing else, and may not ask the same organization again for a while', async () => {
    const asked = await verifiedOrg();
    const group = await privateGroup();
    const requestId = await askOk(group, asked);
    // Only owners and editors of the asked organization decline; the group cannot decline its own request.
    expect(errorCode(await answer(mo.token, 'vouchRequestDecline', requestId))).toBe('FORBIDDEN');
    expect(errorCode(await answer(gina.token, 'vouchRequestDecline', requestId))).toBe('FORBIDDEN');
    const strangers = await answer(sam.token, 'vouchRequestDecline', requestId);
    expect(errorCode(strangers)).toBe('NOT_FOUND');
    expect(strangers).toEqual(await answer(sam.token, 'vouchRequestDecline', randomUUID()));

    const declined = ok(await answer(vera.token, 'vouchRequestDecline', requestId)).vouchRequestDecline;
    expect(declined).toEqual({ vouchRequest: null, userErrors: [] });
    expect(await list(vera.token, asked.id)).toEqual([]);
    expect(await list(mo.token, asked.id)).toEqual([]);
    const after = await vouch(vera.token, asked.id, group.id);
    expect(errorCode(after)).toBe('NOT_FOUND');
    expect(after).toEqual(await vouch(vera.token, asked.id, randomUUID()));
    // Declining again: the request no longer exists for the asked side.
    expect(errorCode(await answer(vera.token, 'vouchRequestDecline', requestId))).toBe('NOT_FOUND');

    const mine = await list(gina.token, group.id);
    expect(mine).toEqual([expect.objectContaining({ id: requestId, status: 'DECLINED', vouchId: null })]);
    // Nothing about who declined or when.
    const text = JSON.stringify(await listAnswer(gina.token, group.id));
    expect(text).not.toContain(vera.id);
    expect(Object.keys(mine[0]).sort()).toEqual(['createdAt', 'group', 'id', 'message', 'status', 'vouchId', 'voucher']);
    expect(ok(await ask(gina.token, group.id, asked.id)).vouchRequest.userErrors).toEqual([{ code: 'RECENTLY_DECLINED', field: 'input.voucherOrganizationId' }]);
  });

  it('the group withdraws its request; the asked organization then sees nothing', async () => {
    const asked = await verifiedOrg();
    const group = await privateGroup();
    const requestId = await askOk(group, asked);
    expect(errorCode(await answer(vera.token, 'vouchRequestWithdraw', requestId))).toBe('FORBIDDEN');
    const withdrawn = ok(await answer(gina.token, 'vouchRequestWithdraw', requestId)).vouchRequestWithdraw;
    expect(withdrawn.userErrors).toEqual([]);
    expect(withdrawn.vouchRequest).toMatchObject({ id: requestId, status: 'WITHDRAWN' });
    expect(await list(vera.token, asked.id)).toEqual([]);
    expect(errorCode(await vouch(vera.token, asked.id, group.id))).toBe('NOT_FOUND');
    expect(errorCode(await answer(vera.token, 'vouchRequestDecline', requestId))).toBe('NOT_FOUND');
    expect(ok(await answer(gina.token, 'vouchRequestWithdraw', requestId)).vouchRequestWithdraw.userErrors).toEqual([{ code: 'NOT_PENDING', field: 'input.vouchRequestId' }]);
    // Asking again after a withdrawal is a new request.
    await askOk(group, asked);
  });
});

describe('who may ask whom', () => {
  it('only organizations the group may see (NOT_FOUND like a random id), verified, not its own people, once at a time; owners and editors', async () => {
    const group = await privateGroup();
    const hidden = await verifiedOrg(tina, { visibility: 'PRIVATE' });
    const hiddenAnswer = await ask(gina.token, group.id, hidden.id);
    expect(errorCode(hiddenAnswer)).toBe('NOT_FOUND');
    expect(hiddenAnswer).toEqual(await ask(gina.token, group.id, randomUUID()));
    expect(await ask(gina.token, group.id, 'not-an-id')).toEqual(hiddenAnswer);
    const codes = async (voucherId: string, token = gina.token, message?: string) => ok(await ask(token, group.id, voucherId, message)).vouchRequest.userErrors;
    const unverified = await createOrg(app, tina, { name: 'Not verified yet' });
    expect(await codes(unverified.id)).toEqual([{ code: 'NOT_VERIFIED', field: 'input.voucherOrganizationId' }]);
    expect(await codes(group.id)).toEqual([{ code: 'SAME_ORGANIZATION', field: 'input.voucherOrganizationId' }]);
    const ginas = await verifiedOrg(gina);
    expect(await codes(ginas.id)).toEqual([{ code: 'CONFLICT_OF_INTEREST', field: 'input.voucherOrganizationId' }]);
    const asked = await verifiedOrg();
    expect(await codes(asked.id, gina.token, '  ')).toEqual([{ code: 'INVALID_FORMAT', field: 'input.message' }]);
    await askOk(group, asked);
    expect(await codes(asked.id)).toEqual([{ code: 'ALREADY_REQUESTED', field: 'input.voucherOrganizationId' }]);
    // Roles: a plain member of the group may not ask; a stranger cannot even see it.
    const plain = await signUp(app, 'Plain');
    await addMember(app, gina, group.id, plain, 'MEMBER');
    expect(errorCode(await ask(plain.token, group.id, asked.id))).toBe('FORBIDDEN');
    expect(errorCode(await ask(sam.token, group.id, asked.id))).toBe('NOT_FOUND');
    expect(errorCode(await ask(null, group.id, asked.id))).toBe('UNAUTHENTICATED');
    // A group that already has the vouch does not ask for it.
    const visibleGroup = await createOrg(app, gina, { name: 'Visible group' });
    const voucher = await verifiedOrg();
    expect(ok(await vouch(vera.token, voucher.id, visibleGroup.id)).vouchCreate.userErrors).toEqual([]);
    expect(ok(await ask(gina.token, visibleGroup.id, voucher.id)).vouchRequest.userErrors).toEqual([{ code: 'ALREADY_VOUCHED', field: 'input.voucherOrganizationId' }]);
  });

  it('at most three pending requests per group, also when six race each other', async () => {
    const group = await privateGroup();
    const vouchers = await Promise.all([1, 2, 3, 4, 5, 6].map(() => verifiedOrg(tina)));
    const answers = await Promise.all(vouchers.map((v) => ask(gina.token, group.id, v.id)));
    const payloads = answers.map((a) => ok(a).vouchRequest);
    expect(payloads.filter((p) => p.vouchRequest).length).toBe(3);
    expect(payloads.filter((p) => p.userErrors[0]?.code === 'TOO_MANY_PENDING').map((p) => p.userErrors[0].field)).toEqual(['input.organizationId', 'input.organizationId', 'input.organizationId']);
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM vouch_requests WHERE organization_id = $1 AND status = 'PENDING'`, [group.id]);
    expect(n).toBe(3);
    // A withdrawal frees a place.
    const pending = await list(gina.token, group.id);
    ok(await answer(gina.token, 'vouchRequestWithdraw', pending[0].id));
    const free = vouchers.find((v) => !pending.some((p) => p.voucher?.id === v.id))!;
    expect(ok(await ask(gina.token, group.id, free.id)).vouchRequest.userErrors).toEqual([]);
  });

  it('a decline and a vouch racing: exactly one wins, and the grant follows the winner', async () => {
    const asked = await verifiedOrg();
    for (let round = 0; round < 3; round++) {
      const group = await privateGroup();
      const requestId = await askOk(group, asked);
      const [declined, vouched] = await Promise.all([answer(vera.token, 'vouchRequestDecline', requestId), vouch(vera.token, asked.id, group.id)]);
      // The loser: a decline after the vouch finds it no longer pending; a vouch after the decline finds no group.
      const declineWon = !declined.errors && ok(declined).vouchRequestDecline.userErrors.length === 0;
      const vouchWon = !vouched.errors && ok(vouched).vouchCreate.userErrors.length === 0;
      expect(declineWon ? errorCode(vouched) : ok(declined).vouchRequestDecline.userErrors[0]?.code).toBe(declineWon ? 'NOT_FOUND' : 'NOT_PENDING');
      expect([declineWon, vouchWon].filter(Boolean).length).toBe(1);
      const [{ status }] = await app.db.query('SELECT status FROM vouch_requests WHERE id = $1', [requestId]);
      expect(status).toBe(declineWon ? 'DECLINED' : 'VOUCHED');
      expect((await list(vera.token, asked.id)).some((r) => r.id === requestId)).toBe(vouchWon);
    }
  });
});
