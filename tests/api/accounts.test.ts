import { randomUUID } from 'node:crypto';
import {
  InvitationAcceptDocument, InvitationDeclineDocument, InvitationRevokeDocument, MemberInviteDocument, MemberRoleSetDocument,
  MyInvitationsDocument, OrgInvitationsDocument, SignInDocument, SignOutDocument, SignUpDocument, VerifyEmailDocument, ViewerDocument,
} from '../generated/graphql.js';
import { addMember, createOrg, freshEmail, lastMail, mailedCode, signUp, TEST_PASSWORD, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok, rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { grantAdminsFromConfig } from '../../src/accounts/admin-bootstrap.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const ACCEPTED = {
  accepted: true,
  message: 'If this address can be used, a confirmation code was sent to it. Enter it with accountVerifyEmail.',
  userErrors: [],
};

function startSignUp(email: string, password = TEST_PASSWORD, displayName = 'Someone') {
  return gql(app, SignUpDocument, { input: { email, password, displayName } });
}

async function verify(email: string, code: string, password = TEST_PASSWORD) {
  return ok(await gql(app, VerifyEmailDocument, { input: { email, code, password } })).accountVerifyEmail;
}

async function signInAs(email: string, password: string) {
  return ok(await gql(app, SignInDocument, { input: { email, password } })).accountSignIn;
}

async function userRow(email: string) {
  const rows = await app.db.query(
    'SELECT id, display_name AS "displayName", email_verified_at AS "verifiedAt" FROM users WHERE email = $1', [email.toLowerCase()],
  );
  return rows[0] as { id: string; displayName: string; verifiedAt: Date | null } | undefined;
}

async function mails(email: string) {
  return app.db.query('SELECT kind, subject, body, sent_at AS "sentAt" FROM outbox_messages WHERE to_email = $1 ORDER BY created_at, id', [email.toLowerCase()]);
}

const INVALID_CODE = { token: null, user: null, userErrors: [{ code: 'INVALID_CODE', field: 'input.code', message: 'This code and password do not confirm this address (wrong, used or expired code, or another password)' }] };

