// No oracle by side effect, accounts and memberships: an attacker with an ordinary account (signed up, owns its
// own organization, public API only) probes sign-up, email confirmation, sign-in and invitations. Whether an
// address has an account, and whether a person declined, must never change an answer:
//  - sign-up answers the same bytes for a fresh address, a registered one and an unconfirmed one;
//  - confirming and signing in fail alike for unknown addresses and wrong secrets; a code dies after 5 misses;
//  - inviting an address answers the same for accounts, non-accounts and members; nobody joins without accepting;
//  - a declined invitation reads to the inviter exactly like an ignored one (PENDING, then EXPIRED);
//  - an invitation addressed to someone else is as missing as a random id.
import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import {
  InvitationAcceptDocument, InvitationDeclineDocument, InvitationRevokeDocument, MemberInviteDocument, MyInvitationsDocument,
  OrgByIdDocument, OrgInvitationsDocument, OrgListDocument, SignInDocument, SignUpDocument, VerifyEmailDocument,
  ViewerOrganizationsDocument,
} from '../generated/graphql.js';
import { addMember, createOrg, freshEmail, mailedCode, signUp, TEST_PASSWORD, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok, type GraphQLResponse } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let attacker: TestUser; // an ordinary account that owns its own organization
let victim: TestUser; // a registered, confirmed account
let attackerOrg: { id: string };
beforeAll(async () => {
  app = await startTestApp();
  [attacker, victim] = await Promise.all([signUp(app, 'Attacker'), signUp(app, 'Victim')]);
  attackerOrg = await createOrg(app, attacker, { name: `Probe Base ${randomUUID().slice(0, 6)}` });
});
afterAll(() => app?.close());

/** The exact bytes of an answer, as a client receives them. */
async function rawBody(document: Parameters<typeof print>[0], variables: Record<string, unknown>, token?: string): Promise<string> {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return `${response.status} ${await response.text()}`;
}

/** An answer with what the probe itself chose or the server generated (ids, the address, dates) masked. */
function observable(response: GraphQLResponse<unknown>, emails: string[] = []): unknown {
  let text = JSON.stringify({ status: response.status, data: response.data, errors: response.errors });
  text = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
  text = text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<date>');
  for (const email of emails) text = text.split(email.toLowerCase()).join('<email>');
  return JSON.parse(text);
}

async function unconfirmedAddress(): Promise<string> {
  const email = freshEmail('Unconfirmed');
  ok(await gql(app, SignUpDocument, { input: { email, password: 'the squatter password', displayName: 'Squatter' } }));
  return email;
}

