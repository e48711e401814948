import { randomUUID } from 'node:crypto';
import { createOrg, issueAreaId, makeAdmin, signUp, type TestUser } from '../support/factories.js';
import { ok, rawGql } from '../support/graphql-client.js';
import { waitForQuietDatabase } from '../support/statements.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Statement counts of a coalitions list page with members (their organizations and VOUCHED badges), invitations
// (with the invited organizations), goals (with milestones) and the coordinator: the same for 5 coalitions as for
// 25 (every child is batched per page through the request's DataLoaders: coalition.loaders.ts, vouch.loaders.ts).

let app: TestApp;
let founder: TestUser;
let founderOrg: string;
const COALITIONS = 25;

const LIST = `query($first: Int, $org: ID) { coalitions(first: $first, filter: { memberOrganizationId: $org }) {
  totalCount
  nodes {
    id name status memberCount viewerIsMember
    members { anonymous role coordinator organization { id name vouched badges } }
    coordinator { member { organization { id } } }
    invitations(first: 5) { totalCount nodes { id status invitee { organization { id name verified } } invitedBy { id } } }
    goals { id title status progress milestones { id title done } }
  }
} }`;

beforeAll(async () => {
  app = await startTestApp();
  const [admin, memberUser, inviteeUser, voucherUser] = await Promise.all(['Admin', 'Member', 'Invitee', 'Voucher'].map((n) => signUp(app, n)));
  founder = await signUp(app, 'Founder');
  await makeAdmin(app, admin);
  const area = await issueAreaId(app, 'refugee-resettlement');
  founderOrg = (await createOrg(app, founder, { name: 'Founding shelter network' })).id;
  const memberOrg = (await createOrg(app, memberUser, { name: 'Legal aid collective' })).id;
  const invitedOrg = (await createOrg(app, inviteeUser, { name: 'Interpreters guild' })).id;
  // Two verified vouchers (VOUCHES_FOR_BADGE defaults to 2) vouch for both members.
  const vouchers = [(await createOrg(app, voucherUser, { name: 'Verified voucher one' })).id, (await createOrg(app, voucherUser, { name: 'Verified voucher two' })).id];
  for (const voucher of vouchers) {
    ok(await rawGql(app, 'mutation($input: OrganizationVerifyInput!) { organizationVerify(input: $input) { userErrors { code } } }', { input: { id: voucher, verified: true } }, admin.token));
  }
  for (const [voucher, vouchee] of vouchers.flatMap((v) => [[v, founderOrg], [v, memberOrg]])) {
    const vouched = ok(await rawGql<{ vouchCreate: { userErrors: unknown[] } }>(app, 'mutation($input: VouchCreateInput!) { vouchCreate(input: $input) { userErrors { code } } }',
      { input: { voucherOrganizationId: voucher, organizationId: vouchee, statement: 'Trusted partner' } }, voucherUser.token));
    expect(vouched.vouchCreate.userErrors).toEqual([]);
  }
  for (let i = 0; i < COALITIONS; i++) {
    const created = ok(await rawGql<{ coalitionCreate: { coalition: { id: string }; invitations: { id: string; invitee: { organization: { id: string } | null } }[]; userErrors: unknown[] } }>(app,
      `mutation($input: CoalitionCreateInput!) { coalitionCreate(input: $input) { coalition { id } invitations { id invitee { organization { id } } } userErrors { code field } } }`,
      { input: { organizationId: founderOrg, name: `Shape coalition ${String(i).padStart(2, '0')} ${randomUUID().slice(0, 4)}`, issueAreaId: area,
        charter: { purpose: 'Safe arrival for every family', decisionRule: 'MAJORITY' }, invite: { organizationIds: [memberOrg, invitedOrg], message: 'Join us?' } } },
      founder.token)).coalitionCreate;
    expect(created.userErrors).toEqual([]);
    const toMember = created.invitations.find((inv) => inv.invitee.organization?.id === memberOrg)!;
    const accepted = ok(await rawGql<{ coalitionInvitationAccept: { userErrors: unknown[] } }>(app,
      'mutation($input: CoalitionInvitationAcceptInput!) { coalitionInvitationAccept(input: $input) { userErrors { code } } }', { input: { invitationId: toMember.id } }, memberUser.token));
    expect(accepted.coalitionInvitationAccept.userErrors).toEqual([]);
    const goal = ok(await rawGql<{ coalitionGoalCreate: { userErrors: unknown[] } }>(app,
      'mutation($input: GoalCreateInput!) { coalitionGoalCreate(input: $input) { userErrors { code field } } }',
      { input: { coalitionId: created.coalition.id, organizationId: founderOrg, title: 'Ten legal clinics', milestones: [{ title: 'First clinic' }, { title: 'Fifth clinic' }] } }, founder.token));
    expect(goal.coalitionGoalCreate.userErrors).toEqual([]);
  }
}, 180_000);
afterAll(() => app?.close());

interface Page { totalCount: number; nodes: { members: { organization: { vouched: boolean } | null }[]; invitations: { totalCount: number; nodes: unknown[] } | null; goals: { milestones: unknown[] }[] | null }[] }

/** The least of three runs: other features' timers (sweeps) only ever add statements. */
async function statementsFor(first: number): Promise<{ count: number; page: Page }> {
  let best: { count: number; page: Page } | null = null;
  for (let run = 0; run < 3; run++) {
    await waitForQuietDatabase(app);
    app.statements.length = 0;
    const page = ok(await rawGql<{ coalitions: Page }>(app, LIST, { first, org: founderOrg }, founder.token)).coalitions;
    const count = app.statements.length;
    if (!best || count < best.count) best = { count, page };
  }
  return best!;
}

describe('coalitions list query shape', () => {
  it('runs the same number of SQL statements for 5 coalitions as for 25, with members, invitations, goals and vouches (no N+1)', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(COALITIONS);
    expect(small.page.nodes.length).toBe(5);
    expect(large.page.nodes.length).toBe(COALITIONS);
    // What was selected is there: two members (both VOUCHED), two invitations (one accepted, one pending), one goal
    // with two milestones, in every coalition.
    for (const node of large.page.nodes) {
      expect(node.members.map((m) => m.organization?.vouched)).toEqual([true, true]);
      expect({ total: node.invitations?.totalCount, listed: node.invitations?.nodes.length }).toEqual({ total: 2, listed: 2 });
      expect(node.goals?.map((g) => g.milestones.length)).toEqual([2]);
    }
    console.log(`coalitions list statements: ${small.count} for 5 coalitions, ${large.count} for ${COALITIONS}`);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(12);
  });

  it('shows goals and invitations to members of the coalition only (null for a signed-in outsider)', async () => {
    const outsider = await signUp(app, 'Outsider');
    const page = ok(await rawGql<{ coalitions: Page }>(app, LIST, { first: 3 }, outsider.token)).coalitions;
    expect(page.nodes.length).toBe(3);
    for (const node of page.nodes) expect({ goals: node.goals, invitations: node.invitations }).toEqual({ goals: null, invitations: null });
  });
});