describe('sign-up with a confirmation code', () => {
  it('signs up, returns an opaque token stored only as a hash, and knows the viewer', async () => {
    const user = await signUp(app, 'Amina');
    expect(user.token).toMatch(/^coa_[\w-]{40,}$/);
    const stored = await app.db.query('SELECT token_hash FROM access_tokens WHERE user_id = $1', [user.id]);
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0].token_hash).toString()).not.toContain(user.token);
    const [{ password_hash: passwordHash }] = await app.db.query('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(passwordHash).toMatch(/^\$argon2id\$/);

    const viewer = ok(await gql(app, ViewerDocument, {}, user.token)).viewer;
    expect(viewer?.user.email).toBe(user.email);
    expect(ok(await gql(app, ViewerDocument, {})).viewer).toBeNull();
  });

  it('a new address: no token or user in the answer, an unverified account and one mailed code stored as a hash', async () => {
    const email = freshEmail('Nia');
    const started = ok(await startSignUp(email.toUpperCase(), TEST_PASSWORD, '  Nia  ')).accountSignUp;
    expect(started).toEqual(ACCEPTED);

    const row = await userRow(email);
    expect(row).toMatchObject({ displayName: 'Nia', verifiedAt: null });
    const sent = await mails(email);
    expect(sent).toEqual([expect.objectContaining({ kind: 'VERIFY_EMAIL', subject: 'Your Coalesce confirmation code', sentAt: null })]);
    const code = await mailedCode(app, email);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const codes = await app.db.query('SELECT code_hash, attempts, expires_at FROM email_verification_codes WHERE user_id = $1', [row!.id]);
    expect(codes).toHaveLength(1);
    expect(Buffer.from(codes[0].code_hash).toString('latin1')).not.toContain(code.replace('-', ''));
    const lifetimeH = (new Date(codes[0].expires_at).getTime() - Date.now()) / 3600_000;
    expect(lifetimeH).toBeGreaterThan(23.9);
    expect(lifetimeH).toBeLessThanOrEqual(24);

    // Not signed in yet: the right password names the state, a wrong one does not.
    expect((await signInAs(email, TEST_PASSWORD)).userErrors).toEqual([expect.objectContaining({ code: 'EMAIL_NOT_VERIFIED', field: 'input.email' })]);
    expect((await signInAs(email, 'not the password at all')).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_CREDENTIALS' })]);

    expect(await verify(email, 'ZZZZ-ZZZZ')).toEqual(INVALID_CODE);
    expect(await verify(email, code, 'not the password at all')).toEqual(INVALID_CODE);
    // Case, spaces and dashes do not matter.
    const session = await verify(email, ` ${code.toLowerCase().replace('-', ' ')} `);
    expect(session.userErrors).toEqual([]);
    expect(session.token).toMatch(/^coa_/);
    expect(session.user).toMatchObject({ id: row!.id, email, displayName: 'Nia', isAdmin: false });
    expect((await userRow(email))!.verifiedAt).toBeInstanceOf(Date);
    expect(ok(await gql(app, ViewerDocument, {}, session.token)).viewer?.user.id).toBe(row!.id);

    // The code worked once; the account now signs in normally.
    expect(await verify(email, code)).toEqual(INVALID_CODE);
    expect((await signInAs(email, TEST_PASSWORD)).token).toMatch(/^coa_/);
    expect(await app.db.query('SELECT 1 FROM email_verification_codes WHERE user_id = $1', [row!.id])).toEqual([]);
  });

  it('a second sign-up for an unconfirmed address replaces password and name and kills the earlier code (a squatter gains nothing)', async () => {
    const email = freshEmail('Squatted');
    expect(ok(await startSignUp(email, 'the squatter password', 'Squatter')).accountSignUp).toEqual(ACCEPTED);
    const squatterCode = await mailedCode(app, email);
    const { id } = (await userRow(email))!;

    expect(ok(await startSignUp(email, 'the real owner password', 'Real Owner')).accountSignUp).toEqual(ACCEPTED);
    const ownerCode = await mailedCode(app, email);
    expect(ownerCode).not.toBe(squatterCode);
    expect(await verify(email, squatterCode, 'the squatter password')).toEqual(INVALID_CODE);

    const session = await verify(email, ownerCode, 'the real owner password');
    expect(session.user).toMatchObject({ id, displayName: 'Real Owner' });
    expect((await signInAs(email, 'the squatter password')).userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await signInAs(email, 'the real owner password')).token).toMatch(/^coa_/);
    expect(await app.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toEqual([{ n: 1 }]);
  });

  it('a squatter who signs up after the owner cannot have the owner confirm the squatter\'s password', async () => {
    const email = freshEmail('Owner');
    ok(await startSignUp(email, 'the owner password', 'Owner'));
    ok(await startSignUp(email, 'the squatter password', 'Squatter'));
    // The newest code in the owner's mailbox was triggered by the squatter: with the owner's password it fails.
    const newest = await mailedCode(app, email);
    expect(await verify(email, newest, 'the owner password')).toEqual(INVALID_CODE);
    expect((await userRow(email))!.verifiedAt).toBeNull();
    // The owner signs up again and confirms; the squatter's password never works.
    ok(await startSignUp(email, 'the owner password', 'Owner'));
    expect((await verify(email, await mailedCode(app, email), 'the owner password')).user).toMatchObject({ displayName: 'Owner' });
    expect((await signInAs(email, 'the squatter password')).userErrors[0].code).toBe('INVALID_CREDENTIALS');
  });

  it('an address with an account: the same answer, the account untouched, and a notice mailed to its owner', async () => {
    const owner = await signUp(app, 'Chen');
    const before = await userRow(owner.email);
    const [{ password_hash: hashBefore }] = await app.db.query('SELECT password_hash FROM users WHERE id = $1', [owner.id]);

    expect(ok(await startSignUp(owner.email, 'another long password', 'Impostor')).accountSignUp).toEqual(ACCEPTED);

    expect(await userRow(owner.email)).toEqual(before);
    expect(await app.db.query('SELECT password_hash FROM users WHERE id = $1', [owner.id])).toEqual([{ password_hash: hashBefore }]);
    expect(await app.db.query('SELECT 1 FROM email_verification_codes WHERE user_id = $1', [owner.id])).toEqual([]);
    expect((await mails(owner.email)).map((m: { kind: string }) => m.kind)).toEqual(['VERIFY_EMAIL', 'SIGN_UP_EXISTING']);
    expect((await lastMail(app, owner.email, 'SIGN_UP_EXISTING'))?.body).toContain('Nothing about your account changed');
    expect((await signInAs(owner.email, 'another long password')).userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await signInAs(owner.email, TEST_PASSWORD)).token).toMatch(/^coa_/);
    // The old token still works: nothing was revoked.
    expect(ok(await gql(app, ViewerDocument, {}, owner.token)).viewer?.user.id).toBe(owner.id);
  });

  it('an expired code, and a code for an unknown address, answer INVALID_CODE', async () => {
    const email = freshEmail('Late');
    ok(await startSignUp(email));
    const code = await mailedCode(app, email);
    await app.db.query(
      `UPDATE email_verification_codes SET expires_at = now() - interval '1 minute'
       WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [email],
    );
    expect(await verify(email, code)).toEqual(INVALID_CODE);
    expect(await verify(freshEmail('nobody'), code)).toEqual(INVALID_CODE);
    expect((await userRow(email))!.verifiedAt).toBeNull();
    // A new sign-up mails a new code that works.
    ok(await startSignUp(email));
    expect((await verify(email, await mailedCode(app, email))).token).toMatch(/^coa_/);
  });

  it('concurrent sign-ups with one new address: both accepted, one account', async () => {
    const email = freshEmail('Twice');
    const answers = await Promise.all([startSignUp(email, 'first long password', 'First'), startSignUp(email, 'second long password', 'Second')]);
    expect(answers.map((a) => ok(a).accountSignUp)).toEqual([ACCEPTED, ACCEPTED]);
    expect(await app.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toEqual([{ n: 1 }]);
    expect((await mails(email)).map((m: { kind: string }) => m.kind)).toEqual(['VERIFY_EMAIL', 'VERIFY_EMAIL']);
    // Only the newest code lives, with the password of the sign-up that mailed it.
    const code = await mailedCode(app, email);
    const first = await verify(email, code, 'first long password');
    const session = first.token ? first : await verify(email, code, 'second long password');
    expect(session.token).toMatch(/^coa_/);
    const password = session.user!.displayName === 'First' ? 'first long password' : 'second long password';
    expect((await signInAs(email, password)).token).toMatch(/^coa_/);
  });

  it('rejects a bad email and a short password with field errors, writing nothing and mailing nothing', async () => {
    const before = await app.db.query('SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM outbox_messages) AS mails');
    const bad = ok(await startSignUp('not-an-email', 'short', 'X')).accountSignUp;
    expect(bad.accepted).toBe(false);
    expect(bad.userErrors.map((e) => e.field).sort()).toEqual(['input.email', 'input.password']);
    const after = await app.db.query('SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM outbox_messages) AS mails');
    expect(after).toEqual(before);
  });
});

describe('ADMIN_EMAILS', () => {
  it('makes confirmed accounts admins, never unconfirmed ones (whose password a squatter may have chosen)', async () => {
    const confirmed = await signUp(app, 'Operator');
    const unconfirmed = freshEmail('Pending Operator');
    ok(await startSignUp(unconfirmed));
    expect(await grantAdminsFromConfig(app.db, [confirmed.email.toUpperCase(), unconfirmed, freshEmail('absent')])).toEqual({ promoted: 1, unconfirmed: 1 });
    expect(ok(await gql(app, ViewerDocument, {}, confirmed.token)).viewer?.user.isAdmin).toBe(true);
    const [row] = await app.db.query('SELECT is_admin AS "isAdmin", email_verified_at AS "verifiedAt" FROM users WHERE email = $1', [unconfirmed]);
    expect(row).toEqual({ isAdmin: false, verifiedAt: null });
    // Idempotent; once the operator confirms, the next start promotes them.
    expect(await grantAdminsFromConfig(app.db, [confirmed.email, unconfirmed])).toEqual({ promoted: 0, unconfirmed: 1 });
    await verify(unconfirmed, await mailedCode(app, unconfirmed));
    expect(await grantAdminsFromConfig(app.db, [confirmed.email, unconfirmed])).toEqual({ promoted: 1, unconfirmed: 0 });
  });
});

describe('sign-in and sign-out', () => {
  it('answers a wrong password and an unknown email alike', async () => {
    const user = await signUp(app, 'Bo');
    const wrong = ok(await gql(app, SignInDocument, { input: { email: user.email, password: 'not the password at all' } }));
    const unknown = ok(await gql(app, SignInDocument, { input: { email: 'nobody-here@example.org', password: 'not the password at all' } }));
    expect(wrong.accountSignIn.token).toBeNull();
    expect(wrong.accountSignIn.userErrors).toEqual(unknown.accountSignIn.userErrors);
    expect(wrong.accountSignIn.userErrors[0].code).toBe('INVALID_CREDENTIALS');

    const right = ok(await gql(app, SignInDocument, { input: { email: user.email.toUpperCase(), password: TEST_PASSWORD } }));
    expect(right.accountSignIn.token).toMatch(/^coa_/);
  });

  it('signs out by revoking the token; the revoked token is then refused', async () => {
    const user = await signUp(app, 'Dara');
    const out = ok(await gql(app, SignOutDocument, {}, user.token));
    expect(out.accountSignOut.revoked).toBe(true);
    const after = await gql(app, ViewerDocument, {}, user.token);
    expect(after.status).toBe(401);
    expect(errorCode(after)).toBe('UNAUTHENTICATED');
  });

  it('refuses a malformed token rather than treating the client as anonymous', async () => {
    const response = await rawGql(app, '{ viewer { user { id } } }', undefined, 'coa_forged-token-value-123456789');
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
  });
});

describe('membership by invitation', () => {
  let owner: TestUser;
  beforeAll(async () => {
    owner = await signUp(app, 'Inviting Owner');
  });

  function invite(by: TestUser, organizationId: string, email: string, role: 'OWNER' | 'EDITOR' | 'MEMBER' = 'MEMBER') {
    return gql(app, MemberInviteDocument, { input: { organizationId, email, role } }, by.token);
  }

  async function ownerList(organizationId: string, token = owner.token) {
    return ok(await gql(app, OrgInvitationsDocument, { id: organizationId }, token)).organization;
  }

  it('invite, see it listed, accept: the invitee becomes a member and the invitation leaves the list', async () => {
    const org = await createOrg(app, owner, { name: `Harbour Clinic ${randomUUID().slice(0, 6)}`, kind: 'LEGAL_AID', visibility: 'PRIVATE', contactEmail: 'desk@harbour.example.org' });
    const invitee = await signUp(app, 'Invitee');
    const invited = ok(await invite(owner, org.id, invitee.email.toUpperCase(), 'EDITOR')).organizationMemberInvite;
    expect(invited.userErrors).toEqual([]);
    expect(invited.invitation).toMatchObject({ email: invitee.email, role: 'EDITOR', status: 'PENDING' });
    const days = (Date.parse(invited.invitation!.expiresAt) - Date.parse(invited.invitation!.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(14, 2);

    const mail = await lastMail(app, invitee.email, 'INVITATION');
    expect(mail?.subject).toBe(`Invitation to join ${org.name} on Coalesce`);
    expect(mail?.body).toContain('as EDITOR');

    expect((await ownerList(org.id))?.invitations).toEqual([invited.invitation]);
    const received = ok(await gql(app, MyInvitationsDocument, {}, invitee.token)).myInvitations;
    expect(received).toEqual([{
      id: invited.invitation!.id, organizationName: org.name, organizationKind: 'LEGAL_AID', role: 'EDITOR',
      expiresAt: invited.invitation!.expiresAt, createdAt: invited.invitation!.createdAt,
    }]);

    const accepted = ok(await gql(app, InvitationAcceptDocument, { input: { invitationId: invited.invitation!.id } }, invitee.token)).organizationInvitationAccept;
    expect(accepted).toEqual({
      role: 'EDITOR', userErrors: [],
      organization: { id: org.id, name: org.name, visibility: 'PRIVATE', contactEmail: 'desk@harbour.example.org', viewerRole: 'EDITOR' },
    });
    expect(await app.db.query('SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2', [org.id, invitee.id])).toEqual([{ role: 'EDITOR' }]);
    const after = await ownerList(org.id);
    expect(after?.invitations).toEqual([]);
    expect(after?.members?.map((m) => [m.userId, m.role]).sort()).toEqual([[invitee.id, 'EDITOR'], [owner.id, 'OWNER']].sort());
    expect(ok(await gql(app, MyInvitationsDocument, {}, invitee.token)).myInvitations).toEqual([]);
    // Answered: a second accept is a user error, and changes nothing.
    const again = ok(await gql(app, InvitationAcceptDocument, { input: { invitationId: invited.invitation!.id } }, invitee.token)).organizationInvitationAccept;
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'INVITATION_NOT_OPEN', field: 'input.invitationId' })]);
  });

  it('only owners invite and see invitations; others get FORBIDDEN (visible organization) and null', async () => {
    const org = await createOrg(app, owner);
    const editor = await signUp(app, 'Editor');
    await addMember(app, owner, org.id, editor, 'EDITOR');
    const before = await app.db.query('SELECT count(*)::int AS n FROM organization_invitations');
    expect(errorCode(await invite(editor, org.id, freshEmail()))).toBe('FORBIDDEN');
    expect(errorCode(await invite(await signUp(app, 'Outsider'), org.id, freshEmail()))).toBe('FORBIDDEN');
    expect(errorCode(await gql(app, MemberInviteDocument, { input: { organizationId: org.id, email: freshEmail(), role: 'MEMBER' } }))).toBe('UNAUTHENTICATED');
    expect(await app.db.query('SELECT count(*)::int AS n FROM organization_invitations')).toEqual(before);
    ok(await invite(owner, org.id, freshEmail()));
    expect((await ownerList(org.id, editor.token))?.invitations).toBeNull();
    expect((await ownerList(org.id, (await signUp(app, 'Stranger')).token))?.invitations).toBeNull();
    expect((await ownerList(org.id))?.invitations).toHaveLength(1);
    const bad = ok(await invite(owner, org.id, 'not-an-email')).organizationMemberInvite;
    expect(bad).toEqual({ invitation: null, userErrors: [expect.objectContaining({ field: 'input.email' })] });
  });

  it('re-inviting an address with an open invitation renews it and changes its role; an account made later sees it', async () => {
    const org = await createOrg(app, owner);
    const email = freshEmail('Later');
    const first = ok(await invite(owner, org.id, email, 'MEMBER')).organizationMemberInvite.invitation!;
    await app.db.query(`UPDATE organization_invitations SET expires_at = now() + interval '1 day' WHERE id = $1`, [first.id]);
    const second = ok(await invite(owner, org.id, email, 'OWNER')).organizationMemberInvite.invitation!;
    expect(second).toMatchObject({ id: first.id, role: 'OWNER', status: 'PENDING', createdAt: first.createdAt });
    expect(Date.parse(second.expiresAt) - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
    expect((await ownerList(org.id))?.invitations?.map((i) => i.id)).toEqual([first.id]);

    // The address had no account when invited; after signing up and confirming it, the invitation is there.
    const newcomer = await signUp(app, 'Later', email);
    expect(ok(await gql(app, MyInvitationsDocument, {}, newcomer.token)).myInvitations.map((i) => [i.id, i.role])).toEqual([[first.id, 'OWNER']]);
    const accepted = ok(await gql(app, InvitationAcceptDocument, { input: { invitationId: first.id } }, newcomer.token)).organizationInvitationAccept;
    expect(accepted.role).toBe('OWNER');
  });

  it('accepting while already a member keeps one row; the role only goes up', async () => {
    const org = await createOrg(app, owner);
    const member = await signUp(app, 'Member');
    await addMember(app, owner, org.id, member, 'EDITOR');
    const lower = ok(await invite(owner, org.id, member.email, 'MEMBER')).organizationMemberInvite.invitation!;
    const keep = ok(await gql(app, InvitationAcceptDocument, { input: { invitationId: lower.id } }, member.token)).organizationInvitationAccept;
    expect(keep).toMatchObject({ role: 'EDITOR', userErrors: [] });
    const higher = ok(await invite(owner, org.id, member.email, 'OWNER')).organizationMemberInvite.invitation!;
    const up = ok(await gql(app, InvitationAcceptDocument, { input: { invitationId: higher.id } }, member.token)).organizationInvitationAccept;
    expect(up).toMatchObject({ role: 'OWNER', userErrors: [] });
    expect(await app.db.query('SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2', [org.id, member.id])).toEqual([{ role: 'OWNER' }]);
  });

  it('two concurrent accepts of one invitation: exactly one membership, the other a user error', async () => {
    const org = await createOrg(app, owner);
    const invitee = await signUp(app, 'Racer');
    const invitation = ok(await invite(owner, org.id, invitee.email)).organizationMemberInvite.invitation!;
    const answers = await Promise.all(Array.from({ length: 4 }, () =>
      gql(app, InvitationAcceptDocument, { input: { invitationId: invitation.id } }, invitee.token)));
    const payloads = answers.map((a) => ok(a).organizationInvitationAccept);
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    expect(payloads.filter((p) => p.userErrors[0]?.code === 'INVITATION_NOT_OPEN')).toHaveLength(3);
    expect(await app.db.query('SELECT count(*)::int AS n FROM memberships WHERE organization_id = $1 AND user_id = $2', [org.id, invitee.id])).toEqual([{ n: 1 }]);
  });

  it('decline and revoke: the invitation is no longer open to the invitee; revoked ones leave the owners\' list', async () => {
    const org = await createOrg(app, owner);
    const invitee = await signUp(app, 'Decliner');
    const declined = ok(await invite(owner, org.id, invitee.email)).organizationMemberInvite.invitation!;
    const decline = ok(await gql(app, InvitationDeclineDocument, { input: { invitationId: declined.id } }, invitee.token)).organizationInvitationDecline;
    expect(decline).toEqual({ declined: true, userErrors: [] });
    expect(ok(await gql(app, MyInvitationsDocument, {}, invitee.token)).myInvitations).toEqual([]);
    const lateAccept = ok(await gql(app, InvitationAcceptDocument, { input: { invitationId: declined.id } }, invitee.token)).organizationInvitationAccept;
    expect(lateAccept).toMatchObject({ organization: null, userErrors: [expect.objectContaining({ code: 'INVITATION_NOT_OPEN' })] });
    // Re-inviting a declined address renews the same invitation for the owners but does not pester the invitee.
    const mailsBefore = (await mails(invitee.email)).length;
    const renewed = ok(await invite(owner, org.id, invitee.email, 'EDITOR')).organizationMemberInvite.invitation!;
    expect(renewed).toMatchObject({ id: declined.id, status: 'PENDING', role: 'EDITOR' });
    expect((await mails(invitee.email)).length).toBe(mailsBefore);
    expect(ok(await gql(app, MyInvitationsDocument, {}, invitee.token)).myInvitations).toEqual([]);

    const other = ok(await invite(owner, org.id, freshEmail())).organizationMemberInvite.invitation!;
    const revoked = ok(await gql(app, InvitationRevokeDocument, { input: { invitationId: other.id } }, owner.token)).organizationInvitationRevoke;
    expect(revoked).toEqual({ invitation: { ...other, status: 'REVOKED' }, userErrors: [] });
    expect((await ownerList(org.id))?.invitations?.map((i) => i.id)).toEqual([declined.id]);
    const twice = await gql(app, InvitationRevokeDocument, { input: { invitationId: other.id } }, owner.token);
    expect(errorCode(twice)).toBe('NOT_FOUND');
    // Someone who does not own the organization cannot revoke: like a missing invitation.
    const byOther = await gql(app, InvitationRevokeDocument, { input: { invitationId: declined.id } }, invitee.token);
    const missing = await gql(app, InvitationRevokeDocument, { input: { invitationId: randomUUID() } }, invitee.token);
    expect(errorCode(byOther)).toBe('NOT_FOUND');
    expect(byOther.errors).toEqual(missing.errors);
  });

  it('expired invitations read EXPIRED to owners and are gone for the invitee', async () => {
    const org = await createOrg(app, owner);
    const invitee = await signUp(app, 'Slow');
    const invitation = ok(await invite(owner, org.id, invitee.email)).organizationMemberInvite.invitation!;
    await app.db.query(`UPDATE organization_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [invitation.id]);
    expect((await ownerList(org.id))?.invitations?.map((i) => [i.id, i.status])).toEqual([[invitation.id, 'EXPIRED']]);
    expect(ok(await gql(app, MyInvitationsDocument, {}, invitee.token)).myInvitations).toEqual([]);
    const accept = ok(await gql(app, InvitationAcceptDocument, { input: { invitationId: invitation.id } }, invitee.token)).organizationInvitationAccept;
    expect(accept.userErrors).toEqual([expect.objectContaining({ code: 'INVITATION_NOT_OPEN' })]);
    // Inviting again makes a new one.
    const fresh = ok(await invite(owner, org.id, invitee.email)).organizationMemberInvite.invitation!;
    expect(fresh.id).not.toBe(invitation.id);
    expect((await ownerList(org.id))?.invitations?.map((i) => [i.id, i.status])).toEqual([[fresh.id, 'PENDING'], [invitation.id, 'EXPIRED']]);
  });

  it('owners set roles; the last owner cannot step down; a non-member is NOT_A_MEMBER', async () => {
    const org = await createOrg(app, owner);
    const member = await signUp(app, 'Promoted');
    await addMember(app, owner, org.id, member, 'MEMBER');
    const setRole = (by: TestUser, userId: string, role: 'OWNER' | 'EDITOR' | 'MEMBER') =>
      gql(app, MemberRoleSetDocument, { input: { organizationId: org.id, userId, role } }, by.token);

    expect(errorCode(await setRole(member, member.id, 'OWNER'))).toBe('FORBIDDEN');
    const promoted = ok(await setRole(owner, member.id, 'OWNER')).organizationMemberRoleSet;
    expect(promoted).toMatchObject({ member: { userId: member.id, displayName: 'Promoted', role: 'OWNER' }, userErrors: [] });
    // Now two owners: the first may step down, then the other may not.
    expect(ok(await setRole(owner, owner.id, 'EDITOR')).organizationMemberRoleSet).toMatchObject({ userErrors: [], organization: { viewerRole: 'EDITOR' } });
    const last = ok(await setRole(member, member.id, 'MEMBER')).organizationMemberRoleSet;
    expect(last.userErrors).toEqual([expect.objectContaining({ code: 'LAST_OWNER' })]);
    const stranger = await signUp(app, 'Not Member');
    expect(ok(await setRole(member, stranger.id, 'MEMBER')).organizationMemberRoleSet.userErrors).toEqual([expect.objectContaining({ code: 'NOT_A_MEMBER' })]);
    expect(ok(await setRole(member, 'not-a-uuid', 'MEMBER')).organizationMemberRoleSet.userErrors).toEqual([expect.objectContaining({ code: 'NOT_A_MEMBER' })]);
    expect(await app.db.query('SELECT user_id AS "userId", role FROM memberships WHERE organization_id = $1 ORDER BY role', [org.id]))
      .toEqual(expect.arrayContaining([{ userId: owner.id, role: 'EDITOR' }, { userId: member.id, role: 'OWNER' }]));
  });

  it('myInvitations needs a signed-in user', async () => {
    expect(errorCode(await gql(app, MyInvitationsDocument, {}))).toBe('UNAUTHENTICATED');
  });
});
