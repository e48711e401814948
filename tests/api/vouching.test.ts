import { randomUUID } from 'node:crypto';
import {
  OrgUpdateDocument, OrgVerifyDocument, OrganizationBadgesDocument, OrganizationsBadgesDocument, VouchChainDocument, VouchCreateDocument,
  VouchWithdrawDocument, VouchesDocument, type OrganizationCreateInput, type VouchCreateInput, type VouchDirection,
} from '../generated/graphql.js';
import { loadConfig } from '../../src/core/config.js';
import { addMember, createOrg, makeAdmin, signUp, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Vouching: verified organizations vouch for groups that cannot be verified by documents; VOUCHES_FOR_BADGE
// (default 2) active vouches from verified organizations give the VOUCHED badge, derived on every read. Who vouched
// is shown only where both organizations are visible to the viewer; admins see the whole chain.

let app: TestApp;
let admin: TestUser;
let vera: TestUser; // owns verified organizations that vouch
let gina: TestUser; // owns the grassroots groups vouched for
let sam: TestUser; // a signed-in stranger
beforeAll(async () => {
  app = await startTestApp();
  [admin, vera, gina, sam] = await Promise.all([signUp(app, 'Admin'), signUp(app, 'Vera'), signUp(app, 'Gina'), signUp(app, 'Sam')]);
  await makeAdmin(app, admin);
});
afterAll(() => app?.close());

type Org = Awaited<ReturnType<typeof createOrg>>;

async function verifiedOrg(owner = vera, input: Partial<OrganizationCreateInput> = {}, on = app): Promise<Org> {
  const org = await createOrg(on, owner, { name: `Verified ${randomUUID().slice(0, 6)}`, ...input });
  const verified = ok(await gql(on, OrgVerifyDocument, { input: { id: org.id, verified: true } }, (on === app ? admin : adminOf.get(on)!).token));
  expect(verified.organizationVerify.organization?.verified).toBe(true);
  return org;
}
const adminOf = new Map<TestApp, TestUser>();

function group(input: Partial<OrganizationCreateInput> = {}): Promise<Org> {
  return createOrg(app, gina, { name: `Grassroots ${randomUUID().slice(0, 6)}`, kind: 'COMMUNITY_GROUP', ...input });
}

function vouch(token: string | null, input: VouchCreateInput, on = app) {
  return gql(on, VouchCreateDocument, { input }, token);
}

async function vouchOk(voucher: Org, target: Org, token = vera.token, on = app) {
  const payload = ok(await vouch(token, { voucherOrganizationId: voucher.id, organizationId: target.id, statement: 'We have worked beside them for years.' }, on)).vouchCreate;
  expect(payload.userErrors).toEqual([]);
  return payload;
}

function withdraw(token: string | null, vouchId: string) {
  return gql(app, VouchWithdrawDocument, { input: { vouchId } }, token);
}

async function badge(id: string, token: string | null = null, on = app) {
  const org = ok(await gql(on, OrganizationBadgesDocument, { id }, token)).organization;
  if (!org) throw new Error(`organization ${id} is not visible`);
  return org;
}

async function listed(organizationId: string, token: string | null, direction: VouchDirection = 'RECEIVED') {
  const list = ok(await gql(app, VouchesDocument, { organizationId, direction }, token)).vouches;
  return { total: list.totalCount, voucherIds: list.nodes.map((v) => v.voucher.id).sort(), voucheeIds: list.nodes.map((v) => v.organization.id).sort() };
}

describe('the VOUCHED badge', () => {
  it('comes with the second vouch from a verified organization, shows next to VERIFIED, and follows a withdrawal', async () => {
    const [v1, v2, target] = [await verifiedOrg(), await verifiedOrg(), await group()];
    expect(await badge(target.id)).toEqual({ id: target.id, verified: false, vouched: false, badges: [] });
    const first = await vouchOk(v1, target);
    expect(first.organization).toEqual({ id: target.id, vouched: false, badges: [] });
    expect(first.vouch).toMatchObject({ statement: 'We have worked beside them for years.', counts: true, withdrawnAt: null, voucher: { id: v1.id }, organization: { id: target.id } });
    const second = await vouchOk(v2, target);
    expect(second.organization).toEqual({ id: target.id, vouched: true, badges: ['VOUCHED'] });
    // The badge is a public fact: anonymous visitors read it too.
    expect(await badge(target.id)).toEqual({ id: target.id, verified: false, vouched: true, badges: ['VOUCHED'] });
    // A verified organization that is also vouched shows both, VERIFIED first.
    const both = await verifiedOrg(gina);
    await vouchOk(v1, both);
    await vouchOk(v2, both);
    expect((await badge(both.id)).badges).toEqual(['VERIFIED', 'VOUCHED']);

    const withdrawn = ok(await withdraw(vera.token, first.vouch!.id)).vouchWithdraw;
    expect(withdrawn.userErrors).toEqual([]);
    expect(withdrawn.vouch).toMatchObject({ id: first.vouch!.id, counts: false, withdrawnAt: expect.any(String) });
    expect(withdrawn.organization).toEqual({ id: target.id, vouched: false, badges: [] });
    // Withdrawn twice: a clear code, and nothing changes.
    const again = ok(await withdraw(vera.token, first.vouch!.id)).vouchWithdraw;
    expect(again.userErrors).toEqual([{ code: 'ALREADY_WITHDRAWN', field: 'input.vouchId', message: expect.any(String) }]);
    // Vouching again after a withdrawal is a new vouch.
    expect((await vouchOk(v1, target)).organization?.vouched).toBe(true);
  });

  it('counts only vouches of organizations that are still verified', async () => {
    const [v1, v2, target] = [await verifiedOrg(), await verifiedOrg(), await group()];
    await vouchOk(v1, target);
    await vouchOk(v2, target);
    expect((await badge(target.id)).vouched).toBe(true);
    ok(await gql(app, OrgVerifyDocument, { input: { id: v2.id, verified: false } }, admin.token));
    expect((await badge(target.id)).vouched).toBe(false);
    const chain = ok(await gql(app, VouchChainDocument, { organizationId: target.id }, admin.token)).vouchChain;
    expect(chain.nodes.map((v) => [v.voucher.id, v.counts]).sort()).toEqual([[v1.id, true], [v2.id, false]].sort());
    ok(await gql(app, OrgVerifyDocument, { input: { id: v2.id, verified: true } }, admin.token));
    expect((await badge(target.id)).vouched).toBe(true);
  });

  it('is computed for a whole list with one extra statement, whatever the page size (no N+1)', async () => {
    const voucher = await verifiedOrg();
    const kind = 'FAITH_BASED';
    const groups = await Promise.all([1, 2, 3, 4, 5, 6].map(() => group({ kind })));
    await vouchOk(voucher, groups[0]);
    const statementsFor = async (first: number) => {
      app.statements.length = 0;
      const nodes = ok(await gql(app, OrganizationsBadgesDocument, { first, filter: { kinds: [kind] } })).organizations.nodes;
      return { statements: app.statements.filter((s) => /vouches/.test(s)).length, nodes: nodes.length };
    };
    expect(await statementsFor(2)).toEqual({ statements: 1, nodes: 2 });
    expect(await statementsFor(6)).toEqual({ statements: 1, nodes: 6 });
    expect(groups.length).toBe(6);
  });
});

describe('who may vouch', () => {
  it('refuses unverified organizations, itself, its own people, a second active vouch and a blank statement, with codes', async () => {
    const [voucher, target] = [await verifiedOrg(), await group()];
    const unverified = await createOrg(app, vera, { name: 'Not yet verified' });
    const codeOf = async (token: string, input: Partial<VouchCreateInput>) => {
      const payload = ok(await vouch(token, { voucherOrganizationId: voucher.id, organizationId: target.id, statement: 'Trusted partner', ...input })).vouchCreate;
      expect(payload.vouch).toBeNull();
      return payload.userErrors.map((e) => [e.code, e.field]);
    };
    expect(await codeOf(vera.token, { voucherOrganizationId: unverified.id })).toEqual([['NOT_VERIFIED', 'input.voucherOrganizationId']]);
    expect(await codeOf(vera.token, { organizationId: voucher.id })).toEqual([['SAME_ORGANIZATION', 'input.organizationId']]);
    expect(await codeOf(vera.token, { statement: '   ' })).toEqual([['INVALID_FORMAT', 'input.statement']]);
    expect(await codeOf(vera.token, { statement: '' })).toEqual([['INVALID_LENGTH', 'input.statement']]);
    await vouchOk(voucher, target);
    expect(await codeOf(vera.token, {})).toEqual([['ALREADY_VOUCHED', 'input.organizationId']]);
    // Someone who belongs to the group cannot vouch for it through another organization.
    const insider = await verifiedOrg(gina);
    expect(await codeOf(gina.token, { voucherOrganizationId: insider.id })).toEqual([['CONFLICT_OF_INTEREST', 'input.organizationId']]);
    const [{ n }] = await app.db.query('SELECT count(*)::int AS n FROM vouches WHERE vouchee_organization_id = $1', [target.id]);
    expect(n).toBe(1);
  });

  it('is for owners and editors of the voucher; others get FORBIDDEN, a hidden voucher or target NOT_FOUND like a random id', async () => {
    const [voucher, target] = [await verifiedOrg(), await group()];
    const member = await signUp(app, 'Plain member');
    await addMember(app, vera, voucher.id, member, 'MEMBER');
    const editor = await signUp(app, 'Editor');
    await addMember(app, vera, voucher.id, editor, 'EDITOR');
    const input = { voucherOrganizationId: voucher.id, organizationId: target.id, statement: 'Trusted' };
    expect(errorCode(await vouch(null, input))).toBe('UNAUTHENTICATED');
    expect(errorCode(await vouch(sam.token, input))).toBe('FORBIDDEN');
    expect(errorCode(await vouch(member.token, input))).toBe('FORBIDDEN');
    const hiddenTarget = await group({ visibility: 'PRIVATE' });
    const missing = await vouch(vera.token, { ...input, organizationId: randomUUID() });
    const hidden = await vouch(vera.token, { ...input, organizationId: hiddenTarget.id });
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    expect(hidden).toEqual(missing);
    const privateVoucher = await verifiedOrg(vera, { visibility: 'PRIVATE' });
    const hiddenVoucher = await vouch(sam.token, { ...input, voucherOrganizationId: privateVoucher.id });
    const missingVoucher = await vouch(sam.token, { ...input, voucherOrganizationId: randomUUID() });
    expect(errorCode(hiddenVoucher)).toBe('NOT_FOUND');
    expect(hiddenVoucher).toEqual(missingVoucher);
    expect(errorCode(await vouch(sam.token, { ...input, voucherOrganizationId: 'not-a-uuid' }))).toBe('NOT_FOUND');
    // The editor may, and then only owners and editors of the voucher may withdraw it.
    const given = await vouchOk(voucher, target, editor.token);
    expect(errorCode(await withdraw(member.token, given.vouch!.id))).toBe('FORBIDDEN');
    const strangerAnswer = await withdraw(sam.token, given.vouch!.id);
    expect(errorCode(strangerAnswer)).toBe('NOT_FOUND');
    expect(strangerAnswer).toEqual(await withdraw(sam.token, randomUUID()));
    expect(errorCode(await withdraw(gina.token, given.vouch!.id))).toBe('NOT_FOUND'); // the group vouched for cannot withdraw it
    expect(ok(await withdraw(vera.token, given.vouch!.id)).vouchWithdraw.userErrors).toEqual([]);
  });
});

describe('who vouched: only where both organizations are visible', () => {
  it('a PRIVATE voucher counts toward the badge but is named only to its members and admins, in lists and counts', async () => {
    const publicVoucher = await verifiedOrg();
    const privateVoucher = await verifiedOrg(vera, { visibility: 'PRIVATE', name: 'Defenders Safe House' });
    const networkVoucher = await verifiedOrg(vera, { visibility: 'NETWORK' });
    const target = await group();
    await vouchOk(privateVoucher, target);
    // One vouch: no badge yet, and strangers see an empty list, exactly as if nobody had vouched.
    expect(await listed(target.id, sam.token)).toEqual({ total: 0, voucherIds: [], voucheeIds: [] });
    await vouchOk(networkVoucher, target);
    await vouchOk(publicVoucher, target);
    expect((await badge(target.id)).vouched).toBe(true);
    expect(await listed(target.id, null)).toEqual({ total: 1, voucherIds: [publicVoucher.id], voucheeIds: [target.id] });
    expect(await listed(target.id, sam.token)).toEqual({ total: 2, voucherIds: [publicVoucher.id, networkVoucher.id].sort(), voucheeIds: [target.id, target.id] });
    // The group's own people do not learn who the PRIVATE voucher is either.
    expect((await listed(target.id, gina.token)).voucherIds).not.toContain(privateVoucher.id);
    expect((await listed(target.id, vera.token)).voucherIds).toEqual([publicVoucher.id, privateVoucher.id, networkVoucher.id].sort());
    expect((await listed(target.id, admin.token)).total).toBe(3);
    // Its given list is NOT_FOUND for strangers, like a random id, and its own for its members.
    const hiddenList = await gql(app, VouchesDocument, { organizationId: privateVoucher.id, direction: 'GIVEN' }, sam.token);
    expect(errorCode(hiddenList)).toBe('NOT_FOUND');
    expect(hiddenList).toEqual(await gql(app, VouchesDocument, { organizationId: randomUUID(), direction: 'GIVEN' }, sam.token));
    expect(await listed(privateVoucher.id, vera.token, 'GIVEN')).toEqual({ total: 1, voucherIds: [privateVoucher.id], voucheeIds: [target.id] });
    // No text anywhere in a stranger's answers names it.
    const answer = JSON.stringify(await gql(app, VouchesDocument, { organizationId: target.id }, sam.token));
    expect(answer).not.toContain(privateVoucher.id);
    expect(answer).not.toContain('Defenders Safe House');
  });

  it('a group that turns PRIVATE disappears from its vouchers\' given lists for everyone else', async () => {
    const voucher = await verifiedOrg();
    const target = await group();
    await vouchOk(voucher, target);
    expect(await listed(voucher.id, sam.token, 'GIVEN')).toEqual({ total: 1, voucherIds: [voucher.id], voucheeIds: [target.id] });
    ok(await gql(app, OrgUpdateDocument, { input: { id: target.id, visibility: 'PRIVATE' } }, gina.token));
    expect(await listed(voucher.id, sam.token, 'GIVEN')).toEqual({ total: 0, voucherIds: [], voucheeIds: [] });
    // Even the voucher's own people no longer see the group it vouched for (they may not see the group).
    expect((await listed(voucher.id, vera.token, 'GIVEN')).total).toBe(0);
    expect(await listed(voucher.id, admin.token, 'GIVEN')).toEqual({ total: 1, voucherIds: [voucher.id], voucheeIds: [target.id] });
  });

  it('admins see the chain (withdrawn vouches and PRIVATE vouchers by name); nobody else does', async () => {
    const privateVoucher = await verifiedOrg(vera, { visibility: 'PRIVATE' });
    const publicVoucher = await verifiedOrg();
    const target = await group();
    await vouchOk(privateVoucher, target);
    const withdrawnOne = await vouchOk(publicVoucher, target);
    ok(await withdraw(vera.token, withdrawnOne.vouch!.id));
    expect(errorCode(await gql(app, VouchChainDocument, { organizationId: target.id }, null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(app, VouchChainDocument, { organizationId: target.id }, sam.token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(app, VouchChainDocument, { organizationId: target.id }, gina.token))).toBe('FORBIDDEN');
    const chain = ok(await gql(app, VouchChainDocument, { organizationId: target.id }, admin.token)).vouchChain;
    expect(chain.totalCount).toBe(2);
    expect(chain.nodes.map((v) => ({ voucher: v.voucher.id, withdrawn: v.withdrawnAt !== null, counts: v.counts })).sort((a, b) => a.voucher.localeCompare(b.voucher)))
      .toEqual([{ voucher: privateVoucher.id, withdrawn: false, counts: true }, { voucher: publicVoucher.id, withdrawn: true, counts: false }]
        .sort((a, b) => a.voucher.localeCompare(b.voucher)));
    // Public lists never show withdrawn vouches.
    expect((await listed(target.id, admin.token)).voucherIds).toEqual([privateVoucher.id]);
  });
});

describe('under concurrency', () => {
  it('eight simultaneous vouches from one organization leave exactly one active vouch; the rest ALREADY_VOUCHED', async () => {
    const [voucher, target] = [await verifiedOrg(), await group()];
    const answers = await Promise.all(Array.from({ length: 8 }, () => vouch(vera.token, { voucherOrganizationId: voucher.id, organizationId: target.id, statement: 'Trusted' })));
    const payloads = answers.map((a) => ok(a).vouchCreate);
    expect(payloads.filter((p) => p.vouch).length).toBe(1);
    expect(payloads.filter((p) => p.userErrors[0]?.code === 'ALREADY_VOUCHED').length).toBe(7);
    const [{ n }] = await app.db.query('SELECT count(*)::int AS n FROM vouches WHERE vouchee_organization_id = $1 AND withdrawn_at IS NULL', [target.id]);
    expect(n).toBe(1);
  });

  it('vouches and withdrawals racing each other: the badge always matches the active vouches of verified organizations', async () => {
    const vouchers = await Promise.all([1, 2, 3, 4].map(() => verifiedOrg()));
    const target = await group();
    const early = [await vouchOk(vouchers[0], target), await vouchOk(vouchers[1], target)];
    // Withdraw the two early ones twice each while the other two vouch, all at once.
    const results = await Promise.all([
      ...early.flatMap((e) => [withdraw(vera.token, e.vouch!.id), withdraw(vera.token, e.vouch!.id)]),
      vouch(vera.token, { voucherOrganizationId: vouchers[2].id, organizationId: target.id, statement: 'Trusted' }),
      vouch(vera.token, { voucherOrganizationId: vouchers[3].id, organizationId: target.id, statement: 'Trusted' }),
    ]);
    const withdrawals = results.slice(0, 4).map((r) => ok(r as Awaited<ReturnType<typeof withdraw>>).vouchWithdraw);
    expect(withdrawals.filter((w) => w.userErrors.length === 0).length).toBe(2);
    expect(withdrawals.filter((w) => w.userErrors[0]?.code === 'ALREADY_WITHDRAWN').length).toBe(2);
    const [{ active }] = await app.db.query('SELECT count(*)::int AS active FROM vouches WHERE vouchee_organization_id = $1 AND withdrawn_at IS NULL', [target.id]);
    expect(active).toBe(2);
    expect(await badge(target.id)).toMatchObject({ vouched: true, badges: ['VOUCHED'] });
  });
});

describe('VOUCHES_FOR_BADGE', () => {
  it('sets how many vouches make the badge', async () => {
    const strict = await startTestApp({ VOUCHES_FOR_BADGE: '3' });
    try {
      const [owner, boss] = await Promise.all([signUp(strict, 'Strict owner'), signUp(strict, 'Strict admin')]);
      await makeAdmin(strict, boss);
      adminOf.set(strict, boss);
      const vouchers = [await verifiedOrg(owner, {}, strict), await verifiedOrg(owner, {}, strict), await verifiedOrg(owner, {}, strict)];
      const other = await signUp(strict, 'Group owner');
      const target = await createOrg(strict, other, { name: 'Strict group' });
      await vouchOk(vouchers[0], target, owner.token, strict);
      await vouchOk(vouchers[1], target, owner.token, strict);
      expect((await badge(target.id, null, strict)).vouched).toBe(false);
      await vouchOk(vouchers[2], target, owner.token, strict);
      expect((await badge(target.id, null, strict)).vouched).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it('is validated at start-up with a message naming it', () => {
    expect(loadConfig({}).vouchesForBadge).toBe(2);
    expect(() => loadConfig({ VOUCHES_FOR_BADGE: '0' })).toThrow(/VOUCHES_FOR_BADGE/);
    expect(() => loadConfig({ VOUCHES_FOR_BADGE: 'two' })).toThrow(/VOUCHES_FOR_BADGE/);
  });
});
