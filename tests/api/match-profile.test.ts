import { CapabilityRemoveDocument, CapabilityUpdateDocument, NeedUpdateDocument, OrgUpdateDocument } from '../generated/graphql.js';
import { addCapability, addNeed, createOrg, issueAreaId, signUp, skillId, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The matching read model (organization_match_profiles) is kept by triggers, not by application code: after each
// kind of write through the API it must equal what the child tables say, so suggestions never score stale data.

let app: TestApp;
let owner: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  owner = await signUp(app, 'Profile owner');
});
afterAll(() => app.close());

interface Profile { offered: string[]; expert: string[]; needed: string[]; issues: string[]; caps: unknown[]; needs: unknown[] }

async function profile(organizationId: string): Promise<Profile | undefined> {
  const [row] = await app.db.query(
    `SELECT offered_skill_ids AS offered, expert_skill_ids AS expert, needed_skill_ids AS needed, issue_area_ids AS issues,
       capabilities AS caps, needs FROM organization_match_profiles WHERE organization_id = $1`, [organizationId]);
  return row;
}

const sorted = (xs: string[]) => [...xs].sort();

it('follows capabilities, needs and issue areas through adds, updates and removals', async () => {
  const org = await createOrg(app, owner);
  expect(await profile(org.id)).toBeUndefined();

  const grants = await skillId(app, 'grant-writing');
  const legal = await skillId(app, 'asylum-representation');
  const cap = await addCapability(app, owner, org.id, 'grant-writing', 'EXPERT');
  await addCapability(app, owner, org.id, 'asylum-representation', 'BASIC');
  const need = await addNeed(app, owner, org.id, 'media-relations', 'HIGH');
  const media = await skillId(app, 'media-relations');
  let p = (await profile(org.id))!;
  expect(sorted(p.offered)).toEqual(sorted([grants, legal]));
  expect(p.expert).toEqual([grants]);
  expect(p.needed).toEqual([media]);
  expect(p.needs).toEqual([[need.id, media, 'HIGH', true, null]]);

  // A level change moves the skill out of the EXPERT list; a closed need leaves the open needs.
  ok(await gql(app, CapabilityUpdateDocument, { input: { id: cap.id, level: 'PROFICIENT' } }, owner.token));
  ok(await gql(app, NeedUpdateDocument, { input: { id: need.id, status: 'CLOSED' } }, owner.token));
  p = (await profile(org.id))!;
  expect(p.expert).toEqual([]);
  expect(p.needed).toEqual([]);
  expect(p.needs).toEqual([]);
  expect(p.caps).toContainEqual([grants, 'PROFICIENT', false, null]);

  const refugees = await issueAreaId(app, 'refugee-resettlement');
  ok(await gql(app, OrgUpdateDocument, { input: { id: org.id, issueAreaIds: [refugees] } }, owner.token));
  expect((await profile(org.id))!.issues).toEqual([refugees]);

  ok(await gql(app, CapabilityRemoveDocument, { input: { id: cap.id } }, owner.token));
  p = (await profile(org.id))!;
  expect(p.offered).toEqual([legal]);
  expect(p.caps).toEqual([[legal, 'BASIC', false, null]]);
});

it('refreshes every organization touched by one multi-row statement', async () => {
  const a = await createOrg(app, owner);
  const b = await createOrg(app, owner);
  const grants = await skillId(app, 'grant-writing');
  await app.db.query(
    `INSERT INTO capabilities (organization_id, skill_id, level) SELECT unnest($1::uuid[]), $2, 'EXPERT'`,
    [[a.id, b.id], grants],
  );
  expect((await profile(a.id))!.expert).toEqual([grants]);
  expect((await profile(b.id))!.expert).toEqual([grants]);
  await app.db.query('DELETE FROM capabilities WHERE organization_id = ANY($1::uuid[])', [[a.id, b.id]]);
  expect((await profile(a.id))!.offered).toEqual([]);
  expect((await profile(b.id))!.offered).toEqual([]);
});
