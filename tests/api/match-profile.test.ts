import { CapabilityRemoveDocument, CapabilityUpdateDocument, NeedUpdateDocument, OrgUpdateDocument } from '../generated/graphql.js';
import { addCapability, addNeed, createOrg, issueAreaId, signUp, skillId, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { issueTerm, needsMostlyTerm, needsTerm, offersTerm, offersWellTerms } from '../../src/suggestions/match-terms.js';

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

// The partner pre-score's narrow keys (organization_match_keys) follow the same writes: levels and need weights
// by skill ordinal, and one pair key per (offered, needed) skill.
it('keeps the pre-score keys in step: levels, need weights and pair keys by skill ordinal', async () => {
  const org = await createOrg(app, owner);
  const ordinals = new Map<string, number>((await app.db.query(
    `SELECT slug, ordinal FROM skills WHERE slug = ANY($1::text[])`, [['grant-writing', 'asylum-representation', 'media-relations']],
  )).map((r: { slug: string; ordinal: number }) => [r.slug, r.ordinal]));
  const keys = async () => (await app.db.query(
    `SELECT pair_keys AS pairs, need_total AS "needTotal", issue_area_ids AS issues,
       offer_levels[$2::int] AS grants, offer_levels[$3::int] AS legal, need_weights[$4::int] AS media
     FROM organization_match_keys WHERE organization_id = $1`,
    [org.id, ordinals.get('grant-writing'), ordinals.get('asylum-representation'), ordinals.get('media-relations')],
  ))[0];
  const cap = await addCapability(app, owner, org.id, 'grant-writing', 'EXPERT');
  await addCapability(app, owner, org.id, 'asylum-representation', 'BASIC');
  const need = await addNeed(app, owner, org.id, 'media-relations', 'HIGH');
  await addNeed(app, owner, org.id, 'media-relations', 'LOW');
  let k = await keys();
  // 4 x the level weight (EXPERT 4, BASIC 2); the two open needs of one skill add up (HIGH 3 + LOW 1).
  expect([k.grants, k.legal, k.media, k.needTotal]).toEqual([4, 2, 4, 4]);
  const pair = (offered: string, needed: string) => ordinals.get(offered)! * 65536 + ordinals.get(needed)!;
  expect([...k.pairs].sort()).toEqual([pair('grant-writing', 'media-relations'), pair('asylum-representation', 'media-relations')].sort());

  ok(await gql(app, CapabilityUpdateDocument, { input: { id: cap.id, level: 'PROFICIENT' } }, owner.token));
  ok(await gql(app, NeedUpdateDocument, { input: { id: need.id, status: 'CLOSED' } }, owner.token));
  k = await keys();
  expect([k.grants, k.media, k.needTotal]).toEqual([3, 1, 1]);

  const refugees = await issueAreaId(app, 'refugee-resettlement');
  ok(await gql(app, OrgUpdateDocument, { input: { id: org.id, issueAreaIds: [refugees] } }, owner.token));
  ok(await gql(app, CapabilityRemoveDocument, { input: { id: cap.id } }, owner.token));
  k = await keys();
  expect(k.issues).toEqual([refugees]);
  expect(k.grants).toBeNull();
  expect(k.pairs).toEqual([pair('asylum-representation', 'media-relations')]);
});

// The one-way candidate tier's search terms (organization_match_keys.match_terms) are filled from the keys by a
// row trigger: they follow the same writes, and agree with the encoding the query side uses (match-terms.ts).
it('keeps the one-way search terms in step with the keys', async () => {
  const org = await createOrg(app, owner);
  const ordinal = async (slug: string) => (await app.db.query('SELECT ordinal FROM skills WHERE slug = $1', [slug]))[0].ordinal as number;
  const [grants, legal, media, video] = await Promise.all(
    ['grant-writing', 'asylum-representation', 'media-relations', 'video-production'].map(ordinal),
  );
  const terms = async () => new Set<number>((await app.db.query(
    'SELECT match_terms AS terms FROM organization_match_keys WHERE organization_id = $1', [org.id],
  ))[0].terms);
  const cap = await addCapability(app, owner, org.id, 'grant-writing', 'EXPERT');
  await addCapability(app, owner, org.id, 'asylum-representation', 'BASIC');
  await addNeed(app, owner, org.id, 'media-relations', 'HIGH');
  const minor = await addNeed(app, owner, org.id, 'video-production', 'LOW');
  let t = await terms();
  // Offered at all, and at PROFICIENT or better: EXPERT grant writing is both, BASIC asylum representation only the first.
  expect([t.has(offersTerm(grants)), offersWellTerms(grants).some((x) => t.has(x))]).toEqual([true, true]);
  expect([t.has(offersTerm(legal)), offersWellTerms(legal).some((x) => t.has(x))]).toEqual([true, false]);
  // HIGH (3) is at least half of 3 + 1; LOW (1) is not.
  expect([t.has(needsTerm(media)), t.has(needsMostlyTerm(media)), t.has(needsTerm(video)), t.has(needsMostlyTerm(video))])
    .toEqual([true, true, true, false]);

  const refugees = await issueAreaId(app, 'refugee-resettlement');
  ok(await gql(app, OrgUpdateDocument, { input: { id: org.id, issueAreaIds: [refugees] } }, owner.token));
  ok(await gql(app, CapabilityUpdateDocument, { input: { id: cap.id, level: 'BASIC' } }, owner.token));
  ok(await gql(app, NeedUpdateDocument, { input: { id: minor.id, priority: 'CRITICAL' } }, owner.token));
  t = await terms();
  expect(t.has(issueTerm(refugees))).toBe(true);
  expect(offersWellTerms(grants).some((x) => t.has(x))).toBe(false);
  // CRITICAL (4) against HIGH (3): now video production is most of what it needs, media relations less than half.
  expect([t.has(needsMostlyTerm(media)), t.has(needsMostlyTerm(video))]).toEqual([false, true]);
});
