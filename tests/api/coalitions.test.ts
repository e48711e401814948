import { randomUUID } from 'node:crypto';
import {
  CoalitionCharterEndorseDocument, CoalitionCoverageDocument, CoalitionCreateDocument, CoalitionDocument, CoalitionInvitationAcceptDocument,
  CoalitionInvitationDeclineDocument, CoalitionInvitationsDocument, CoalitionInvitationsReceivedDocument, CoalitionInviteDocument,
  CoalitionLeaveDocument, CoalitionsDocument, PartnerSuggestionsDocument,
  type CoalitionCreateInput, type CoalitionInviteInput, type OrganizationCreateInput,
} from '../generated/graphql.js';
import { addCapability, addMember, addNeed, createOrg, issueAreaId, signUp, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Coalitions over HTTP: creating (founder, charter v1, invitations), invitations (double opt-in, decline unseen by
// the coalition), leaving, endorsing, the derived coordinator, roles, coverage with gap fillers, contact details
// between members, trust in partner suggestions, and races.

let app: TestApp;
let alice: TestUser; // founds coalitions
let bob: TestUser; // owns invited organizations
let carol: TestUser; // a signed-in third party
let refugees: string;
beforeAll(async () => {
  app = await startTestApp();
  [alice, bob, carol] = await Promise.all([signUp(app, 'Alice'), signUp(app, 'Bob'), signUp(app, 'Carol')]);
  refugees = await issueAreaId(app, 'refugee-resettlement');
}, 60_000);
afterAll(() => app?.close());

type Org = Awaited<ReturnType<typeof createOrg>>;
const org = (owner: TestUser, input: Partial<OrganizationCreateInput> = {}) =>
  createOrg(app, owner, { contactEmail: `c-${randomUUID().slice(0, 6)}@example.org`, ...input });

async function create(founder: Org, input: Partial<CoalitionCreateInput> = {}, token = alice.token) {
  const payload = ok(await gql(app, CoalitionCreateDocument, {
    input: {
      organizationId: founder.id, name: 'Safe Passage Coalition', issueAreaId: refugees, requiredCategoryIds: ['LEGAL_AID', 'TRANSLATION'],
      charter: { purpose: 'Legal help for new arrivals', decisionRule: 'MAJORITY', quorum: 0.5, nonNegotiables: ['No data sharing with authorities'] },
      ...input,
    },
  }, token)).coalitionCreate;
  expect(payload.userErrors).toEqual([]);
  return payload;
}

const invite = (input: CoalitionInviteInput, token = alice.token) => gql(app, CoalitionInviteDocument, { input }, token);
const accept = (invitationId: string, token = bob.token) => gql(app, CoalitionInvitationAcceptDocument, { input: { invitationId } }, token);
const decline = (invitationId: string, token = bob.token) => gql(app, CoalitionInvitationDeclineDocument, { input: { invitationId } }, token);
const read = (id: string, token: string | null = alice.token) => gql(app, CoalitionDocument, { id }, token);

async function invited(coalitionId: string, invitee: Org) {
  const payload = ok(await invite({ coalitionId, inviteeOrganizationId: invitee.id, message: 'Join us' })).coalitionInvite;
  expect(payload.userErrors).toEqual([]);
  return payload.invitation!;
}

describe('creating', () => {
  it('makes the founder the first member and coordinator, with charter version 1 endorsed by it', async () => {
    const founder = await org(alice, { name: 'Founding Lawyers' });
    const { coalition } = await create(founder, { scope: { country: 'KE', region: 'Nairobi County', near: { latitude: -1.28, longitude: 36.82, radiusKm: 50 } } });
    expect(coalition).toMatchObject({
      name: 'Safe Passage Coalition', status: 'FORMING', visibility: 'NETWORK', viewerIsMember: true, memberCount: 1,
      requiredCategoryIds: ['LEGAL_AID', 'TRANSLATION'], issueArea: { id: refugees },
      scope: { country: 'KE', region: 'Nairobi County', latitude: -1.28, longitude: 36.82, radiusKm: 50 },
    });
    expect(coalition!.members).toEqual([expect.objectContaining({ role: 'FOUNDER', coordinator: true, endorsedCurrentCharter: true, organization: expect.objectContaining({ id: founder.id }) })]);
    expect(coalition!.charter).toMatchObject({ version: 1, decisionRule: 'MAJORITY', quorum: 0.5, nonNegotiables: ['No data sharing with authorities'], endorsements: 1, rotationPeriodDays: null });
    expect(coalition!.charter!.rotationOrder.map((p) => p.organization?.id)).toEqual([founder.id]);
    expect(coalition!.coordinator).toMatchObject({ until: null, member: { organization: { id: founder.id } } });
  });

  it('defaults the required categories from the issue and checks the input', async () => {
    const founder = await org(alice);
    const { coalition } = await create(founder, { requiredCategoryIds: undefined });
    expect(coalition!.requiredCategoryIds).toEqual(['COMMUNITY_TIES', 'LEGAL_AID', 'TRANSLATION', 'PSYCHOSOCIAL_SUPPORT', 'LOGISTICS', 'FUNDRAISING']);
    const bad = (input: Partial<CoalitionCreateInput>) => gql(app, CoalitionCreateDocument, {
      input: { organizationId: founder.id, name: 'X', issueAreaId: refugees, charter: { purpose: 'P' }, ...input },
    }, alice.token);
    expect(ok(await bad({ issueAreaId: randomUUID() })).coalitionCreate.userErrors[0]).toMatchObject({ code: 'UNKNOWN_ISSUE_AREA', field: 'input.issueAreaId' });
    expect(ok(await bad({ requiredCategoryIds: ['LEGAL_AID', 'NOPE'] })).coalitionCreate.userErrors[0]).toMatchObject({ code: 'UNKNOWN_CATEGORY', field: 'input.requiredCategoryIds[1]' });
    expect(ok(await bad({ charter: { purpose: ' ', quorum: 1.5 } })).coalitionCreate.userErrors.map((e) => e.field).sort()).toEqual(['input.charter.purpose', 'input.charter.quorum']);
    expect(ok(await bad({ charter: { purpose: 'P', rotationOrderIds: [randomUUID()] } })).coalitionCreate.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'input.charter.rotationOrderIds[0]' });
    // Only owners and editors of the founding organization.
    expect(errorCode(await gql(app, CoalitionCreateDocument, { input: { organizationId: founder.id, name: 'X', issueAreaId: refugees, charter: { purpose: 'P' } } }, carol.token))).toBe('FORBIDDEN');
  });

  it('from a suggestion alternative: invites the other members in the same step', async () => {
    const founder = await org(alice);
    const [b1, b2] = [await org(bob, { name: 'Interpreters Ltd' }), await org(bob, { name: 'Shelter Net' })];
    const { coalition, invitations } = await create(founder, { invite: { organizationIds: [b1.id, b2.id], message: 'From our suggestion' } });
    expect(invitations.map((i) => [i.invitee.organization?.id, i.status, i.message]).sort()).toEqual(
      [[b1.id, 'PENDING', 'From our suggestion'], [b2.id, 'PENDING', 'From our suggestion']].sort());
    const received = ok(await gql(app, CoalitionInvitationsReceivedDocument, { organizationId: b1.id }, bob.token)).coalitionInvitationsReceived;
    expect(received.nodes.map((n) => n.coalition.id)).toEqual([coalition!.id]);
    expect(received.nodes[0].invitedBy?.id).toBe(founder.id);
  });
});

describe('invitations', () => {
  it('accepting makes a member; members see each other\'s contact details; all endorsing makes it ACTIVE', async () => {
    const founder = await org(alice, { name: 'Alpha Founders' });
    const joiner = await org(bob, { name: 'Beta Joiners' });
    const { coalition } = await create(founder);
    const invitation = await invited(coalition!.id, joiner);
    // Before joining, no contact details across.
    const before = ok(await read(coalition!.id, bob.token)).coalition!;
    expect(before.members[0].organization!.contactEmail).toBeNull();
    const accepted = ok(await accept(invitation.id)).coalitionInvitationAccept;
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.invitation!.status).toBe('ACCEPTED');
    const seen = ok(await read(coalition!.id, bob.token)).coalition!;
    expect(seen.memberCount).toBe(2);
    expect(seen.members.find((m) => m.organization?.id === founder.id)!.organization!.contactEmail).toMatch(/@example.org$/);
    expect(seen.status).toBe('FORMING');
    const endorsed = ok(await gql(app, CoalitionCharterEndorseDocument, { input: { coalitionId: coalition!.id, version: 1 } }, bob.token)).coalitionCharterEndorse;
    expect(endorsed.userErrors).toEqual([]);
    expect(endorsed.coalition).toMatchObject({ status: 'ACTIVE', charter: { endorsements: 2 } });
    // A stranger sees neither contact.
    const stranger = ok(await read(coalition!.id, carol.token)).coalition!;
    expect(stranger.members.every((m) => m.organization!.contactEmail === null)).toBe(true);
    expect(stranger.viewerIsMember).toBe(false);
    expect(stranger.charterVersions).toEqual([]);
    // Leaving ends the contact rule.
    ok(await gql(app, CoalitionLeaveDocument, { input: { coalitionId: coalition!.id, organizationId: joiner.id } }, bob.token));
    const after = ok(await read(coalition!.id, bob.token)).coalition!;
    expect(after.members.map((m) => [m.organization!.id, m.organization!.contactEmail])).toEqual([[founder.id, null]]);
  });

  it('a decline is known to the invited organization only; asking again answers the same invitation', async () => {
    const founder = await org(alice);
    const [declines, ignores] = [await org(bob), await org(bob)];
    const { coalition } = await create(founder);
    const d = await invited(coalition!.id, declines);
    const i = await invited(coalition!.id, ignores);
    const declined = ok(await decline(d.id)).coalitionInvitationDecline;
    expect(declined.invitation!.status).toBe('DECLINED');
    const list = ok(await gql(app, CoalitionInvitationsDocument, { id: coalition!.id }, alice.token)).coalition!.invitations!;
    const strip = (n: (typeof list.nodes)[number]) => ({ ...n, id: null, createdAt: null, expiresAt: null, invitee: null });
    expect(list.nodes.map((n) => n.status)).toEqual(['PENDING', 'PENDING']);
    expect(strip(list.nodes.find((n) => n.id === d.id)!)).toEqual(strip(list.nodes.find((n) => n.id === i.id)!));
    // The status filter cannot tell them apart either.
    expect(ok(await gql(app, CoalitionInvitationsDocument, { id: coalition!.id, status: 'DECLINED' }, alice.token)).coalition!.invitations!.totalCount).toBe(0);
    expect(ok(await gql(app, CoalitionInvitationsDocument, { id: coalition!.id, status: 'PENDING' }, alice.token)).coalition!.invitations!.totalCount).toBe(2);
    // Inviting again: same answer for both (the existing invitation, PENDING).
    const again = ok(await invite({ coalitionId: coalition!.id, inviteeOrganizationId: declines.id })).coalitionInvite;
    const again2 = ok(await invite({ coalitionId: coalition!.id, inviteeOrganizationId: ignores.id })).coalitionInvite;
    expect([again.invitation!.id, again.invitation!.status]).toEqual([d.id, 'PENDING']);
    expect([again2.invitation!.id, again2.invitation!.status]).toEqual([i.id, 'PENDING']);
    // After expiry both read EXPIRED, and a declined one cannot be accepted any more.
    await app.db.query(`UPDATE coalition_invitations SET expires_at = now() - interval '1 second' WHERE id = ANY($1::uuid[])`, [[d.id, i.id]]);
    const lapsed = ok(await gql(app, CoalitionInvitationsDocument, { id: coalition!.id }, alice.token)).coalition!.invitations!;
    expect(lapsed.nodes.map((n) => n.status)).toEqual(['EXPIRED', 'EXPIRED']);
    expect(ok(await accept(d.id)).coalitionInvitationAccept.userErrors[0]).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('only owners and editors of a member invite; others get FORBIDDEN, hidden coalitions NOT_FOUND', async () => {
    const founder = await org(alice);
    const target = await org(bob);
    const { coalition } = await create(founder);
    const viewerOnly = await signUp(app, 'Viewer');
    await addMember(app, alice, founder.id, viewerOnly, 'MEMBER');
    expect(errorCode(await invite({ coalitionId: coalition!.id, inviteeOrganizationId: target.id }, viewerOnly.token))).toBe('FORBIDDEN');
    expect(errorCode(await invite({ coalitionId: coalition!.id, inviteeOrganizationId: target.id }, carol.token))).toBe('FORBIDDEN');
    const secret = (await create(founder, { visibility: 'PRIVATE' })).coalition!;
    expect(errorCode(await invite({ coalitionId: secret.id, inviteeOrganizationId: target.id }, carol.token))).toBe('NOT_FOUND');
    expect(errorCode(await invite({ coalitionId: randomUUID(), inviteeOrganizationId: target.id }, carol.token))).toBe('NOT_FOUND');
    expect(errorCode(await invite({ coalitionId: 'not-a-uuid', inviteeOrganizationId: target.id }, carol.token))).toBe('NOT_FOUND');
    // Invitee errors: unknown, member, own dealbreakers, both or neither target.
    const errs = async (input: Partial<CoalitionInviteInput>) => ok(await invite({ coalitionId: coalition!.id, ...input })).coalitionInvite.userErrors[0];
    expect(await errs({ inviteeOrganizationId: randomUUID() })).toMatchObject({ code: 'NOT_FOUND', field: 'input.inviteeOrganizationId' });
    expect(await errs({ inviteeOrganizationId: founder.id })).toMatchObject({ code: 'ALREADY_MEMBER' });
    expect(await errs({})).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await errs({ inviteeOrganizationId: target.id, categoryId: 'POLICY' })).toMatchObject({ code: 'UNKNOWN_CATEGORY', field: 'input.categoryId' });
    const picky = await org(alice, { dealbreakerKinds: ['MEDIA'] });
    const pickyCoalition = (await create(picky)).coalition!;
    const media = await org(bob, { kind: 'MEDIA' });
    expect(ok(await invite({ coalitionId: pickyCoalition.id, inviteeOrganizationId: media.id })).coalitionInvite.userErrors[0]).toMatchObject({ code: 'NOT_ACCEPTED' });
  });

  it('an invitee\'s dealbreakers refuse silently: answered like any invitation, never delivered', async () => {
    const founder = await org(alice, { kind: 'MEDIA' });
    const refuser = await org(bob, { dealbreakerKinds: ['MEDIA'] });
    const plain = await org(bob);
    const { coalition } = await create(founder);
    const refused = await invited(coalition!.id, refuser);
    const normal = await invited(coalition!.id, plain);
    expect(refused.status).toBe(normal.status);
    expect(ok(await gql(app, CoalitionInvitationsReceivedDocument, { organizationId: refuser.id }, bob.token)).coalitionInvitationsReceived.totalCount).toBe(0);
    expect(errorCode(await accept(refused.id))).toBe('NOT_FOUND');
    expect(ok(await gql(app, CoalitionInvitationsReceivedDocument, { organizationId: plain.id }, bob.token)).coalitionInvitationsReceived.totalCount).toBe(1);
  });
});

describe('leaving, endorsing, coordinator', () => {
  it('the last member leaving closes the coalition; endorsing an old version is VERSION_CHANGED', async () => {
    const founder = await org(alice);
    const { coalition } = await create(founder, { visibility: 'PUBLIC' });
    expect(ok(await gql(app, CoalitionCharterEndorseDocument, { input: { coalitionId: coalition!.id, version: 2 } }, alice.token)).coalitionCharterEndorse.userErrors[0])
      .toMatchObject({ code: 'VERSION_CHANGED', field: 'input.version' });
    const left = ok(await gql(app, CoalitionLeaveDocument, { input: { coalitionId: coalition!.id, organizationId: founder.id } }, alice.token)).coalitionLeave;
    expect(left.coalition).toMatchObject({ status: 'CLOSED', memberCount: 0 });
    const target = await org(bob);
    expect(errorCode(await invite({ coalitionId: coalition!.id, inviteeOrganizationId: target.id }))).toBe('FORBIDDEN');
  });

  it('derives the coordinator from the rotation (period and order), skipping members that left', async () => {
    const a = await org(alice, { name: 'Rotation A' });
    const b = await org(bob, { name: 'Rotation B' });
    const c = await org(bob, { name: 'Rotation C' });
    const { coalition } = await create(a, { charter: { purpose: 'Rotate', rotationPeriodDays: 30, rotationOrderIds: [a.id, b.id, c.id] } });
    for (const o of [b, c]) ok(await accept((await invited(coalition!.id, o)).id));
    const coordinator = async () => ok(await read(coalition!.id)).coalition!.coordinator!;
    expect((await coordinator()).member.organization!.id).toBe(a.id);
    await app.db.query(`UPDATE coalition_charters SET created_at = now() - interval '31 days' WHERE coalition_id = $1`, [coalition!.id]);
    const turn = await coordinator();
    expect(turn.member.organization!.id).toBe(b.id);
    expect(new Date(turn.until!).getTime()).toBeGreaterThan(Date.now());
    ok(await gql(app, CoalitionLeaveDocument, { input: { coalitionId: coalition!.id, organizationId: b.id } }, bob.token));
    // Order now [a, c]: the second turn is c's.
    expect((await coordinator()).member.organization!.id).toBe(c.id);
  });
});

describe('coverage', () => {
  it('shows the live matrix, the gaps and visible gap fillers (dealbreakers respected), invitable in one step', async () => {
    const founder = await org(alice, { name: 'Cover Founder', kind: 'NGO' });
    await addCapability(app, alice, founder.id, 'asylum-representation', 'EXPERT');
    const translator = await org(bob, { name: 'Gap Translators' });
    await addCapability(app, bob, translator.id, 'document-translation', 'PROFICIENT');
    const refusing = await org(bob, { name: 'Translators Refusing NGOs', dealbreakerKinds: ['NGO'] });
    await addCapability(app, bob, refusing.id, 'document-translation', 'EXPERT');
    const hiddenTranslator = await org(bob, { name: 'Hidden Translators', visibility: 'PRIVATE' });
    await addCapability(app, bob, hiddenTranslator.id, 'document-translation', 'EXPERT');
    const { coalition } = await create(founder);
    const coverage = ok(await gql(app, CoalitionCoverageDocument, { id: coalition!.id }, alice.token)).coalition!.coverage!;
    expect(coverage.cells).toEqual([
      { categoryId: 'LEGAL_AID', level: 'EXPERT', skillName: 'Asylum representation', member: { anonymous: false, organization: { id: founder.id } } },
      { categoryId: 'TRANSLATION', level: null, skillName: null, member: null },
    ]);
    expect(coverage.gaps).toEqual(['TRANSLATION']);
    const fillers = coverage.gapFillers.find((g) => g.categoryId === 'TRANSLATION')!.organizations.map((o) => o.id);
    expect(fillers).toContain(translator.id);
    expect(fillers).not.toContain(refusing.id);
    expect(fillers).not.toContain(hiddenTranslator.id);
    // Non-members see no coverage.
    expect(ok(await gql(app, CoalitionCoverageDocument, { id: coalition!.id }, carol.token)).coalition!.coverage).toBeNull();
    // One step: invite the filler for the gap; accepting closes it.
    const inv = ok(await invite({ coalitionId: coalition!.id, inviteeOrganizationId: translator.id, categoryId: 'TRANSLATION' })).coalitionInvite.invitation!;
    expect(inv.categoryId).toBe('TRANSLATION');
    ok(await accept(inv.id));
    const after = ok(await gql(app, CoalitionCoverageDocument, { id: coalition!.id }, alice.token)).coalition!.coverage!;
    expect(after.gaps).toEqual([]);
    expect(after.cells[1]).toMatchObject({ categoryId: 'TRANSLATION', level: 'PROFICIENT', member: { organization: { id: translator.id } } });
  });
});

describe('lists and trust', () => {
  it('lists visible coalitions and your own organization\'s, PRIVATE ones only to members', async () => {
    const founder = await org(alice);
    const open = (await create(founder, { name: `Open ${randomUUID().slice(0, 4)}`, visibility: 'PUBLIC' })).coalition!;
    const secret = (await create(founder, { name: `Secret ${randomUUID().slice(0, 4)}`, visibility: 'PRIVATE' })).coalition!;
    const mine = ok(await gql(app, CoalitionsDocument, { filter: { memberOrganizationId: founder.id } }, alice.token)).coalitions;
    expect(mine.nodes.map((n) => n.id)).toEqual([secret.id, open.id]);
    expect(mine.totalCount).toBe(2);
    const strangers = ok(await gql(app, CoalitionsDocument, { first: 100 }, carol.token)).coalitions.nodes.map((n) => n.id);
    expect(strangers).toContain(open.id);
    expect(strangers).not.toContain(secret.id);
    expect(errorCode(await gql(app, CoalitionsDocument, { filter: { memberOrganizationId: founder.id } }, carol.token))).toBe('FORBIDDEN');
    expect(ok(await read(secret.id, carol.token)).coalition).toBeNull();
    expect(ok(await read(open.id, null)).coalition!.id).toBe(open.id);
  });

  it('shared membership counts as trust in partner suggestions, with its reason', async () => {
    const asker = await org(alice, { name: 'Trust Asker', issueAreaIds: [refugees] });
    await addNeed(app, alice, asker.id, 'grant-writing', 'HIGH');
    const peer = await org(bob, { name: 'Trust Peer', issueAreaIds: [refugees] });
    await addCapability(app, bob, peer.id, 'grant-writing', 'PROFICIENT');
    const suggestion = async () => ok(await gql(app, PartnerSuggestionsDocument, { organizationId: asker.id, first: 50 }, alice.token))
      .partnerSuggestions.nodes.find((n) => n.organization?.id === peer.id)!;
    const before = await suggestion();
    expect(before.reasons.map((r) => r.code)).not.toContain('SAME_COALITION');
    const { coalition } = await create(asker);
    ok(await accept((await invited(coalition!.id, peer)).id));
    const after = await suggestion();
    expect(after.reasons.find((r) => r.code === 'SAME_COALITION')).toMatchObject({ text: 'you are members of the same coalition' });
    expect(after.parts.trust).toBeGreaterThan(before.parts.trust);
    expect(after.score).toBeGreaterThan(before.score);
  });
});

describe('races', () => {
  it('concurrent accept and decline of one invitation: exactly one wins', async () => {
    const founder = await org(alice);
    const joiner = await org(bob);
    const { coalition } = await create(founder);
    const inv = await invited(coalition!.id, joiner);
    const [a, d] = await Promise.all([accept(inv.id), decline(inv.id)]);
    const outcomes = [ok(a).coalitionInvitationAccept.userErrors.length, ok(d).coalitionInvitationDecline.userErrors.length].sort();
    expect(outcomes).toEqual([0, 1]);
    const [{ count }] = await app.db.query('SELECT count(*)::int AS count FROM coalition_members WHERE coalition_id = $1 AND left_at IS NULL', [coalition!.id]);
    expect(count).toBe(ok(a).coalitionInvitationAccept.userErrors.length === 0 ? 2 : 1);
  });

  it('concurrent invitations of one organization give one invitation; concurrent accepts of two give both members', async () => {
    const founder = await org(alice);
    const [x, y] = [await org(bob), await org(bob)];
    const { coalition } = await create(founder);
    const results = await Promise.all(Array.from({ length: 6 }, () => invite({ coalitionId: coalition!.id, inviteeOrganizationId: x.id })));
    expect(new Set(results.map((r) => ok(r).coalitionInvite.invitation!.id)).size).toBe(1);
    const iy = await invited(coalition!.id, y);
    const ix = ok(results[0]).coalitionInvite.invitation!;
    const accepted = await Promise.all([accept(ix.id), accept(iy.id), accept(ix.id)]);
    expect(accepted.map((r) => ok(r).coalitionInvitationAccept.userErrors.length).sort()).toEqual([0, 0, 1]);
    expect(ok(await read(coalition!.id)).coalition!.memberCount).toBe(3);
  });

  it('concurrent leaves of the last two members close the coalition exactly once', async () => {
    const founder = await org(alice);
    const other = await org(bob);
    const { coalition } = await create(founder);
    ok(await accept((await invited(coalition!.id, other)).id));
    await Promise.all([
      gql(app, CoalitionLeaveDocument, { input: { coalitionId: coalition!.id, organizationId: founder.id } }, alice.token),
      gql(app, CoalitionLeaveDocument, { input: { coalitionId: coalition!.id, organizationId: other.id } }, bob.token),
    ]);
    const [row] = await app.db.query('SELECT status FROM coalitions WHERE id = $1', [coalition!.id]);
    expect(row.status).toBe('CLOSED');
  });
});