describe('sign-up, confirmation and sign-in do not tell whether an address has an account', () => {
  it('sign-up answers byte-identical bodies for a registered, an unconfirmed and a fresh address', async () => {
    const unconfirmed = await unconfirmedAddress();
    const signUpWith = (email: string) => rawBody(SignUpDocument, { input: { email, password: 'probe password 123', displayName: 'Probe' } });
    const registered = await signUpWith(victim.email);
    const registeredOtherCase = await signUpWith(victim.email.toUpperCase());
    const pending = await signUpWith(unconfirmed);
    const fresh = await signUpWith(freshEmail('Fresh'));
    expect(registered).toBe(fresh);
    expect(registeredOtherCase).toBe(fresh);
    expect(pending).toBe(fresh);
    expect(JSON.parse(fresh.slice(4))).toEqual({
      data: { accountSignUp: { accepted: true, message: expect.any(String), userErrors: [] } },
    });
    // ...and the registered account was not touched: its password still works, the probe's does not.
    expect(ok(await gql(app, SignInDocument, { input: { email: victim.email, password: TEST_PASSWORD } })).accountSignIn.token).toMatch(/^coa_/);
    expect(ok(await gql(app, SignInDocument, { input: { email: victim.email, password: 'probe password 123' } })).accountSignIn.token).toBeNull();
  });

  it('a wrong code answers the same bytes for an unconfirmed address, a confirmed one and an unknown one', async () => {
    const unconfirmed = await unconfirmedAddress();
    const guess = (email: string) => rawBody(VerifyEmailDocument, { input: { email, code: 'AAAA-AAAA', password: 'the squatter password' } });
    const unknown = await guess(freshEmail('Nobody'));
    expect(await guess(unconfirmed)).toBe(unknown);
    expect(await guess(victim.email)).toBe(unknown);
    expect(JSON.parse(unknown.slice(4)).data.accountVerifyEmail).toEqual({
      token: null, user: null, userErrors: [{ code: 'INVALID_CODE', field: 'input.code', message: expect.any(String) }],
    });
  });

  it('sign-in with a wrong password answers the same bytes for an unconfirmed, a confirmed and an unknown address', async () => {
    const unconfirmed = await unconfirmedAddress();
    const attempt = (email: string) => rawBody(SignInDocument, { input: { email, password: 'a guessed password' } });
    const unknown = await attempt(freshEmail('Nobody'));
    expect(await attempt(unconfirmed)).toBe(unknown);
    expect(await attempt(victim.email)).toBe(unknown);
  });

  it('brute force on a confirmation code stops after 5 wrong attempts: then even the right code fails', async () => {
    const email = await unconfirmedAddress();
    const code = await mailedCode(app, email);
    const unknownAnswer = await rawBody(VerifyEmailDocument, { input: { email: freshEmail('Nobody'), code: 'AAAA-AAAA', password: 'the squatter password' } });
    // Concurrent guesses are counted one by one (row lock), so racing does not buy extra attempts.
    const guesses = await Promise.all(['0000-0000', '1111-1111', '2222-2222', '3333-3333', '4444-4444'].map((wrong) =>
      rawBody(VerifyEmailDocument, { input: { email, code: wrong, password: 'the squatter password' } })));
    for (const answer of guesses) expect(answer).toBe(unknownAnswer);
    const [{ attempts }] = await app.db.query(
      'SELECT attempts FROM email_verification_codes WHERE user_id = (SELECT id FROM users WHERE email = $1)', [email],
    );
    expect(attempts).toBe(5);

    expect(await rawBody(VerifyEmailDocument, { input: { email, code, password: 'the squatter password' } })).toBe(unknownAnswer);
    const [{ verified }] = await app.db.query('SELECT email_verified_at IS NOT NULL AS verified FROM users WHERE email = $1', [email]);
    expect(verified).toBe(false);
    expect(await app.db.query('SELECT 1 FROM access_tokens WHERE user_id = (SELECT id FROM users WHERE email = $1)', [email])).toEqual([]);

    // The owner of the address gets a new code by signing up again, and it works.
    ok(await gql(app, SignUpDocument, { input: { email, password: 'the real owner password', displayName: 'Owner' } }));
    const session = ok(await gql(app, VerifyEmailDocument, { input: { email, code: await mailedCode(app, email), password: 'the real owner password' } })).accountVerifyEmail;
    expect(session.token).toMatch(/^coa_/);
  });
});

