import { randomUUID } from 'node:crypto';
import {
  CapabilityAddDocument, NeedAddDocument, OrgCreateDocument, SignUpDocument, type OrganizationCreateInput,
} from '../generated/graphql.js';
import { gql, ok } from './graphql-client.js';
import type { TestApp } from './test-app.js';

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

export async function signUp(app: TestApp, name = 'Tester'): Promise<TestUser> {
  const email = `${name.toLowerCase().replace(/\W+/g, '')}-${randomUUID().slice(0, 8)}@example.org`;
  const data = ok(await gql(app, SignUpDocument, { input: { email, password: 'a long enough password', displayName: name } }));
  const session = data.accountSignUp;
  if (!session.token || !session.user) throw new Error(JSON.stringify(session.userErrors));
  return { id: session.user.id, email, token: session.token };
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
