import { randomUUID } from 'node:crypto';
import {
  CapabilityAddDocument, InvitationAcceptDocument, MemberInviteDocument, NeedAddDocument, OrgCreateDocument, SignUpDocument,
  VerifyEmailDocument, type MembershipRole, type OrganizationCreateInput,
} from '../generated/graphql.js';
import { gql, ok } from './graphql-client.js';
import type { TestApp } from './test-app.js';

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

export const TEST_PASSWORD = 'a long enough password';

/** A unique address for a test account (nobody has signed up with it). */
export function freshEmail(name = 'tester'): string {
  return `${name.toLowerCase().replace(/\W+/g, '') || 'user'}-${randomUUID().slice(0, 8)}@example.org`;
}

/** Newest mail of a kind queued for an address, read from the outbox the way a mail catcher would. */
export async function lastMail(app: TestApp, email: string, kind = 'VERIFY_EMAIL'): Promise<{ subject: string; body: string } | undefined> {
  const rows = await app.db.query(
    'SELECT subject, body FROM outbox_messages WHERE to_email = $1 AND kind = $2 ORDER BY created_at DESC, id DESC LIMIT 1',
    [email.toLowerCase(), kind],
  );
  return rows[0];
}

/** The confirmation code in the newest VERIFY_EMAIL mail to an address. */
export async function mailedCode(app: TestApp, email: string): Promise<string> {
  const mail = await lastMail(app, email);
  const code = mail && /code is ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(mail.body)?.[1];
  if (!code) throw new Error(`no confirmation code was mailed to ${email}`);
  return code;
}

/** Signs up, reads the code from the outbox, confirms the address: a verified, signed-in account. */
export async function signUp(app: TestApp, name = 'Tester', email = freshEmail(name)): Promise<TestUser> {
  const started = ok(await gql(app, SignUpDocument, { input: { email, password: TEST_PASSWORD, displayName: name } })).accountSignUp;
  if (!started.accepted) throw new Error(JSON.stringify(started.userErrors));
  const code = await mailedCode(app, email);
  const session = ok(await gql(app, VerifyEmailDocument, { input: { email, code, password: TEST_PASSWORD } })).accountVerifyEmail;
  if (!session.token || !session.user) throw new Error(JSON.stringify(session.userErrors));
  return { id: session.user.id, email: email.toLowerCase(), token: session.token };
}

/** Makes `user` a member the only way there is: the owner invites their address and they accept. */
export async function addMember(app: TestApp, owner: TestUser, organizationId: string, user: TestUser, role: MembershipRole = 'MEMBER') {
  const invited = ok(await gql(app, MemberInviteDocument, { input: { organizationId, email: user.email, role } }, owner.token));
  const invitation = invited.organizationMemberInvite.invitation;
  if (!invitation) throw new Error(JSON.stringify(invited.organizationMemberInvite.userErrors));
  const accepted = ok(await gql(app, InvitationAcceptDocument, { input: { invitationId: invitation.id } }, user.token));
  if (accepted.organizationInvitationAccept.userErrors.length) throw new Error(JSON.stringify(accepted.organizationInvitationAccept.userErrors));
  return accepted.organizationInvitationAccept;
}

export async function makeAdmin(app: TestApp, user: TestUser): Promise<void> {
  await app.db.query('UPDATE users SET is_admin = true WHERE id = $1', [user.id]);
}

export async function createOrg(app: TestApp, owner: TestUser, input: Partial<OrganizationCreateInput> = {}) {
  const data = ok(await gql(app, OrgCreateDocument, {
    input: { name: `Org ${randomUUID().slice(0, 6)}`, kind: 'NGO', visibility: 'PUBLIC', ...input },
  }, owner.token));
  const org = data.organizationCreate.organization;
  if (!org) throw new Error(JSON.stringify(data.organizationCreate.userErrors));
  return org;
}

export async function skillId(app: TestApp, slug: string): Promise<string> {
  const [row] = await app.db.query('SELECT id FROM skills WHERE slug = $1', [slug]);
  return row.id;
}

export async function issueAreaId(app: TestApp, slug: string): Promise<string> {
  const [row] = await app.db.query('SELECT id FROM issue_areas WHERE slug = $1', [slug]);
  return row.id;
}

export async function addCapability(app: TestApp, owner: TestUser, organizationId: string, slug: string, level: 'BASIC' | 'PROFICIENT' | 'EXPERT' = 'EXPERT', description = '') {
  const data = ok(await gql(app, CapabilityAddDocument, { input: { organizationId, skillId: await skillId(app, slug), level, description } }, owner.token));
  if (!data.capabilityAdd.capability) throw new Error(JSON.stringify(data.capabilityAdd.userErrors));
  return data.capabilityAdd.capability;
}

export async function addNeed(app: TestApp, owner: TestUser, organizationId: string, slug: string, priority: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL' = 'HIGH') {
  const data = ok(await gql(app, NeedAddDocument, { input: { organizationId, skillId: await skillId(app, slug), priority } }, owner.token));
  if (!data.needAdd.need) throw new Error(JSON.stringify(data.needAdd.userErrors));
  return data.needAdd.need;
}
