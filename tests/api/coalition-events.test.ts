import { randomUUID } from 'node:crypto';
import {
  CoalitionCreateDocument, CoalitionDocument, CoalitionInvitationAcceptDocument, CoalitionInvitationDeclineDocument, CoalitionInvitationsDocument,
  CoalitionInvitationsReceivedDocument, CoalitionInvitationWithdrawDocument, CoalitionInviteDocument, CoalitionSuggestionsDocument,
  CoalitionUpdatedDocument, ProposalCreateDocument, ProposalVoteDocument, VouchCreateDocument, VouchWithdrawDocument,
  type CoalitionUpdatedSubscription, type OrganizationCreateInput, type Visibility,
} from '../generated/graphql.js';
import { addCapability, addMember, createOrg, issueAreaId, signUp, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok } from '../support/graphql-client.js';
import { connect, settle, subscribe, type Live, type TestClient } from '../support/subscription-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// coalitionInvitationWithdraw (who may, what the invited organization still sees: nothing, like a random id; a
// withdrawal racing an acceptance: exactly one wins) and coalitionUpdated over real graphql-ws clients: who hears
// which invitation, proposal and vouch event (a decline only the organization that declined, never the coalition;
// an invitation through an anonymous card reaches the card's organization without naming it to the coalition),
// strangers hear nothing, and a resubscription with `after` replays exactly what followed.

const NAIROBI = { country: 'KE', region: 'Nairobi County', city: 'Nairobi', latitude: -1.28333, longitude: 36.81667, precision: 'CITY' as const };

let app: TestApp;
let alice: TestUser; // founds coalitions
let bob: TestUser; // owns invited organizations
let carol: TestUser; // a stranger with her own organization
let dana: TestUser; // owns a PRIVATE organization that opted in to anonymous suggestions
let refugees: string;
type Org = Awaited<ReturnType<typeof createOrg>>;
const clients: TestClient[] = [];

beforeAll(async () => {
  app = await startTestApp();
  [alice, bob, carol, dana] = await Promise.all(['Alice', 'Bob', 'Carol', 'Dana'].map((n) => signUp(app, n)));
  refugees = await issueAreaId(app, 'refugee-resettlement');
}, 60_000);
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => app?.close());

const org = (owner: TestUser, input: Partial<OrganizationCreateInput> = {}) => createOrg(app, owner, { location: NAIROBI, ...input });

async function coalition(founder: Org, visibility: Visibility = 'NETWORK') {
  const payload = ok(await gql(app, CoalitionCreateDocument, {
    input: { organizationId: founder.id, name: `Coalition ${randomUUID().slice(0, 6)}`, issueAreaId: refugees, visibility, requiredCategoryIds: ['LEGAL_AID', 'TRANSLATION'], charter: { purpose: 'Together', decisionRule: 'MAJORITY', quorum: 0.5 } },
  }, alice.token)).coalitionCreate;
  expect(payload.userErrors).toEqual([]);
  return payload.coalition!;
}

async function invited(coalitionId: string, invitee: Org) {
  const payload = ok(await gql(app, CoalitionInviteDocument, { input: { coalitionId, inviteeOrganizationId: invitee.id } }, alice.token)).coalitionInvite;
  expect(payload.userErrors).toEqual([]);
  return payload.invitation!;
}

const withdraw = (invitationId: string, token = alice.token) => gql(app, CoalitionInvitationWithdrawDocument, { input: { invitationId } }, token);
const accept = (invitationId: string, token = bob.token) => gql(app, CoalitionInvitationAcceptDocument, { input: { invitationId } }, token);
const decline = (invitationId: string, token = bob.token) => gql(app, CoalitionInvitationDeclineDocument, { input: { invitationId } }, token);
const received = async (organizationId: string, token = bob.token) =>
  ok(await gql(app, CoalitionInvitationsReceivedDocument, { organizationId }, token)).coalitionInvitationsReceived;
const RANDOM = '00000000-0000-4000-8000-000000000000';

function live(token: string, organizationId: string, after?: string): Live<CoalitionUpdatedSubscription> {
  const c = connect(app, token);
  clients.push(c);
  return subscribe(c, CoalitionUpdatedDocument, { organizationId, after });
}
const changes = (l: Live<CoalitionUpdatedSubscription>) => l.events.map((e) => e.coalitionUpdated.change);

