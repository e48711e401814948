import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import {
  CapabilityAddDocument, CapabilityRemoveDocument, CapabilityUpdateDocument, IssueAreaCreateDocument, MemberInviteDocument, MemberRoleSetDocument,
  MemberRemoveDocument, NeedAddDocument, NeedRemoveDocument, NeedUpdateDocument, OrgByIdDocument, OrgChildrenDocument,
  OrgCreateDocument, OrgUpdateDocument, OrgVerifyDocument, SkillCreateDocument, TaxonomyDocument,
  type OrganizationCreateInput,
} from '../generated/graphql.js';
import { addCapability, addMember, createOrg, issueAreaId, makeAdmin, signUp, skillId, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok, rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let owner: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  owner = await signUp(app, 'Owner');
});
afterAll(() => app?.close());

const TABLES = ['organizations', 'memberships', 'organization_issue_areas', 'capabilities', 'needs', 'skills', 'issue_areas'] as const;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM ${table}`);
    out[table] = n;
  }
  return out;
}

async function createAs(user: TestUser, input: Partial<OrganizationCreateInput>) {
  return ok(await gql(app, OrgCreateDocument, { input: { name: 'Valid Name', kind: 'NGO', ...input } }, user.token)).organizationCreate;
}

async function withRole(org: { id: string }, role: 'OWNER' | 'EDITOR' | 'MEMBER', name: string = role): Promise<TestUser> {
  const user = await signUp(app, name);
  const added = await addMember(app, owner, org.id, user, role);
  expect(added.role).toBe(role);
  return user;
}

describe('invalid input: a user error naming the field, and nothing written', () => {
  it.each<[string, Partial<OrganizationCreateInput>, string, string]>([
    ['an empty name', { name: '' }, 'input.name', 'INVALID_FORMAT'],
    ['a blank name', { name: '   ' }, 'input.name', 'INVALID_FORMAT'],
    ['a 10,000-character name', { name: 'n'.repeat(10_000) }, 'input.name', 'INVALID_LENGTH'],
    ['a bad contact email', { contactEmail: 'not-an-email' }, 'input.contactEmail', 'INVALID_EMAIL'],
    ['latitude 200', { location: { country: 'KE', latitude: 200, longitude: 36.8, precision: 'CITY' } }, 'input.location.latitude', 'OUT_OF_RANGE'],
    ['longitude -181', { location: { country: 'KE', latitude: 1, longitude: -181, precision: 'CITY' } }, 'input.location.longitude', 'OUT_OF_RANGE'],
    ['an unknown country', { location: { country: 'XX', precision: 'COUNTRY' } }, 'input.location.country', 'INVALID_FORMAT'],
    ['a malformed slug', { slug: 'Not A Slug' }, 'input.slug', 'INVALID_FORMAT'],
    ['a bad website', { website: 'javascript:alert(1)' }, 'input.website', 'INVALID_URL'],
  ])('organizationCreate with %s', async (_label, input, field, code) => {
    const before = await counts();
    const payload = await createAs(owner, input);
    expect(payload.organization).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ field, code })]);
    expect(await counts()).toEqual(before);
  });

  it('organizationCreate with a taken slug: TAKEN on input.slug, nothing written', async () => {
    const first = await createAs(owner, { slug: 'taken-slug', name: 'First' });
    expect(first.organization?.slug).toBe('taken-slug');
    const before = await counts();
    const second = await createAs(owner, { slug: 'taken-slug', name: 'Second' });
    expect(second.organization).toBeNull();
    expect(second.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN', field: 'input.slug' })]);
    expect(await counts()).toEqual(before);
  });

  it('a chosen slug for a PRIVATE organization (create, update, or turning PRIVATE): PRIVATE_SLUG on input.slug, nothing written', async () => {
    const visible = await createOrg(app, owner, { name: 'Soon Hidden', slug: 'soon-hidden' });
    const before = await counts();
    const created = await createAs(owner, { visibility: 'PRIVATE', slug: 'safe-house' });
    expect(created.organization).toBeNull();
    expect(created.userErrors).toEqual([expect.objectContaining({ code: 'PRIVATE_SLUG', field: 'input.slug' })]);
    expect(created.userErrors[0].message).toMatch(/random/);
    const turning = ok(await gql(app, OrgUpdateDocument, { input: { id: visible.id, visibility: 'PRIVATE', slug: 'safe-house' } }, owner.token)).organizationUpdate;
    expect(turning).toEqual({ organization: null, userErrors: created.userErrors });
    expect(await counts()).toEqual(before);
    const [row] = await app.db.query('SELECT slug, visibility FROM organizations WHERE id = $1', [visible.id]);
    expect(row).toEqual({ slug: 'soon-hidden', visibility: 'PUBLIC' });
    expect(await app.db.query('SELECT slug FROM reserved_slugs WHERE organization_id = $1', [visible.id])).toEqual([]);

    // Without a slug it turns PRIVATE with a random slug, and its public one is reserved for it.
    const hidden = ok(await gql(app, OrgUpdateDocument, { input: { id: visible.id, visibility: 'PRIVATE' } }, owner.token)).organizationUpdate;
    expect(hidden.organization?.slug).toMatch(/^org-[a-z2-7]{24}$/);
    expect(await app.db.query('SELECT slug, organization_id AS id FROM reserved_slugs WHERE slug = $1', ['soon-hidden'])).toEqual([{ slug: 'soon-hidden', id: visible.id }]);
    const again = ok(await gql(app, OrgUpdateDocument, { input: { id: visible.id, slug: 'soon-hidden' } }, owner.token)).organizationUpdate;
    expect(again.userErrors).toEqual(created.userErrors);
  });

  it('organizationCreate with an unknown issue area rolls back the organization and the membership it already wrote', async () => {
    const before = await counts();
    const payload = await createAs(owner, { name: 'Rolled Back', issueAreaIds: [await issueAreaId(app, 'land-rights'), randomUUID()] });
    expect(payload.organization).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN_ISSUE_AREA', field: 'input.issueAreaIds' })]);
    expect(await counts()).toEqual(before);
    expect(await app.db.query(`SELECT id FROM organizations WHERE name = 'Rolled Back'`)).toEqual([]);
    // The derived slug is still free.
    const retry = await createAs(owner, { name: 'Rolled Back' });
    expect(retry.organization?.slug).toBe('rolled-back');
  });

  it('organizationUpdate: a taken slug and an unknown issue area change nothing, not even the other fields', async () => {
    const org = await createOrg(app, owner, { name: 'Update Target', mission: 'before' });
    await createOrg(app, owner, { name: 'Slug Holder', slug: 'slug-holder' });
    const taken = ok(await gql(app, OrgUpdateDocument, { input: { id: org.id, slug: 'slug-holder', mission: 'after' } }, owner.token)).organizationUpdate;
    expect(taken.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN', field: 'input.slug' })]);
    const unknown = ok(await gql(app, OrgUpdateDocument, { input: { id: org.id, name: 'Renamed', issueAreaIds: ['not-a-uuid'] } }, owner.token)).organizationUpdate;
    expect(unknown.userErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN_ISSUE_AREA', field: 'input.issueAreaIds' })]);
    const [row] = await app.db.query('SELECT name, slug, mission FROM organizations WHERE id = $1', [org.id]);
    expect(row).toEqual({ name: 'Update Target', slug: org.slug, mission: 'before' });
  });

  it('capabilityAdd with an unknown skill: UNKNOWN_SKILL on input.skillId, nothing written', async () => {
    const org = await createOrg(app, owner);
    const before = await counts();
    for (const unknown of [randomUUID(), 'garbage']) {
      const payload = ok(await gql(app, CapabilityAddDocument, { input: { organizationId: org.id, skillId: unknown, level: 'BASIC' } }, owner.token)).capabilityAdd;
      expect(payload.capability).toBeNull();
      expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN_SKILL', field: 'input.skillId' })]);
    }
    expect(await counts()).toEqual(before);
  });

  it('needAdd with an unknown issue area: UNKNOWN_ISSUE_AREA on input.issueAreaId, nothing written', async () => {
    const org = await createOrg(app, owner);
    const before = await counts();
    const payload = ok(await gql(app, NeedAddDocument, {
      input: { organizationId: org.id, skillId: await skillId(app, 'transport'), priority: 'HIGH', issueAreaId: randomUUID() },
    }, owner.token)).needAdd;
    expect(payload.need).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN_ISSUE_AREA', field: 'input.issueAreaId' })]);
    expect(await counts()).toEqual(before);
  });

  it('a second capability for the same skill is TAKEN on input.skillId', async () => {
    const org = await createOrg(app, owner);
    await addCapability(app, owner, org.id, 'mentoring');
    const before = await counts();
    const payload = ok(await gql(app, CapabilityAddDocument, { input: { organizationId: org.id, skillId: await skillId(app, 'mentoring'), level: 'BASIC' } }, owner.token)).capabilityAdd;
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN', field: 'input.skillId' })]);
    expect(await counts()).toEqual(before);
  });

  it('an unknown enum value in variables writes nothing and returns no data', async () => {
    const before = await counts();
    const response = await rawGql(app, print(OrgCreateDocument), { input: { name: 'Spaceship Org', kind: 'SPACESHIP' } }, owner.token);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
    expect(await app.db.query(`SELECT 1 FROM organizations WHERE name = 'Spaceship Org'`)).toEqual([]);
  });

  // BUG: the limits plugin computes the query cost (graphql-query-complexity coerces the variables) before Apollo
  // validates them; the coercion error has no code, so it is masked as a 500 INTERNAL_SERVER_ERROR.
  it('an unknown enum value in variables is BAD_USER_INPUT naming input.kind', async () => {
    const before = await counts();
    const response = await rawGql(app, print(OrgCreateDocument), { input: { name: 'Spaceship Org', kind: 'SPACESHIP' } }, owner.token);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    expect(await counts()).toEqual(before);
  });
});

describe('who may change what', () => {
  it('a signed-in non-member editing a PUBLIC organization is FORBIDDEN and nothing changes', async () => {
    const org = await createOrg(app, owner, { name: 'Public Target', visibility: 'PUBLIC' });
    const outsider = await signUp(app, 'Outsider');
    const response = await gql(app, OrgUpdateDocument, { input: { id: org.id, name: 'Hijacked' } }, outsider.token);
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(response.data).toBeNull();
    const capability = await gql(app, CapabilityAddDocument, { input: { organizationId: org.id, skillId: await skillId(app, 'transport'), level: 'BASIC' } }, outsider.token);
    expect(errorCode(capability)).toBe('FORBIDDEN');
    const [row] = await app.db.query('SELECT name, (SELECT count(*)::int FROM capabilities WHERE organization_id = $1) AS caps FROM organizations WHERE id = $1', [org.id]);
    expect(row).toEqual({ name: 'Public Target', caps: 0 });
    // Anonymous: UNAUTHENTICATED.
    expect(errorCode(await gql(app, OrgUpdateDocument, { input: { id: org.id, name: 'Hijacked' } }))).toBe('UNAUTHENTICATED');
  });

  it('editors edit the profile, capabilities and needs; MEMBER role cannot (FORBIDDEN)', async () => {
    const org = await createOrg(app, owner, { name: 'Shared Desk' });
    const editor = await withRole(org, 'EDITOR', 'Editor');
    const plain = await withRole(org, 'MEMBER', 'Plain');

    const updated = ok(await gql(app, OrgUpdateDocument, { input: { id: org.id, mission: 'Edited by an editor' } }, editor.token)).organizationUpdate;
    expect(updated.organization?.mission).toBe('Edited by an editor');
    const capability = await addCapability(app, editor, org.id, 'transport', 'PROFICIENT');
    const need = ok(await gql(app, NeedAddDocument, { input: { organizationId: org.id, skillId: await skillId(app, 'mentoring'), priority: 'LOW' } }, editor.token)).needAdd.need!;

    const attempts = [
      await gql(app, OrgUpdateDocument, { input: { id: org.id, mission: 'Edited by a member' } }, plain.token),
      await gql(app, CapabilityAddDocument, { input: { organizationId: org.id, skillId: await skillId(app, 'interpretation'), level: 'BASIC' } }, plain.token),
      await gql(app, CapabilityUpdateDocument, { input: { id: capability.id, level: 'BASIC' } }, plain.token),
      await gql(app, CapabilityRemoveDocument, { input: { id: capability.id } }, plain.token),
      await gql(app, NeedAddDocument, { input: { organizationId: org.id, skillId: await skillId(app, 'interpretation'), priority: 'LOW' } }, plain.token),
      await gql(app, NeedUpdateDocument, { input: { id: need.id, status: 'CLOSED' } }, plain.token),
      await gql(app, NeedRemoveDocument, { input: { id: need.id } }, plain.token),
      await gql(app, MemberInviteDocument, { input: { organizationId: org.id, email: plain.email, role: 'OWNER' } }, plain.token),
    ];
    expect(attempts.map(errorCode)).toEqual(Array(attempts.length).fill('FORBIDDEN'));

    const after = ok(await gql(app, OrgChildrenDocument, { id: org.id }, owner.token)).organization!;
    expect(after.capabilities.map((c) => [c.id, c.level])).toEqual([[capability.id, 'PROFICIENT']]);
    expect(after.needs.map((n) => [n.id, n.status])).toEqual([[need.id, 'OPEN']]);
    const [{ mission }] = await app.db.query('SELECT mission FROM organizations WHERE id = $1', [org.id]);
    expect(mission).toBe('Edited by an editor');
    const [{ role }] = await app.db.query('SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2', [org.id, plain.id]);
    expect(role).toBe('MEMBER');
  });

  it('only owners add and remove members; editors cannot', async () => {
    const org = await createOrg(app, owner, { name: 'Membership Desk' });
    const editor = await withRole(org, 'EDITOR', 'Editor');
    const newcomer = await signUp(app, 'Newcomer');

    const byEditor = await gql(app, MemberInviteDocument, { input: { organizationId: org.id, email: newcomer.email, role: 'MEMBER' } }, editor.token);
    expect(errorCode(byEditor)).toBe('FORBIDDEN');
    expect(await app.db.query('SELECT 1 FROM memberships WHERE user_id = $1', [newcomer.id])).toEqual([]);

    const added = await addMember(app, owner, org.id, { ...newcomer, email: newcomer.email.toUpperCase() }, 'MEMBER');
    expect(added.role).toBe('MEMBER');
    expect(ok(await gql(app, OrgByIdDocument, { id: org.id }, newcomer.token)).organization?.viewerRole).toBe('MEMBER');

    const promoted = ok(await gql(app, MemberRoleSetDocument, { input: { organizationId: org.id, userId: newcomer.id, role: 'EDITOR' } }, owner.token));
    expect(promoted.organizationMemberRoleSet.member?.role).toBe('EDITOR');
    expect(await app.db.query('SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2', [org.id, newcomer.id])).toEqual([{ role: 'EDITOR' }]);

    expect(errorCode(await gql(app, MemberRemoveDocument, { input: { organizationId: org.id, userId: newcomer.id } }, editor.token))).toBe('FORBIDDEN');
    const removed = ok(await gql(app, MemberRemoveDocument, { input: { organizationId: org.id, userId: newcomer.id } }, owner.token));
    expect(removed.organizationMemberRemove.userErrors).toEqual([]);
    expect(await app.db.query('SELECT 1 FROM memberships WHERE user_id = $1', [newcomer.id])).toEqual([]);

    // An address without an account is invited like any other (the answer does not tell).
    const unknown = ok(await gql(app, MemberInviteDocument, { input: { organizationId: org.id, email: 'nobody-at-all@example.org', role: 'MEMBER' } }, owner.token));
    expect(unknown.organizationMemberInvite).toMatchObject({ userErrors: [], invitation: { email: 'nobody-at-all@example.org', status: 'PENDING' } });
  });

  it('the last owner cannot be removed or demoted (LAST_OWNER); with a second owner they can leave', async () => {
    const org = await createOrg(app, owner, { name: 'Owner Desk' });
    const removeSelf = ok(await gql(app, MemberRemoveDocument, { input: { organizationId: org.id, userId: owner.id } }, owner.token));
    expect(removeSelf.organizationMemberRemove.userErrors).toEqual([expect.objectContaining({ code: 'LAST_OWNER', field: 'input.userId' })]);
    const demoteSelf = ok(await gql(app, MemberRoleSetDocument, { input: { organizationId: org.id, userId: owner.id, role: 'EDITOR' } }, owner.token));
    expect(demoteSelf.organizationMemberRoleSet.userErrors).toEqual([expect.objectContaining({ code: 'LAST_OWNER' })]);
    expect(await app.db.query('SELECT user_id AS "userId", role FROM memberships WHERE organization_id = $1', [org.id])).toEqual([{ userId: owner.id, role: 'OWNER' }]);

    const second = await withRole(org, 'OWNER', 'Second');
    const leave = ok(await gql(app, MemberRemoveDocument, { input: { organizationId: org.id, userId: owner.id } }, owner.token));
    expect(leave.organizationMemberRemove.userErrors).toEqual([]);
    expect(await app.db.query('SELECT user_id AS "userId", role FROM memberships WHERE organization_id = $1', [org.id])).toEqual([{ userId: second.id, role: 'OWNER' }]);
  });
});

describe('admin-only mutations', () => {
  it('organizationVerify: FORBIDDEN for non-admins (owners included), works for admins', async () => {
    const org = await createOrg(app, owner, { name: 'To Verify' });
    const outsider = await signUp(app, 'Outsider');
    for (const user of [owner, outsider]) {
      const response = await gql(app, OrgVerifyDocument, { input: { id: org.id, verified: true } }, user.token);
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    expect(errorCode(await gql(app, OrgVerifyDocument, { input: { id: org.id, verified: true } }))).toBe('UNAUTHENTICATED');
    expect(await app.db.query('SELECT verified FROM organizations WHERE id = $1', [org.id])).toEqual([{ verified: false }]);

    const admin = await signUp(app, 'Admin');
    await makeAdmin(app, admin);
    const verified = ok(await gql(app, OrgVerifyDocument, { input: { id: org.id, verified: true } }, admin.token)).organizationVerify;
    expect(verified.organization).toEqual({ id: org.id, verified: true });
    expect(await app.db.query('SELECT verified FROM organizations WHERE id = $1', [org.id])).toEqual([{ verified: true }]);
    expect(errorCode(await gql(app, OrgVerifyDocument, { input: { id: randomUUID(), verified: true } }, admin.token))).toBe('NOT_FOUND');
  });

  it('skillCreate and issueAreaCreate: FORBIDDEN for non-admins, work for admins', async () => {
    const before = await counts();
    expect(errorCode(await gql(app, SkillCreateDocument, { input: { categoryId: 'LOGISTICS', slug: 'drone-delivery', name: 'Drone delivery' } }, owner.token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(app, IssueAreaCreateDocument, { input: { slug: 'water-rights', name: 'Water rights', description: 'Access to water' } }, owner.token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(app, SkillCreateDocument, { input: { categoryId: 'LOGISTICS', slug: 'drone-delivery', name: 'Drone delivery' } }))).toBe('UNAUTHENTICATED');
    expect(await counts()).toEqual(before);

    const admin = await signUp(app, 'Admin');
    await makeAdmin(app, admin);
    const skill = ok(await gql(app, SkillCreateDocument, { input: { categoryId: 'LOGISTICS', slug: 'drone-delivery', name: 'Drone delivery' } }, admin.token)).skillCreate;
    expect(skill.skill).toMatchObject({ slug: 'drone-delivery', category: { id: 'LOGISTICS' } });
    const area = ok(await gql(app, IssueAreaCreateDocument, { input: { slug: 'water-rights', name: 'Water rights', description: 'Access to water' } }, admin.token)).issueAreaCreate;
    expect(area.issueArea?.slug).toBe('water-rights');
    const taxonomy = ok(await gql(app, TaxonomyDocument, {}));
    expect(taxonomy.capabilityCategories.find((c) => c.id === 'LOGISTICS')?.skills.map((s) => s.slug)).toContain('drone-delivery');
    expect(taxonomy.issueAreas.map((a) => a.slug)).toContain('water-rights');

    const duplicate = ok(await gql(app, SkillCreateDocument, { input: { categoryId: 'LOGISTICS', slug: 'drone-delivery', name: 'Again' } }, admin.token)).skillCreate;
    expect(duplicate.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN', field: 'input.slug' })]);
    const unknownCategory = ok(await gql(app, SkillCreateDocument, { input: { categoryId: 'NOPE', slug: 'nope-skill', name: 'Nope' } }, admin.token)).skillCreate;
    expect(unknownCategory.userErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN_CATEGORY', field: 'input.categoryId' })]);
  });

  // BUG: IssueAreaCreateInput.description is optional in the schema but lacks @IsOptional, so omitting it is refused.
  it('issueAreaCreate accepts an issue area without the optional description', async () => {
    const admin = await signUp(app, 'Admin');
    await makeAdmin(app, admin);
    const area = ok(await gql(app, IssueAreaCreateDocument, { input: { slug: 'no-description', name: 'No description' } }, admin.token)).issueAreaCreate;
    expect(area.userErrors).toEqual([]);
    expect(area.issueArea?.slug).toBe('no-description');
  });
});

describe('capabilities and needs', () => {
  it('add, update, list and remove round trip with values', async () => {
    const org = await createOrg(app, owner, { name: 'Round Trip' });
    const added = ok(await gql(app, CapabilityAddDocument, {
      input: { organizationId: org.id, skillId: await skillId(app, 'document-translation'), level: 'PROFICIENT', capacity: 3, remote: true, description: '  Arabic and French  ' },
    }, owner.token)).capabilityAdd;
    expect(added.userErrors).toEqual([]);
    expect(added.capability).toMatchObject({ level: 'PROFICIENT', capacity: 3, remote: true, description: 'Arabic and French', skill: { slug: 'document-translation', category: { id: 'TRANSLATION' } } });
    expect(added.organization?.capabilities.map((c) => c.id)).toEqual([added.capability!.id]);
    const capId = added.capability!.id;

    const updated = ok(await gql(app, CapabilityUpdateDocument, { input: { id: capId, level: 'EXPERT', capacity: null, description: 'Arabic only' } }, owner.token)).capabilityUpdate;
    expect(updated.capability).toEqual({ id: capId, level: 'EXPERT', capacity: null, remote: true, description: 'Arabic only' });

    const issue = await issueAreaId(app, 'migrant-rights');
    const need = ok(await gql(app, NeedAddDocument, {
      input: { organizationId: org.id, skillId: await skillId(app, 'asylum-representation'), priority: 'CRITICAL', issueAreaId: issue, neededBy: '2030-01-31', remoteOk: false, description: 'Cases in court' },
    }, owner.token)).needAdd;
    expect(need.userErrors).toEqual([]);
    expect(need.need).toMatchObject({ priority: 'CRITICAL', status: 'OPEN', remoteOk: false, neededBy: '2030-01-31', description: 'Cases in court', skill: { slug: 'asylum-representation' }, issueArea: { id: issue, slug: 'migrant-rights' } });
    const needId = need.need!.id;
    const needUpdated = ok(await gql(app, NeedUpdateDocument, { input: { id: needId, priority: 'LOW', status: 'MET' } }, owner.token)).needUpdate;
    expect(needUpdated.need).toEqual({ id: needId, priority: 'LOW', status: 'MET' });

    const listed = ok(await gql(app, OrgChildrenDocument, { id: org.id }, owner.token)).organization!;
    expect(listed.capabilities).toEqual([{ id: capId, level: 'EXPERT', skill: { slug: 'document-translation' } }]);
    expect(listed.needs).toEqual([{ id: needId, status: 'MET', priority: 'LOW', skill: { slug: 'asylum-representation' } }]);

    const capRemoved = ok(await gql(app, CapabilityRemoveDocument, { input: { id: capId } }, owner.token)).capabilityRemove;
    expect(capRemoved).toMatchObject({ removedId: capId, organization: { id: org.id, capabilities: [] }, userErrors: [] });
    const needRemoved = ok(await gql(app, NeedRemoveDocument, { input: { id: needId } }, owner.token)).needRemove;
    expect(needRemoved).toMatchObject({ removedId: needId, userErrors: [] });
    const empty = ok(await gql(app, OrgChildrenDocument, { id: org.id }, owner.token)).organization!;
    expect(empty).toEqual({ id: org.id, capabilities: [], needs: [] });

    // Removing again: the capability is gone.
    expect(errorCode(await gql(app, CapabilityRemoveDocument, { input: { id: capId } }, owner.token))).toBe('NOT_FOUND');
  });
});
