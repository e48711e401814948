import { randomUUID } from 'node:crypto';
import {
  CoalitionCreateDocument, CoalitionDocument, CoalitionInvitationAcceptDocument, CoalitionInvitationDeclineDocument, CoalitionInvitationsDocument,
  CoalitionInvitationsReceivedDocument, CoalitionInviteDocument, CoalitionsDocument, CoalitionSuggestionsDocument, type OrganizationCreateInput,
} from '../generated/graphql.js';
import { addCapability, createOrg, issueAreaId, signUp, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Coalitions as an attacker with an ordinary account: an anonymous suggestion invited through its token is never
// named (not by the invitation, not by an error, not by inviting it twice), tokens work only for whom they were
// shown to; a decline cannot be told from silence; a PRIVATE member is never named to non-members anywhere.

const NAIROBI = { country: 'KE', region: 'Nairobi County', city: 'Nairobi', latitude: -1.28333, longitude: 36.81667, precision: 'CITY' as const };

let app: TestApp;
let alice: TestUser; // coordinates a coalition
let dana: TestUser; // owns a PRIVATE organization that opted in to anonymous suggestions
let eve: TestUser; // an attacker with an ordinary account
let refugees: string;
type Org = Awaited<ReturnType<typeof createOrg>>;
let founder: Org;
let secret: Org;
const org = (owner: TestUser, input: Partial<OrganizationCreateInput> = {}) => createOrg(app, owner, { location: NAIROBI, ...input });

beforeAll(async () => {
  app = await startTestApp();
  [alice, dana, eve] = await Promise.all([signUp(app, 'Alice'), signUp(app, 'Dana'), signUp(app, 'Eve')]);
  refugees = await issueAreaId(app, 'refugee-resettlement');
  founder = await org(alice, { name: 'Open Shelter', kind: 'NGO', issueAreaIds: [refugees] });
  await addCapability(app, alice, founder.id, 'asylum-representation', 'EXPERT');
  secret = await org(dana, {
    name: 'Quiet Interpreters Omega', kind: 'COMMUNITY_GROUP', visibility: 'PRIVATE', anonymousSuggestions: true,
    contactEmail: 'omega@example.org', location: { ...NAIROBI, precision: 'REGION' }, issueAreaIds: [refugees],
  });
  await addCapability(app, dana, secret.id, 'document-translation', 'EXPERT');
}, 60_000);
afterAll(() => app?.close());

async function suggestionToken(user: TestUser, asker: Org): Promise<string> {
  const alts = ok(await gql(app, CoalitionSuggestionsDocument, {
    input: { organizationId: asker.id, issueAreaId: refugees, categoryIds: ['LEGAL_AID', 'TRANSLATION'], minSize: 2, maxSize: 2, mustIncludeIds: [asker.id],
      near: { latitude: NAIROBI.latitude, longitude: NAIROBI.longitude, radiusKm: 200 } },
  }, user.token)).coalitionSuggestions;
  const card = alts.flatMap((a) => a.members).find((m) => m.anonymous)?.anonymous;
  expect(card).toMatchObject({ kind: 'COMMUNITY_GROUP' });
  return card!.token;
}

async function coalition(visibility: 'PUBLIC' | 'NETWORK' | 'PRIVATE' = 'PUBLIC', by = founder, token = alice.token) {
  const payload = ok(await gql(app, CoalitionCreateDocument, {
    input: { organizationId: by.id, name: `Coalition ${randomUUID().slice(0, 6)}`, issueAreaId: refugees, visibility, requiredCategoryIds: ['LEGAL_AID', 'TRANSLATION'], charter: { purpose: 'Together' } },
  }, token)).coalitionCreate;
  expect(payload.userErrors).toEqual([]);
  return payload.coalition!;
}

const inviteByToken = (coalitionId: string, anonymousToken: string, token = alice.token) =>
  gql(app, CoalitionInviteDocument, { input: { coalitionId, anonymousToken } }, token);

describe('inviting an anonymous suggestion through its token', () => {
  it('reaches it without naming it; the coalition sees the card until it accepts, then the organization', async () => {
    const c = await coalition();
    const token = await suggestionToken(alice, founder);
    const sent = ok(await inviteByToken(c.id, token)).coalitionInvite;
    expect(sent.userErrors).toEqual([]);
    const text = JSON.stringify(sent);
    expect(text).not.toContain(secret.id);
    expect(text).not.toContain('Quiet Interpreters');
    expect(sent.invitation!.invitee.organization).toBeNull();
    expect(sent.invitation!.invitee.anonymous).toMatchObject({ kind: 'COMMUNITY_GROUP', country: 'KE', region: 'Nairobi County', capabilities: [{ categoryId: 'TRANSLATION', level: 'EXPERT' }] });
    // Its token is a new random string, resolving to nothing: it is not the suggestion's token.
    expect(sent.invitation!.invitee.anonymous!.token).not.toBe(token);
    // The invited organization sees it (with the coalition, which it may see while invited).
    const received = ok(await gql(app, CoalitionInvitationsReceivedDocument, { organizationId: secret.id }, dana.token)).coalitionInvitationsReceived;
    expect(received.nodes.map((n) => [n.id, n.coalition.id, n.status])).toEqual([[sent.invitation!.id, c.id, 'PENDING']]);
    const accepted = ok(await gql(app, CoalitionInvitationAcceptDocument, { input: { invitationId: sent.invitation!.id } }, dana.token)).coalitionInvitationAccept;
    expect(accepted.userErrors).toEqual([]);
    // Now the coalition knows it, with its contact details; outsiders see an anonymous participant only.
    const inside = ok(await gql(app, CoalitionDocument, { id: c.id }, alice.token)).coalition!;
    expect(inside.members.find((m) => m.organization?.id === secret.id)!.organization!.contactEmail).toBe('omega@example.org');
    const list = ok(await gql(app, CoalitionInvitationsDocument, { id: c.id }, alice.token)).coalition!.invitations!;
    expect(list.nodes[0].invitee.organization?.id).toBe(secret.id);
    for (const viewer of [eve.token, null]) {
      const outside = await gql(app, CoalitionDocument, { id: c.id }, viewer);
      expect(JSON.stringify(outside)).not.toContain(secret.id);
      expect(JSON.stringify(outside)).not.toContain('Quiet Interpreters');
      expect(ok(outside).coalition!.members.filter((m) => m.anonymous)).toEqual([
        { anonymous: true, role: null, visibility: null, joinedAt: null, endorsedCurrentCharter: null, coordinator: false, organization: null },
      ]);
    }
  });

  it('a token works only for the user it was shown to, and a forged one answers like any invalid token', async () => {
    const c = await coalition();
    const token = await suggestionToken(alice, founder);
    // Eve founds her own coalition and tries Alice's token: refused like garbage, so it tells her nothing.
    const eveOrg = await org(eve, { name: 'Eve Org' });
    const eves = await coalition('PUBLIC', eveOrg, eve.token);
    const stolen = ok(await inviteByToken(eves.id, token, eve.token)).coalitionInvite.userErrors;
    const forged = ok(await inviteByToken(eves.id, `${token.slice(0, -2)}AA`, eve.token)).coalitionInvite.userErrors;
    const garbage = ok(await inviteByToken(eves.id, 'anon_xxxxxxxxxxxxxxxx', eve.token)).coalitionInvite.userErrors;
    expect(stolen).toEqual([{ code: 'INVALID_TOKEN', field: 'input.anonymousToken', message: expect.any(String) }]);
    expect(forged).toEqual(stolen);
    expect(garbage).toEqual(stolen);
    const [{ count }] = await app.db.query('SELECT count(*)::int AS count FROM coalition_invitations WHERE coalition_id = ANY($1::uuid[])', [[c.id, eves.id]]);
    expect(count).toBe(0);
  });

  it('inviting one card twice, or a card that is already a member, answers exactly like a first invitation; only one is delivered', async () => {
    const c = await coalition();
    const [t1, t2] = [await suggestionToken(alice, founder), await suggestionToken(alice, founder)];
    expect(t1).not.toBe(t2); // random in every response: two responses cannot be correlated by token
    const first = ok(await inviteByToken(c.id, t1)).coalitionInvite;
    const second = ok(await inviteByToken(c.id, t2)).coalitionInvite;
    const shape = (p: typeof first) => ({ ...p, invitation: { ...p.invitation!, id: null, createdAt: null, expiresAt: null, invitee: { ...p.invitation!.invitee, anonymous: { ...p.invitation!.invitee.anonymous!, token: null } } } });
    expect(shape(second)).toEqual(shape(first));
    const received = ok(await gql(app, CoalitionInvitationsReceivedDocument, { organizationId: secret.id }, dana.token)).coalitionInvitationsReceived;
    expect(received.nodes.filter((n) => n.coalition.id === c.id).length).toBe(1);
    // Accepted: a third invitation of the card (now a member) still answers alike, and the member list never shows it twice.
    const delivered = received.nodes.find((n) => n.coalition.id === c.id)!;
    ok(await gql(app, CoalitionInvitationAcceptDocument, { input: { invitationId: delivered.id } }, dana.token));
    const third = ok(await inviteByToken(c.id, await suggestionToken(alice, founder))).coalitionInvite;
    expect(third.userErrors).toEqual([]);
    expect(third.invitation!.invitee.organization).toBeNull();
    expect(third.invitation!.status).toBe('PENDING');
    expect(ok(await gql(app, CoalitionDocument, { id: c.id }, alice.token)).coalition!.memberCount).toBe(2);
  });
});

describe('declines and PRIVATE members', () => {
  it('the coalition cannot tell a decline from silence, in the invitation, the list, the filter or a re-invite', async () => {
    const c = await coalition();
    const silent = await org(dana, { name: 'Silent One' });
    const declining = await org(dana, { name: 'Declining One' });
    const send = async (o: Org) => ok(await gql(app, CoalitionInviteDocument, { input: { coalitionId: c.id, inviteeOrganizationId: o.id } }, alice.token)).coalitionInvite.invitation!;
    const [a, b] = [await send(silent), await send(declining)];
    ok(await gql(app, CoalitionInvitationDeclineDocument, { input: { invitationId: b.id } }, dana.token));
    const view = async () => ok(await gql(app, CoalitionInvitationsDocument, { id: c.id }, alice.token)).coalition!.invitations!.nodes;
    const strip = (n: Awaited<ReturnType<typeof view>>[number]) => ({ ...n, id: null, createdAt: null, expiresAt: null, invitee: null });
    const nodes = await view();
    expect(strip(nodes.find((n) => n.id === a.id)!)).toEqual(strip(nodes.find((n) => n.id === b.id)!));
    const again = [await send(silent), await send(declining)];
    expect(again.map((i) => [i.id, i.status])).toEqual([[a.id, 'PENDING'], [b.id, 'PENDING']]);
    // The declining organization itself sees its answer, and a PRIVATE coalition it declined disappears for it.
    const secretCoalition = await coalition('PRIVATE');
    const inv = ok(await gql(app, CoalitionInviteDocument, { input: { coalitionId: secretCoalition.id, inviteeOrganizationId: declining.id } }, alice.token)).coalitionInvite.invitation!;
    expect(ok(await gql(app, CoalitionDocument, { id: secretCoalition.id }, dana.token)).coalition?.id).toBe(secretCoalition.id);
    ok(await gql(app, CoalitionInvitationDeclineDocument, { input: { invitationId: inv.id } }, dana.token));
    expect(ok(await gql(app, CoalitionDocument, { id: secretCoalition.id }, dana.token)).coalition).toBeNull();
  });

  it('a PRIVATE member is never named to non-members: coalition, lists, charter rotation, coordinator, member filter', async () => {
    // Dana's PRIVATE organization founds a PUBLIC coalition and coordinates it; Alice's organization joins.
    const c = await coalition('PUBLIC', secret, dana.token);
    const inv = ok(await gql(app, CoalitionInviteDocument, { input: { coalitionId: c.id, inviteeOrganizationId: founder.id } }, dana.token)).coalitionInvite.invitation!;
    ok(await gql(app, CoalitionInvitationAcceptDocument, { input: { invitationId: inv.id } }, alice.token));
    for (const viewer of [eve.token, null]) {
      const one = await gql(app, CoalitionDocument, { id: c.id }, viewer);
      const answers = [
        one,
        await gql(app, CoalitionsDocument, { first: 100 }, viewer),
        await gql(app, CoalitionInvitationsDocument, { id: c.id }, viewer),
      ];
      for (const answer of answers) {
        expect(JSON.stringify(answer)).not.toContain(secret.id);
        expect(JSON.stringify(answer)).not.toContain('Quiet Interpreters');
      }
      const seen = ok(one).coalition!;
      expect(seen.coordinator!.member).toEqual({ anonymous: true, organization: null });
      expect(seen.charter!.rotationOrder).toEqual([{ anonymous: true, organization: null }]);
      expect(seen.members.map((m) => m.organization?.id ?? 'anonymous').sort()).toEqual([founder.id, 'anonymous'].sort());
    }
    // Filtering coalitions by someone else's organization is refused, whether it is a member or not.
    const asMember = await gql(app, CoalitionsDocument, { filter: { memberOrganizationId: secret.id } }, eve.token);
    const asRandom = await gql(app, CoalitionsDocument, { filter: { memberOrganizationId: randomUUID() } }, eve.token);
    expect(asMember).toEqual(asRandom);
    // Insiders see it by name.
    expect(ok(await gql(app, CoalitionDocument, { id: c.id }, alice.token)).coalition!.coordinator!.member.organization?.id).toBe(secret.id);
  });
});