describe('coalitionInvitationWithdraw', () => {
  it('reads WITHDRAWN to the coalition; the invited organization no longer sees it and answering it is a random id\'s NOT_FOUND', async () => {
    const founder = await org(alice);
    const c = await coalition(founder, 'PRIVATE');
    const target = await org(bob);
    const invitation = await invited(c.id, target);
    expect((await received(target.id)).nodes.map((n) => n.id)).toEqual([invitation.id]);
    // While invited, bob's organization may see the PRIVATE coalition.
    expect(ok(await gql(app, CoalitionDocument, { id: c.id }, bob.token)).coalition?.id).toBe(c.id);

    const payload = ok(await withdraw(invitation.id)).coalitionInvitationWithdraw;
    expect(payload.userErrors).toEqual([]);
    expect(payload.invitation).toMatchObject({ id: invitation.id, status: 'WITHDRAWN', invitee: { organization: { id: target.id } } });
    expect(ok(await gql(app, CoalitionInvitationsDocument, { id: c.id, status: 'WITHDRAWN' }, alice.token)).coalition!.invitations!.nodes.map((n) => n.id)).toEqual([invitation.id]);

    expect(await received(target.id)).toEqual({ totalCount: 0, nodes: [] });
    expect(ok(await gql(app, CoalitionDocument, { id: c.id }, bob.token)).coalition).toBeNull();
    for (const answer of [accept, decline]) {
      const asked = await answer(invitation.id);
      expect(errorCode(asked)).toBe('NOT_FOUND');
      expect(asked).toEqual(await answer(RANDOM));
    }
    // Once withdrawn it cannot be withdrawn again; a new invitation reaches the organization as a first one.
    expect(ok(await withdraw(invitation.id)).coalitionInvitationWithdraw.userErrors).toEqual([
      { code: 'INVALID_STATE', field: 'input.invitationId', message: 'This invitation is withdrawn, no longer pending' },
    ]);
    const again = await invited(c.id, target);
    expect(again.id).not.toBe(invitation.id);
    expect((await received(target.id)).nodes.map((n) => [n.id, n.status])).toEqual([[again.id, 'PENDING']]);
  });

  it('withdraws a declined invitation like a pending one (the coalition learns nothing of the decline), not an accepted one', async () => {
    const founder = await org(alice);
    const c = await coalition(founder);
    const [declining, accepting] = [await org(bob), await org(bob)];
    const [d, a] = [await invited(c.id, declining), await invited(c.id, accepting)];
    expect(ok(await decline(d.id)).coalitionInvitationDecline.userErrors).toEqual([]);
    expect(ok(await accept(a.id)).coalitionInvitationAccept.userErrors).toEqual([]);
    expect(ok(await withdraw(d.id)).coalitionInvitationWithdraw).toMatchObject({ userErrors: [], invitation: { status: 'WITHDRAWN' } });
    expect(ok(await withdraw(a.id)).coalitionInvitationWithdraw.userErrors).toEqual([
      { code: 'INVALID_STATE', field: 'input.invitationId', message: 'This invitation is accepted, no longer pending' },
    ]);
    // Its decline is gone from the declining organization's list too.
    expect((await received(declining.id)).totalCount).toBe(0);
  });

  it('is for owners and editors of a member: outsiders get NOT_FOUND like a random id, plain members FORBIDDEN, signed out UNAUTHENTICATED', async () => {
    const founder = await org(alice);
    const c = await coalition(founder, 'PUBLIC');
    const invitation = await invited(c.id, await org(bob));
    await org(carol);
    const outsider = await withdraw(invitation.id, carol.token);
    expect(errorCode(outsider)).toBe('NOT_FOUND');
    expect(outsider).toEqual(await withdraw(RANDOM, carol.token));
    // The invited organization cannot withdraw it either: it is not the coalition.
    expect(await withdraw(invitation.id, bob.token)).toEqual(await withdraw(RANDOM, bob.token));
    const plain = await signUp(app, 'Plain');
    await addMember(app, alice, founder.id, plain, 'MEMBER');
    expect(errorCode(await withdraw(invitation.id, plain.token))).toBe('FORBIDDEN');
    const anonymous = await gql(app, CoalitionInvitationWithdrawDocument, { input: { invitationId: invitation.id } }, null);
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    expect((await received((await app.db.query('SELECT organization_id AS id FROM coalition_invitations WHERE id = $1', [invitation.id]))[0].id)).nodes[0].status).toBe('PENDING');
  });

  it('racing the acceptance, exactly one wins: ACCEPTED and a member, or WITHDRAWN and not; the loser is told', async () => {
    const founder = await org(alice);
    const c = await coalition(founder);
    const outcomes: string[] = [];
    // Head starts (ms) for one side, so that both orders happen; at 0 they arrive together.
    const starts = [[0, 0], [0, 0], [0, 300], [0, 100], [300, 0], [100, 0]];
    const later = <T>(ms: number, run: () => Promise<T>) => new Promise<T>((resolve, reject) => { setTimeout(() => run().then(resolve, reject), ms); });
    for (const [round, [withdrawAfter, acceptAfter]] of starts.entries()) {
      const target = await org(bob);
      const invitation = await invited(c.id, target);
      const [w, a] = await Promise.all([later(withdrawAfter, () => withdraw(invitation.id)), later(acceptAfter, () => accept(invitation.id))]);
      const withdrew = !w.errors && ok(w).coalitionInvitationWithdraw.userErrors.length === 0;
      const accepted = !a.errors && ok(a).coalitionInvitationAccept.userErrors.length === 0;
      expect({ round, one: withdrew !== accepted }).toEqual({ round, one: true });
      const [{ status }] = await app.db.query('SELECT status FROM coalition_invitations WHERE id = $1', [invitation.id]);
      const members = await app.db.query('SELECT 1 FROM coalition_members WHERE coalition_id = $1 AND organization_id = $2 AND left_at IS NULL', [c.id, target.id]);
      if (withdrew) {
        expect({ status, members: members.length, loser: errorCode(a) }).toEqual({ status: 'WITHDRAWN', members: 0, loser: 'NOT_FOUND' });
      } else {
        expect({ status, members: members.length, loser: ok(w).coalitionInvitationWithdraw.userErrors[0]?.code }).toEqual({ status: 'ACCEPTED', members: 1, loser: 'INVALID_STATE' });
      }
      outcomes.push(withdrew ? 'withdrawn' : 'accepted');
    }
    expect(new Set(outcomes)).toEqual(new Set(['withdrawn', 'accepted']));
  });
});

