import { randomUUID } from 'node:crypto';
import {
  CoalitionCreateDocument, CoalitionGoalCreateDocument, CoalitionGoalUpdateDocument, CoalitionGoalsDocument, CoalitionWinsDocument, CoalitionGovernanceDocument, CoalitionInvitationAcceptDocument,
  CoalitionInviteDocument, CoalitionMilestoneSetDocument, CoalitionProposalsDocument, CoalitionWinRecordDocument, ProposalCreateDocument, ProposalDocument,
  ProposalStatementSignDocument, ProposalVoteDocument, ProposalWithdrawDocument,
  type DecisionRule, type ProposalCreateInput, type VoteChoice, type Visibility,
} from '../generated/graphql.js';
import { addMember, createOrg, issueAreaId, signUp, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Coalition governance over HTTP against PostgreSQL: proposals decided by the charter's rule and quorum (early when
// the outcome can no longer change, else at the deadline, settled once under the coalition's lock), their effects
// (charter change, admission, removal, statement signatures), who voted how for members only; goals with milestones
// and derived status; the wins log (public wins per the coalition's visibility).

let app: TestApp;
let alice: TestUser; // founds coalitions
let bob: TestUser; // owns the other member organizations
let carol: TestUser; // a signed-in third party
let area: string;
beforeAll(async () => {
  app = await startTestApp();
  [alice, bob, carol] = await Promise.all([signUp(app, 'Alice'), signUp(app, 'Bob'), signUp(app, 'Carol')]);
  area = await issueAreaId(app, 'refugee-resettlement');
}, 60_000);
afterAll(() => app?.close());

type Org = Awaited<ReturnType<typeof createOrg>>;
interface Fixture { coalitionId: string; founder: Org; members: Org[] }

/** A coalition with `size` members: alice's founder, then bob's organizations (invited, accepted). */
async function coalition(size: number, rule: DecisionRule, quorum: number, visibility: Visibility = 'NETWORK'): Promise<Fixture> {
  const founder = await createOrg(app, alice, { name: `Founder ${randomUUID().slice(0, 4)}` });
  const created = ok(await gql(app, CoalitionCreateDocument, {
    input: { organizationId: founder.id, name: 'Governed coalition', issueAreaId: area, visibility, charter: { purpose: 'Decide together', decisionRule: rule, quorum } },
  }, alice.token)).coalitionCreate;
  expect(created.userErrors).toEqual([]);
  const coalitionId = created.coalition!.id;
  const members = [founder];
  for (let i = 1; i < size; i += 1) {
    const org = await createOrg(app, bob, { name: `Member ${i} ${randomUUID().slice(0, 4)}` });
    const invited = ok(await gql(app, CoalitionInviteDocument, { input: { coalitionId, inviteeOrganizationId: org.id, organizationId: founder.id } }, alice.token)).coalitionInvite;
    expect(invited.userErrors).toEqual([]);
    const accepted = ok(await gql(app, CoalitionInvitationAcceptDocument, { input: { invitationId: invited.invitation!.id } }, bob.token)).coalitionInvitationAccept;
    expect(accepted.userErrors).toEqual([]);
    members.push(org);
  }
  return { coalitionId, founder, members };
}

const tokenOf = (f: Fixture, org: Org) => (org.id === f.founder.id ? alice.token : bob.token);

async function propose(f: Fixture, input: Partial<ProposalCreateInput> = {}, token = alice.token) {
  return ok(await gql(app, ProposalCreateDocument, {
    input: { coalitionId: f.coalitionId, organizationId: f.founder.id, kind: 'DECISION', title: 'Hold a press conference', body: 'On the 12th', ...input },
  }, token)).proposalCreate;
}

async function proposed(f: Fixture, input: Partial<ProposalCreateInput> = {}, token = alice.token) {
  const payload = await propose(f, input, token);
  expect(payload.userErrors).toEqual([]);
  return payload.proposal!;
}

function vote(f: Fixture, proposalId: string, org: Org, choice: VoteChoice, comment?: string) {
  return gql(app, ProposalVoteDocument, { input: { proposalId, organizationId: org.id, choice, comment } }, tokenOf(f, org));
}

async function voted(f: Fixture, proposalId: string, org: Org, choice: VoteChoice) {
  const payload = ok(await vote(f, proposalId, org, choice)).proposalVote;
  expect(payload.userErrors).toEqual([]);
  return payload.proposal!;
}

const read = async (id: string, token: string | null = alice.token) => ok(await gql(app, ProposalDocument, { id }, token)).proposal;
const governance = async (id: string, token: string | null = alice.token) => ok(await gql(app, CoalitionGovernanceDocument, { id }, token)).coalition;

/** Moves a proposal's deadline into the past, as time passing would. */
async function expire(proposalId: string): Promise<void> {
  await app.db.query(`UPDATE coalition_proposals SET closes_at = now() - interval '1 second' WHERE id = $1`, [proposalId]);
}

describe('deciding by the charter\'s rule and quorum', () => {
  it('MAJORITY passes as soon as more than half can no longer be outvoted, with the tally stored once', async () => {
    const f = await coalition(5, 'MAJORITY', 0.5);
    const p = await proposed(f);
    expect(p).toMatchObject({ status: 'OPEN', decisionRule: 'MAJORITY', quorum: 0.5, charterVersion: 1, tally: { yes: 0, no: 0, abstain: 0, electorate: 5, votesNeeded: 3 } });
    expect((await voted(f, p.id, f.members[0], 'YES')).status).toBe('OPEN');
    expect((await voted(f, p.id, f.members[1], 'NO')).status).toBe('OPEN');
    expect((await voted(f, p.id, f.members[2], 'YES')).status).toBe('OPEN');
    const decided = await voted(f, p.id, f.members[3], 'YES');
    expect(decided).toMatchObject({ status: 'PASSED', tally: { yes: 3, no: 1, abstain: 0, electorate: 5 }, settledAt: expect.any(String) });
    // A vote after the decision: a clear code, nothing recorded.
    const late = ok(await vote(f, p.id, f.members[4], 'NO')).proposalVote;
    expect(late.userErrors).toEqual([{ code: 'VOTING_CLOSED', field: 'input.proposalId', message: expect.stringContaining('PASSED') }]);
    expect((await read(p.id))!.votes!.length).toBe(4);
  });

  it('CONSENSUS is rejected by the first vote against; TWO_THIRDS needs two thirds of yes and no', async () => {
    const c = await coalition(3, 'CONSENSUS', 0.5);
    const p = await proposed(c);
    await voted(c, p.id, c.members[0], 'YES');
    expect((await voted(c, p.id, c.members[1], 'NO')).status).toBe('REJECTED');

    const t = await coalition(4, 'TWO_THIRDS', 0.5);
    const q = await proposed(t);
    await voted(t, q.id, t.members[0], 'YES');
    await voted(t, q.id, t.members[1], 'YES');
    expect((await voted(t, q.id, t.members[2], 'NO')).status).toBe('OPEN'); // 2 of 3 so far; the last vote decides
    expect((await voted(t, q.id, t.members[3], 'NO')).status).toBe('REJECTED'); // 2 of 4 < two thirds
  });

  it('closes at its deadline: settled on read, once, with NO_QUORUM when too few voted', async () => {
    const f = await coalition(4, 'MAJORITY', 0.75);
    const p = await proposed(f);
    await voted(f, p.id, f.members[0], 'YES');
    await voted(f, p.id, f.members[1], 'YES');
    await expire(p.id);
    // A vote racing the deadline after it passed: VOTING_CLOSED, and it does not count.
    expect(ok(await vote(f, p.id, f.members[2], 'YES')).proposalVote.userErrors[0]?.code).toBe('VOTING_CLOSED');
    const settled = await read(p.id);
    expect(settled).toMatchObject({ status: 'NO_QUORUM', tally: { yes: 2, no: 0, electorate: 4, votesNeeded: 3 } });
    const [{ settledAt }] = await app.db.query('SELECT settled_at AS "settledAt" FROM coalition_proposals WHERE id = $1', [p.id]);
    expect((await read(p.id))!.settledAt).toBe(new Date(settledAt).toISOString());
  });

  it('COORDINATOR_DECIDES follows the coordinator\'s vote, whatever the others say', async () => {
    const f = await coalition(3, 'COORDINATOR_DECIDES', 0.5);
    const p = await proposed(f);
    await voted(f, p.id, f.members[1], 'NO');
    await voted(f, p.id, f.members[2], 'NO');
    expect((await read(p.id))!.status).toBe('OPEN');
    expect((await voted(f, p.id, f.founder, 'YES')).status).toBe('PASSED'); // the founder coordinates (no rotation)
  });

  it('each organization votes once: ALREADY_VOTED; outsiders get NOT_FOUND like a random id; plain members FORBIDDEN', async () => {
    const f = await coalition(3, 'MAJORITY', 0.5);
    const p = await proposed(f);
    await voted(f, p.id, f.members[1], 'ABSTAIN');
    expect(ok(await vote(f, p.id, f.members[1], 'YES')).proposalVote.userErrors[0]?.code).toBe('ALREADY_VOTED');
    const outsider = await createOrg(app, carol);
    const asOutsider = await gql(app, ProposalVoteDocument, { input: { proposalId: p.id, organizationId: outsider.id, choice: 'YES' } }, carol.token);
    const random = await gql(app, ProposalVoteDocument, { input: { proposalId: randomUUID(), organizationId: outsider.id, choice: 'YES' } }, carol.token);
    expect(errorCode(asOutsider)).toBe('NOT_FOUND');
    expect(asOutsider).toEqual(random);
    const plain = await signUp(app, 'Plain');
    await addMember(app, bob, f.members[2].id, plain, 'MEMBER');
    expect(errorCode(await gql(app, ProposalVoteDocument, { input: { proposalId: p.id, organizationId: f.members[2].id, choice: 'YES' } }, plain.token))).toBe('FORBIDDEN');
    expect(await read(p.id, carol.token)).toBeNull();
    expect(await read(p.id, null)).toBeNull();
  });
});

describe('under concurrency', () => {
  it('eight members voting at once and a duplicate of each: exactly one settlement, counts exact, duplicates ALREADY_VOTED', async () => {
    const f = await coalition(8, 'MAJORITY', 0.5);
    const p = await proposed(f, { closesAt: new Date(Date.now() + 3_600_000).toISOString() });
    const choices: VoteChoice[] = ['YES', 'NO', 'YES', 'YES', 'NO', 'YES', 'ABSTAIN', 'YES'];
    const answers = await Promise.all(f.members.flatMap((org, i) => [vote(f, p.id, org, choices[i]), vote(f, p.id, org, choices[i])]));
    const payloads = answers.map((a) => ok(a).proposalVote);
    const accepted = payloads.filter((x) => x.userErrors.length === 0);
    const refused = payloads.flatMap((x) => x.userErrors.map((e) => e.code));
    // Every organization's vote counts once; its duplicate is refused as a duplicate, or as late once decided.
    const [{ n }] = await app.db.query('SELECT count(*)::int AS n FROM coalition_proposal_votes WHERE proposal_id = $1', [p.id]);
    expect(accepted.length + refused.length).toBe(16);
    expect(refused.every((code) => code === 'ALREADY_VOTED' || code === 'VOTING_CLOSED')).toBe(true);
    expect(n).toBe(accepted.length);
    const final = (await read(p.id))!;
    expect(final.status).toBe('PASSED');
    // Settled exactly once: the stored tally is the one the decision was made on (five yes decide 8 voters: 5 > 3).
    const tally = final.tally!;
    expect(tally.yes + tally.no + tally.abstain).toBe(n);
    expect(2 * tally.yes).toBeGreaterThan(tally.yes + tally.no + (8 - n));
    const [{ settlements }] = await app.db.query(`SELECT count(*)::int AS settlements FROM coalition_proposals WHERE id = $1 AND settled_at IS NOT NULL`, [p.id]);
    expect(settlements).toBe(1);
  });

  it('votes racing the deadline and concurrent readers settle it once: every vote is either counted or VOTING_CLOSED', async () => {
    const f = await coalition(6, 'MAJORITY', 0.5);
    const p = await proposed(f);
    await voted(f, p.id, f.members[0], 'YES');
    await expire(p.id);
    const results = await Promise.all([
      ...f.members.slice(1).map((org) => vote(f, p.id, org, 'NO')),
      ...[1, 2, 3, 4].map(() => gql(app, ProposalDocument, { id: p.id }, alice.token)),
    ]);
    const voteCodes = results.slice(0, 5).map((r) => (r.data as { proposalVote: { userErrors: { code: string }[] } }).proposalVote.userErrors[0]?.code);
    expect(voteCodes).toEqual(['VOTING_CLOSED', 'VOTING_CLOSED', 'VOTING_CLOSED', 'VOTING_CLOSED', 'VOTING_CLOSED']);
    const final = (await read(p.id))!;
    expect(final).toMatchObject({ status: 'NO_QUORUM', tally: { yes: 1, no: 0, electorate: 6 } });
  });

  it('concurrent charter changes: each adopted once, versions consecutive', async () => {
    const f = await coalition(2, 'MAJORITY', 0.5);
    const a = await proposed(f, { kind: 'CHARTER_CHANGE', title: 'Rotate', charter: { purpose: 'Rotate coordination', rotationPeriodDays: 30 } });
    const b = await proposed(f, { kind: 'CHARTER_CHANGE', title: 'Stricter', charter: { purpose: 'Two thirds from now', decisionRule: 'TWO_THIRDS' } });
    // Both members vote yes on both at once: each passes with its second vote, under the coalition's lock.
    await Promise.all(f.members.flatMap((org) => [voted(f, a.id, org, 'YES'), voted(f, b.id, org, 'YES')]));
    const [ra, rb] = await Promise.all([read(a.id), read(b.id)]);
    expect([ra!.status, rb!.status]).toEqual(['PASSED', 'PASSED']);
    expect([ra!.effect, rb!.effect].sort()).toEqual(['Charter version 2 adopted', 'Charter version 3 adopted']);
    expect((await governance(f.coalitionId))!.charter!.version).toBe(3);
  });
});

describe('outcomes apply', () => {
  it('a charter change adopts a new version; later proposals follow its rule', async () => {
    const f = await coalition(3, 'MAJORITY', 0.5);
    const p = await proposed(f, { kind: 'CHARTER_CHANGE', title: 'Consensus from now on', charter: { purpose: 'Decide together, all of us', decisionRule: 'CONSENSUS', quorum: 1 } });
    expect(p.proposedCharter).toMatchObject({ purpose: 'Decide together, all of us', decisionRule: 'CONSENSUS', quorum: 1 });
    await voted(f, p.id, f.members[0], 'YES');
    const passed = await voted(f, p.id, f.members[1], 'YES');
    expect(passed).toMatchObject({ status: 'PASSED', effect: 'Charter version 2 adopted' });
    expect((await governance(f.coalitionId))!.charter).toMatchObject({ version: 2, decisionRule: 'CONSENSUS', quorum: 1 });
    const next = await proposed(f);
    expect(next).toMatchObject({ decisionRule: 'CONSENSUS', charterVersion: 2 });
    expect((await propose(f, { kind: 'CHARTER_CHANGE' })).userErrors[0]).toMatchObject({ code: 'CHARTER_REQUIRED', field: 'input.charter' });
  });

  it('an organization asks to join (ADMIT_MEMBER); members vote; it is admitted; it sees its application but not the votes', async () => {
    const f = await coalition(2, 'MAJORITY', 0.5, 'PUBLIC');
    const applicant = await createOrg(app, carol, { name: 'Applicant Lawyers' });
    const application = await proposed(f, { kind: 'ADMIT_MEMBER', title: 'Let us join', body: '', organizationId: applicant.id }, carol.token);
    expect(application).toMatchObject({ kind: 'ADMIT_MEMBER', proposedBy: { id: applicant.id }, subject: { id: applicant.id }, tally: null, votes: null });
    expect((await propose(f, { kind: 'ADMIT_MEMBER', organizationId: applicant.id }, carol.token)).userErrors[0]?.code).toBe('ALREADY_PROPOSED');
    expect(errorCode(await gql(app, ProposalVoteDocument, { input: { proposalId: application.id, organizationId: applicant.id, choice: 'YES' } }, carol.token))).toBe('NOT_FOUND');
    await voted(f, application.id, f.members[0], 'YES');
    expect((await voted(f, application.id, f.members[1], 'YES'))).toMatchObject({ status: 'PASSED', effect: 'Admitted as a member' });
    expect((await governance(f.coalitionId))!.members.map((m) => m.organization?.id)).toContain(applicant.id);
    expect((await propose(f, { kind: 'ADMIT_MEMBER', organizationId: applicant.id }, carol.token)).userErrors[0]?.code).toBe('ALREADY_MEMBER');
  });

  it('a removal ends the membership; the member concerned does not vote on it', async () => {
    const f = await coalition(3, 'MAJORITY', 0.5);
    const target = f.members[2];
    const p = await proposed(f, { kind: 'REMOVE_MEMBER', title: 'Remove', subjectOrganizationId: target.id });
    expect(p.tally!.electorate).toBe(2);
    expect(ok(await vote(f, p.id, target, 'NO')).proposalVote.userErrors[0]?.code).toBe('NOT_ELIGIBLE');
    await voted(f, p.id, f.members[0], 'YES');
    expect(await voted(f, p.id, f.members[1], 'YES')).toMatchObject({ status: 'PASSED', effect: 'Removed from the coalition' });
    expect((await governance(f.coalitionId))!.members.map((m) => m.organization?.id)).not.toContain(target.id);
    expect((await propose(f, { kind: 'REMOVE_MEMBER', subjectOrganizationId: target.id })).userErrors[0]?.code).toBe('NOT_A_MEMBER');
  });

  it('an adopted statement is signed by those who voted yes, and others may sign it after', async () => {
    const f = await coalition(3, 'MAJORITY', 0.5);
    const p = await proposed(f, { kind: 'STATEMENT', title: 'Joint statement', body: 'Detention of asylum seekers must end.' });
    await voted(f, p.id, f.members[0], 'YES');
    const passed = await voted(f, p.id, f.members[1], 'YES');
    expect(passed.signatories!.map((s) => s.id).sort()).toEqual([f.members[0].id, f.members[1].id].sort());
    const sign = (org: Org) => gql(app, ProposalStatementSignDocument, { input: { proposalId: p.id, organizationId: org.id } }, tokenOf(f, org));
    expect(ok(await sign(f.members[2])).proposalStatementSign.proposal!.signatories!.length).toBe(3);
    expect(ok(await sign(f.members[2])).proposalStatementSign.userErrors[0]?.code).toBe('ALREADY_SIGNED');
  });

  it('the proposer may withdraw an open proposal; then nobody votes on it', async () => {
    const f = await coalition(2, 'MAJORITY', 0.5);
    const p = await proposed(f);
    expect(errorCode(await gql(app, ProposalWithdrawDocument, { input: { proposalId: p.id } }, carol.token))).toBe('NOT_FOUND');
    expect(ok(await gql(app, ProposalWithdrawDocument, { input: { proposalId: p.id } }, alice.token)).proposalWithdraw.proposal!.status).toBe('WITHDRAWN');
    expect(ok(await vote(f, p.id, f.members[1], 'YES')).proposalVote.userErrors[0]?.code).toBe('VOTING_CLOSED');
  });
});

describe('who voted how: members only', () => {
  it('members read each vote with its organization and comment; outsiders cannot read the proposal or the list', async () => {
    const f = await coalition(3, 'MAJORITY', 1, 'PUBLIC');
    const p = await proposed(f);
    await gql(app, ProposalVoteDocument, { input: { proposalId: p.id, organizationId: f.members[1].id, choice: 'NO', comment: 'Too soon' } }, bob.token);
    const seen = (await read(p.id, bob.token))!;
    expect(seen.votes).toEqual([{ choice: 'NO', comment: 'Too soon', organization: { id: f.members[1].id } }]);
    const outside = await governance(f.coalitionId, carol.token);
    expect(outside).toMatchObject({ id: f.coalitionId });
    expect(errorCode(await gql(app, CoalitionProposalsDocument, { coalitionId: f.coalitionId }, carol.token))).toBe('FORBIDDEN');
    expect(await read(p.id, carol.token)).toBeNull();
    expect(ok(await gql(app, CoalitionProposalsDocument, { coalitionId: f.coalitionId }, alice.token)).coalitionProposals.totalCount).toBe(1);
    expect(errorCode(await gql(app, CoalitionProposalsDocument, { coalitionId: randomUUID() }, carol.token))).toBe('NOT_FOUND');
  });

  it('refuses a deadline out of range and a statement without text, with codes', async () => {
    const f = await coalition(1, 'MAJORITY', 0.5);
    expect((await propose(f, { closesAt: new Date(Date.now() - 1000).toISOString() })).userErrors[0]).toMatchObject({ code: 'INVALID_DEADLINE', field: 'input.closesAt' });
    expect((await propose(f, { closesAt: new Date(Date.now() + 100 * 86_400_000).toISOString() })).userErrors[0]?.code).toBe('INVALID_DEADLINE');
    expect((await propose(f, { kind: 'STATEMENT', body: '  ' })).userErrors[0]).toMatchObject({ code: 'BODY_REQUIRED', field: 'input.body' });
  });
});

describe('goals, milestones and wins', () => {
  it('progress follows the milestones; status is derived (ON_TRACK, AT_RISK, DONE, DROPPED)', async () => {
    const f = await coalition(2, 'MAJORITY', 0.5);
    const goal = ok(await gql(app, CoalitionGoalCreateDocument, {
      input: { coalitionId: f.coalitionId, organizationId: f.founder.id, title: 'Stop the deportations', dueOn: '2099-12-31', milestones: [{ title: 'Brief MPs' }, { title: 'Court filing' }] },
    }, alice.token)).coalitionGoalCreate.goal!;
    expect(goal).toMatchObject({ status: 'ON_TRACK', progress: 0, milestones: [{ title: 'Brief MPs', done: false }, { title: 'Court filing', done: false }] });
    const set = async (milestoneId: string, done: boolean) =>
      { const r = ok(await gql(app, CoalitionMilestoneSetDocument, { input: { milestoneId, done, organizationId: f.members[1].id } }, bob.token)).coalitionMilestoneSet; expect(r.userErrors).toEqual([]); return r.goal!; };
    expect(await set(goal.milestones[0].id, true)).toMatchObject({ progress: 0.5, status: 'ON_TRACK' });
    expect(await set(goal.milestones[1].id, true)).toMatchObject({ progress: 1, status: 'DONE' });
    expect(await set(goal.milestones[1].id, false)).toMatchObject({ progress: 0.5, status: 'ON_TRACK' });
    const update = async (input: Record<string, unknown>) =>
      ok(await gql(app, CoalitionGoalUpdateDocument, { input: { goalId: goal.id, organizationId: f.founder.id, ...input } }, alice.token)).coalitionGoalUpdate;
    expect((await update({ dueOn: '2020-01-01' })).goal).toMatchObject({ status: 'AT_RISK', dueOn: '2020-01-01' });
    expect((await update({ dropped: true })).goal!.status).toBe('DROPPED');
    expect((await update({ dropped: false, completed: true })).goal).toMatchObject({ status: 'DONE', progress: 1 });
    expect((await update({ dueOn: '2027-02-30' })).userErrors[0]).toMatchObject({ code: 'INVALID_DATE', field: 'input.dueOn' });
    // Outsiders: the goal is NOT_FOUND like a random id, and the list is null.
    const outsider = await gql(app, CoalitionMilestoneSetDocument, { input: { milestoneId: goal.milestones[0].id, done: false } }, carol.token);
    expect(errorCode(outsider)).toBe('NOT_FOUND');
    expect(errorCode(await gql(app, CoalitionGoalsDocument, { coalitionId: f.coalitionId }, carol.token))).toBe('FORBIDDEN');
    expect(ok(await gql(app, CoalitionGoalsDocument, { coalitionId: f.coalitionId }, bob.token)).coalitionGoals.totalCount).toBe(1);
  });

  it('public wins are shown to whoever may see the coalition; the others to its members only', async () => {
    const f = await coalition(2, 'MAJORITY', 0.5, 'PUBLIC');
    const record = async (title: string, isPublic: boolean) => ok(await gql(app, CoalitionWinRecordDocument, {
      input: { coalitionId: f.coalitionId, organizationId: f.founder.id, title, achievedOn: '2026-11-02', evidenceUrl: 'https://example.org/ruling', public: isPublic },
    }, alice.token)).coalitionWinRecord;
    expect((await record('Court ruling', true)).win).toMatchObject({ title: 'Court ruling', public: true, evidenceUrl: 'https://example.org/ruling', achievedOn: '2026-11-02' });
    await record('Internal milestone', false);
    const wins = async (id: string, token: string | null) => gql(app, CoalitionWinsDocument, { coalitionId: id }, token);
    expect(ok(await wins(f.coalitionId, alice.token)).coalitionWins.nodes.map((w) => w.title).sort()).toEqual(['Court ruling', 'Internal milestone']);
    expect(ok(await wins(f.coalitionId, null)).coalitionWins).toMatchObject({ totalCount: 1, nodes: [{ title: 'Court ruling' }] });
    const bad = ok(await gql(app, CoalitionWinRecordDocument, {
      input: { coalitionId: f.coalitionId, organizationId: f.founder.id, title: 'x', achievedOn: '2026-11-02', evidenceUrl: 'javascript:alert(1)' },
    }, alice.token)).coalitionWinRecord;
    expect(bad.userErrors[0]).toMatchObject({ code: 'INVALID_URL', field: 'input.evidenceUrl' });
    // A PRIVATE coalition's public wins stay with those who may see the coalition.
    const hidden = await coalition(1, 'MAJORITY', 0.5, 'PRIVATE');
    ok(await gql(app, CoalitionWinRecordDocument, { input: { coalitionId: hidden.coalitionId, organizationId: hidden.founder.id, title: 'Quiet win', achievedOn: '2026-11-02', public: true } }, alice.token));
    expect(await governance(hidden.coalitionId, carol.token)).toBeNull();
    const hiddenWins = await wins(hidden.coalitionId, carol.token);
    expect(errorCode(hiddenWins)).toBe('NOT_FOUND');
    expect(hiddenWins).toEqual(await wins(randomUUID(), carol.token));
  });
});