describe('invitations do not tell whether an address has an account, and nobody joins without accepting', () => {
  const invite = (email: string, role: 'MEMBER' | 'EDITOR' | 'OWNER' = 'MEMBER', organizationId = attackerOrg.id) =>
    gql(app, MemberInviteDocument, { input: { organizationId, email, role } }, attacker.token);

  async function invitationsSeenByAttacker(organizationId = attackerOrg.id) {
    return ok(await gql(app, OrgInvitationsDocument, { id: organizationId }, attacker.token)).organization!;
  }

  it('inviting a registered, an unconfirmed, a member\'s and an unknown address: identical answers apart from ids, address and dates', async () => {
    const unconfirmed = await unconfirmedAddress();
    const member = await signUp(app, 'Already Member');
    const memberOrg = await createOrg(app, attacker, { name: `Invite Probe ${randomUUID().slice(0, 6)}` });
    await addMember(app, attacker, memberOrg.id, member, 'MEMBER');
    const unknownEmail = freshEmail('Unknown');

    const unknown = observable(await invite(unknownEmail, 'EDITOR', memberOrg.id), [unknownEmail]);
    expect(observable(await invite(victim.email, 'EDITOR', memberOrg.id), [victim.email])).toEqual(unknown);
    expect(observable(await invite(unconfirmed, 'EDITOR', memberOrg.id), [unconfirmed])).toEqual(unknown);
    expect(observable(await invite(member.email, 'EDITOR', memberOrg.id), [member.email])).toEqual(unknown);
    expect(unknown).toEqual({
      status: 200,
      data: { organizationMemberInvite: { invitation: { id: '<id>', email: '<email>', role: 'EDITOR', status: 'PENDING', expiresAt: '<date>', createdAt: '<date>' }, userErrors: [] } },
    });
    // The owners' list shows the four alike, and never a user id or display name.
    const listed = (await invitationsSeenByAttacker(memberOrg.id)).invitations!;
    expect(listed).toHaveLength(4);
    const shapes = listed.map((i) => observable({ status: 200, data: i }, [i.email]));
    expect(new Set(shapes.map((s) => JSON.stringify(s))).size).toBe(1);
    expect(JSON.stringify(listed)).not.toContain(victim.id);
    expect(JSON.stringify(listed)).not.toContain('Victim');
  });

  it('a declined invitation looks to the inviter exactly like an ignored one: PENDING, then EXPIRED, renewed and revoked alike', async () => {
    const org = await createOrg(app, attacker, { name: `Decline Probe ${randomUUID().slice(0, 6)}` });
    const [decliner, ignorer] = await Promise.all([signUp(app, 'Decliner'), signUp(app, 'Ignorer')]);
    const toDecliner = ok(await invite(decliner.email, 'MEMBER', org.id)).organizationMemberInvite.invitation!;
    const toIgnorer = ok(await invite(ignorer.email, 'MEMBER', org.id)).organizationMemberInvite.invitation!;
    ok(await gql(app, InvitationDeclineDocument, { input: { invitationId: toDecliner.id } }, decliner.token));

    const seen = async () => {
      const { invitations, members } = await invitationsSeenByAttacker(org.id);
      const byId = new Map(invitations!.map((i) => [i.id, i]));
      return {
        declined: observable({ status: 200, data: byId.get(toDecliner.id) }, [decliner.email]),
        ignored: observable({ status: 200, data: byId.get(toIgnorer.id) }, [ignorer.email]),
        members: members!.map((m) => m.userId),
      };
    };
    const pending = await seen();
    expect(pending.declined).toEqual(pending.ignored);
    expect(pending.declined).toMatchObject({ data: { status: 'PENDING' } });
    expect(pending.members).toEqual([attacker.id]);

    // Re-inviting both: the same answer (same invitation renewed, role changed) for each.
    const renewedDeclined = await invite(decliner.email, 'EDITOR', org.id);
    const renewedIgnored = await invite(ignorer.email, 'EDITOR', org.id);
    expect(observable(renewedDeclined, [decliner.email])).toEqual(observable(renewedIgnored, [ignorer.email]));
    expect(ok(renewedDeclined).organizationMemberInvite.invitation!.id).toBe(toDecliner.id);
    expect(ok(renewedIgnored).organizationMemberInvite.invitation!.id).toBe(toIgnorer.id);

    await app.db.query(`UPDATE organization_invitations SET expires_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [[toDecliner.id, toIgnorer.id]]);
    const expired = await seen();
    expect(expired.declined).toEqual(expired.ignored);
    expect(expired.declined).toMatchObject({ data: { status: 'EXPIRED' } });

    // Revoking answers alike too (a fresh pair, since expired ones stay listed as they are).
    const [d2, i2] = [ok(await invite(decliner.email, 'MEMBER', org.id)).organizationMemberInvite.invitation!, ok(await invite(ignorer.email, 'MEMBER', org.id)).organizationMemberInvite.invitation!];
    ok(await gql(app, InvitationDeclineDocument, { input: { invitationId: d2.id } }, decliner.token));
    const revokeDeclined = await gql(app, InvitationRevokeDocument, { input: { invitationId: d2.id } }, attacker.token);
    const revokeIgnored = await gql(app, InvitationRevokeDocument, { input: { invitationId: i2.id } }, attacker.token);
    expect(observable(revokeDeclined, [decliner.email])).toEqual(observable(revokeIgnored, [ignorer.email]));
    expect(ok(revokeDeclined).organizationInvitationRevoke.invitation?.status).toBe('REVOKED');
  });

  it('nobody is a member before accepting: a PRIVATE organization stays invisible to the invitee, and is not in their memberships', async () => {
    const name = `Hidden Inviter ${randomUUID().slice(0, 6)}`;
    const hidden = await createOrg(app, attacker, { name, visibility: 'PRIVATE', kind: 'MEDIA', contactEmail: 'secret@hidden.example.org' });
    const invitee = await signUp(app, 'Invitee');
    const invitation = ok(await invite(invitee.email, 'OWNER', hidden.id)).organizationMemberInvite.invitation!;

    const asInvitee = async () => ({
      byId: observable(await gql(app, OrgByIdDocument, { id: hidden.id }, invitee.token)),
      memberships: ok(await gql(app, ViewerOrganizationsDocument, {}, invitee.token)).viewer!.memberships,
      listed: ok(await gql(app, OrgListDocument, { first: 20, filter: { search: name } }, invitee.token)).organizations.edges.map((e) => e.node.id),
    });
    const missing = observable(await gql(app, OrgByIdDocument, { id: randomUUID() }, invitee.token));
    const before = await asInvitee();
    expect(before).toEqual({ byId: missing, memberships: [], listed: [] });
    expect(await app.db.query('SELECT 1 FROM memberships WHERE user_id = $1', [invitee.id])).toEqual([]);

    // What the invitee learns before deciding: name, kind, role, dates. No location, contact or members.
    const received = ok(await gql(app, MyInvitationsDocument, {}, invitee.token)).myInvitations;
    expect(received).toEqual([{ id: invitation.id, organizationName: name, organizationKind: 'MEDIA', role: 'OWNER', expiresAt: invitation.expiresAt, createdAt: invitation.createdAt }]);

    // Declining changes nothing for them either.
    ok(await gql(app, InvitationDeclineDocument, { input: { invitationId: invitation.id } }, invitee.token));
    expect(await asInvitee()).toEqual(before);
    expect((await invitationsSeenByAttacker(hidden.id)).members!.map((m) => m.userId)).toEqual([attacker.id]);
  });

  it('an invitation addressed to someone else answers like a missing one, to accept and to decline, and stays open', async () => {
    const invitation = ok(await invite(victim.email)).organizationMemberInvite.invitation!;
    for (const [label, document] of [['accept', InvitationAcceptDocument], ['decline', InvitationDeclineDocument]] as const) {
      for (const token of [attacker.token, (await signUp(app, 'Bystander')).token]) {
        const onTheirs = await gql(app, document as typeof InvitationAcceptDocument, { input: { invitationId: invitation.id } }, token);
        const onMissing = await gql(app, document as typeof InvitationAcceptDocument, { input: { invitationId: randomUUID() } }, token);
        expect({ label, code: errorCode(onTheirs) }).toEqual({ label, code: 'NOT_FOUND' });
        expect({ label, ...observable(onTheirs) as object }).toEqual({ label, ...observable(onMissing) as object });
      }
    }
    expect(await app.db.query('SELECT 1 FROM memberships WHERE organization_id = $1 AND user_id <> $2', [attackerOrg.id, attacker.id])).toEqual([]);
    // Still open for its addressee.
    const accepted = ok(await gql(app, InvitationAcceptDocument, { input: { invitationId: invitation.id } }, victim.token)).organizationInvitationAccept;
    expect(accepted).toMatchObject({ role: 'MEMBER', userErrors: [] });
    await app.db.query('DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2', [attackerOrg.id, victim.id]);
  });
});