describe('coalitionUpdated', () => {
  it('invitations: received and declined reach the invited organization only; accepted reaches the members; strangers hear nothing', async () => {
    const founder = await org(alice, { name: 'Founding Shelter' });
    const c = await coalition(founder);
    const [declining, joining] = [await org(bob, { name: 'Declining Clinic' }), await org(bob, { name: 'Joining Clinic' })];
    const stranger = await org(carol);
    const [coalitionSide, declinerSide, joinerSide, strangerSide] = [
      live(alice.token, founder.id), live(bob.token, declining.id), live(bob.token, joining.id), live(carol.token, stranger.id),
    ];
    await settle(200);
    const d = await invited(c.id, declining);
    const j = await invited(c.id, joining);
    const [receivedEvent] = await declinerSide.waitFor(1);
    expect(receivedEvent.coalitionUpdated).toMatchObject({
      change: 'INVITATION_RECEIVED', subjectId: d.id, coalition: { id: c.id, viewerIsMember: false },
      invitation: { id: d.id, status: 'PENDING', invitee: { organization: { id: declining.id } } }, proposal: null, vouch: null,
    });
    // The same invitation as the organization's received list shows it.
    expect(receivedEvent.coalitionUpdated.invitation).toEqual((await received(declining.id)).nodes[0]);
    expect(ok(await decline(d.id)).coalitionInvitationDecline.userErrors).toEqual([]);
    expect(ok(await accept(j.id)).coalitionInvitationAccept.userErrors).toEqual([]);
    await declinerSide.waitFor(2);
    expect(declinerSide.events[1].coalitionUpdated).toMatchObject({ change: 'INVITATION_DECLINED', invitation: { id: d.id, status: 'DECLINED' } });
    const [accepted] = await coalitionSide.waitFor(1);
    expect(accepted.coalitionUpdated).toMatchObject({
      change: 'INVITATION_ACCEPTED', subjectId: j.id, invitation: { status: 'ACCEPTED', invitee: { organization: { id: joining.id, name: 'Joining Clinic' } } },
      coalition: { id: c.id, viewerIsMember: true },
    });
    await joinerSide.waitFor(2);
    expect(changes(joinerSide)).toEqual(['INVITATION_RECEIVED', 'INVITATION_ACCEPTED']);
    await settle();
    // The coalition never hears of the invitation being received or declined; the stranger hears nothing at all.
    expect(changes(coalitionSide)).toEqual(['INVITATION_ACCEPTED']);
    expect(changes(declinerSide)).toEqual(['INVITATION_RECEIVED', 'INVITATION_DECLINED']);
    expect(strangerSide.events).toEqual([]);
  });

  it('a withdrawal: the members see the invitation WITHDRAWN; the invited organization gets the bare id, nothing about the coalition', async () => {
    const founder = await org(alice);
    const c = await coalition(founder, 'PRIVATE');
    const target = await org(bob);
    const [coalitionSide, inviteeSide] = [live(alice.token, founder.id), live(bob.token, target.id)];
    await settle(200);
    const invitation = await invited(c.id, target);
    await inviteeSide.waitFor(1);
    expect(ok(await withdraw(invitation.id)).coalitionInvitationWithdraw.userErrors).toEqual([]);
    const [, withdrawn] = await inviteeSide.waitFor(2);
    expect(withdrawn.coalitionUpdated).toMatchObject({ change: 'INVITATION_WITHDRAWN', subjectId: invitation.id, coalition: null, invitation: null, proposal: null, vouch: null });
    const [mine] = await coalitionSide.waitFor(1);
    expect(mine.coalitionUpdated).toMatchObject({ change: 'INVITATION_WITHDRAWN', invitation: { id: invitation.id, status: 'WITHDRAWN' }, coalition: { id: c.id } });
  });

  it('an invitation through an anonymous card reaches its organization (a repeated one does not); the coalition hears only the acceptance', async () => {
    const founder = await org(alice, { name: 'Open Shelter', kind: 'NGO', issueAreaIds: [refugees] });
    await addCapability(app, alice, founder.id, 'asylum-representation', 'EXPERT');
    const secret = await org(dana, {
      name: `Quiet Interpreters ${randomUUID().slice(0, 4)}`, kind: 'COMMUNITY_GROUP', visibility: 'PRIVATE', anonymousSuggestions: true,
      location: { ...NAIROBI, precision: 'REGION' }, issueAreaIds: [refugees],
    });
    await addCapability(app, dana, secret.id, 'document-translation', 'EXPERT');
    const token = async () => {
      const alts = ok(await gql(app, CoalitionSuggestionsDocument, {
        input: { organizationId: founder.id, issueAreaId: refugees, categoryIds: ['LEGAL_AID', 'TRANSLATION'], minSize: 2, maxSize: 2, mustIncludeIds: [founder.id],
          near: { latitude: NAIROBI.latitude, longitude: NAIROBI.longitude, radiusKm: 200 } },
      }, alice.token)).coalitionSuggestions;
      return alts.flatMap((a) => a.members).find((m) => m.anonymous)!.anonymous!.token;
    };
    const c = await coalition(founder, 'PUBLIC');
    // A PRIVATE member: an anonymous participant to the invited organization, in the event as in the queries.
    const quiet = await org(alice, { name: 'Quiet Member', visibility: 'PRIVATE' });
    expect(ok(await gql(app, CoalitionInvitationAcceptDocument, { input: { invitationId: (await invited(c.id, quiet)).id } }, alice.token)).coalitionInvitationAccept.userErrors).toEqual([]);
    const [coalitionSide, secretSide] = [live(alice.token, founder.id), live(dana.token, secret.id)];
    await settle(200);
    const first = ok(await gql(app, CoalitionInviteDocument, { input: { coalitionId: c.id, organizationId: founder.id, anonymousToken: await token() } }, alice.token)).coalitionInvite;
    expect(first.userErrors).toEqual([]);
    expect(first.invitation!.invitee).toMatchObject({ organization: null, anonymous: { kind: 'COMMUNITY_GROUP' } });
    const [got] = await secretSide.waitFor(1);
    expect(got.coalitionUpdated).toMatchObject({
      change: 'INVITATION_RECEIVED', subjectId: first.invitation!.id,
      invitation: { status: 'PENDING', invitee: { organization: { id: secret.id } }, invitedBy: { id: founder.id } },
      coalition: { id: c.id, members: [{ anonymous: false, organization: { id: founder.id, name: 'Open Shelter' } }, { anonymous: true, organization: null }] },
    });
    // The same card invited again: answered alike to the coalition, never delivered, so no event.
    const second = ok(await gql(app, CoalitionInviteDocument, { input: { coalitionId: c.id, organizationId: founder.id, anonymousToken: await token() } }, alice.token)).coalitionInvite;
    expect(second.userErrors).toEqual([]);
    await settle();
    expect(secretSide.events).toHaveLength(1);
    expect(coalitionSide.events).toEqual([]);
    expect(ok(await accept(first.invitation!.id, dana.token)).coalitionInvitationAccept.userErrors).toEqual([]);
    const [joined] = await coalitionSide.waitFor(1);
    // Now a member, it is named to the coalition's members.
    expect(joined.coalitionUpdated).toMatchObject({ change: 'INVITATION_ACCEPTED', invitation: { id: first.invitation!.id, invitee: { organization: { id: secret.id } } } });
    await settle();
    expect(changes(coalitionSide)).toEqual(['INVITATION_ACCEPTED']);
  });

  it('proposals opened and settled reach the members with the tally; a stranger and a former invitee hear nothing; `after` replays exactly what followed', async () => {
    const founder = await org(alice);
    const c = await coalition(founder);
    const member = await org(bob);
    const declined = await org(bob);
    expect(ok(await accept((await invited(c.id, member)).id)).coalitionInvitationAccept.userErrors).toEqual([]);
    expect(ok(await decline((await invited(c.id, declined)).id)).coalitionInvitationDecline.userErrors).toEqual([]);
    const stranger = await org(carol);
    const [founderSide, memberSide, declinedSide, strangerSide] = [
      live(alice.token, founder.id), live(bob.token, member.id), live(bob.token, declined.id), live(carol.token, stranger.id),
    ];
    await settle(200);
    const created = ok(await gql(app, ProposalCreateDocument, {
      input: { coalitionId: c.id, organizationId: founder.id, kind: 'DECISION', title: 'March on the 12th', body: 'Together' },
    }, alice.token)).proposalCreate;
    expect(created.userErrors).toEqual([]);
    const proposalId = created.proposal!.id;
    for (const [voter, token] of [[founder, alice.token], [member, bob.token]] as const) {
      expect(ok(await gql(app, ProposalVoteDocument, { input: { proposalId, organizationId: voter.id, choice: 'YES' } }, token)).proposalVote.userErrors).toEqual([]);
    }
    for (const side of [founderSide, memberSide]) {
      await side.waitFor(2);
      expect(side.events.map((e) => [e.coalitionUpdated.change, e.coalitionUpdated.subjectId])).toEqual([['PROPOSAL_OPENED', proposalId], ['PROPOSAL_SETTLED', proposalId]]);
      expect(side.events[1].coalitionUpdated.proposal).toMatchObject({ status: 'PASSED', tally: { yes: 2, no: 0, abstain: 0 } });
      expect(side.events[1].coalitionUpdated.proposal!.votes!.map((v) => v.organization?.id).sort()).toEqual([founder.id, member.id].sort());
    }
    await settle();
    expect({ declined: declinedSide.events, stranger: strangerSide.events }).toEqual({ declined: [], stranger: [] });

    // Resuming after the first event: the second one comes, then live ones, no duplicate.
    const firstCursor = founderSide.events[0].coalitionUpdated.cursor;
    const resumed = live(alice.token, founder.id, firstCursor);
    const [replayed] = await resumed.waitFor(1);
    expect(replayed).toEqual(founderSide.events[1]);
    const next = ok(await gql(app, ProposalCreateDocument, {
      input: { coalitionId: c.id, organizationId: founder.id, kind: 'STATEMENT', title: 'Statement', body: 'We stand together' },
    }, alice.token)).proposalCreate.proposal!;
    await resumed.waitFor(2);
    await settle();
    expect(resumed.events.map((e) => [e.coalitionUpdated.change, e.coalitionUpdated.subjectId])).toEqual([['PROPOSAL_SETTLED', proposalId], ['PROPOSAL_OPENED', next.id]]);
    expect(BigInt(resumed.events[1].coalitionUpdated.cursor)).toBeGreaterThan(BigInt(resumed.events[0].coalitionUpdated.cursor));
  });

  it('an application to join reaches the members with its votes, and the applicant without them; its admission is settled to both', async () => {
    const founder = await org(alice);
    const c = await coalition(founder, 'PUBLIC');
    const applicant = await org(carol, { name: 'Applying Group' });
    const [founderSide, applicantSide] = [live(alice.token, founder.id), live(carol.token, applicant.id)];
    await settle(200);
    const applied = ok(await gql(app, ProposalCreateDocument, {
      input: { coalitionId: c.id, organizationId: applicant.id, kind: 'ADMIT_MEMBER', title: 'Let us join' },
    }, carol.token)).proposalCreate;
    expect(applied.userErrors).toEqual([]);
    const id = applied.proposal!.id;
    // Each payload is read when delivered: the opening is awaited on both sides before the vote that settles it.
    const [[mine], [opened]] = await Promise.all([founderSide.waitFor(1), applicantSide.waitFor(1)]);
    expect(mine.coalitionUpdated).toMatchObject({ change: 'PROPOSAL_OPENED', proposal: { id, kind: 'ADMIT_MEMBER', tally: { yes: 0 }, votes: [] } });
    expect(opened.coalitionUpdated).toMatchObject({ change: 'PROPOSAL_OPENED', proposal: { id, tally: null, votes: null }, coalition: { id: c.id } });
    expect(ok(await gql(app, ProposalVoteDocument, { input: { proposalId: id, organizationId: founder.id, choice: 'YES' } }, alice.token)).proposalVote.userErrors).toEqual([]);
    await founderSide.waitFor(2);
    expect(founderSide.events[1].coalitionUpdated).toMatchObject({ change: 'PROPOSAL_SETTLED', proposal: { id, status: 'PASSED', tally: { yes: 1 } } });
    const [, settled] = await applicantSide.waitFor(2);
    // Settled, it is now a member: it reads its admission as members do.
    expect(settled.coalitionUpdated).toMatchObject({ change: 'PROPOSAL_SETTLED', proposal: { id, status: 'PASSED' }, coalition: { viewerIsMember: true } });
  });

  it('vouches reach the organization vouched for when it may see the voucher; a PRIVATE voucher\'s are not announced', async () => {
    const group = await org(bob, { name: 'Grassroots Group' });
    const [openVoucher, hiddenVoucher] = [await org(alice, { name: 'Open Voucher' }), await org(alice, { name: 'Hidden Voucher', visibility: 'PRIVATE' })];
    await app.db.query('UPDATE organizations SET verified = true WHERE id = ANY($1::uuid[])', [[openVoucher.id, hiddenVoucher.id]]);
    const [groupSide, strangerSide] = [live(bob.token, group.id), live(carol.token, (await org(carol)).id)];
    await settle(200);
    const vouchFrom = async (voucher: Org) => {
      const payload = ok(await gql(app, VouchCreateDocument, { input: { voucherOrganizationId: voucher.id, organizationId: group.id, statement: 'We know them' } }, alice.token)).vouchCreate;
      expect(payload.userErrors).toEqual([]);
      return payload.vouch!.id;
    };
    const hidden = await vouchFrom(hiddenVoucher);
    const open = await vouchFrom(openVoucher);
    const [given] = await groupSide.waitFor(1);
    expect(given.coalitionUpdated).toMatchObject({ change: 'VOUCH_GIVEN', subjectId: open, vouch: { id: open, statement: 'We know them', voucher: { id: openVoucher.id, name: 'Open Voucher' }, organization: { id: group.id } }, coalition: null });
    for (const id of [hidden, open]) expect(ok(await gql(app, VouchWithdrawDocument, { input: { vouchId: id } }, alice.token)).vouchWithdraw.userErrors).toEqual([]);
    const [, withdrawn] = await groupSide.waitFor(2);
    expect(withdrawn.coalitionUpdated).toMatchObject({ change: 'VOUCH_WITHDRAWN', subjectId: open, vouch: null });
    await settle();
    expect(groupSide.events).toHaveLength(2);
    expect(strangerSide.events).toEqual([]);
  });

  it('only members of the organization may subscribe', async () => {
    const founder = await org(alice);
    const denied = live(carol.token, founder.id);
    await denied.ended();
    expect((denied.errors as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
