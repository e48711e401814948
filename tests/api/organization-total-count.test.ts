import { OrgListDocument, OrgUpdateDocument, type OrganizationFilter } from '../generated/graphql.js';
import { addMember, createOrg, issueAreaId, makeAdmin, signUp, type TestUser } from '../support/factories.js';
import { gql, ok, rawGql } from '../support/graphql-client.js';
import { waitForQuietDatabase } from '../support/statements.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The organizations list's totalCount: without a filter it comes from the counts the database keeps per visibility
// (organization_counts, kept by triggers); it must equal what the viewer can walk page by page, for every kind of
// viewer, after every kind of change, and arrive in the page's own statement.

let app: TestApp;
let owner: TestUser;
let stranger: TestUser;
let member: TestUser;
let admin: TestUser;
const created: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  [owner, stranger, member, admin] = await Promise.all(['Owner', 'Stranger', 'Member', 'Admin'].map((name) => signUp(app, name)));
  await makeAdmin(app, admin);
  const plan = { publicA: 'PUBLIC', publicB: 'PUBLIC', publicC: 'PUBLIC', networkA: 'NETWORK', networkB: 'NETWORK', privateA: 'PRIVATE', privateB: 'PRIVATE' } as const;
  for (const [key, visibility] of Object.entries(plan)) {
    created[key] = (await createOrg(app, owner, { name: `Count ${key}`, visibility })).id;
  }
  await addMember(app, owner, created.privateA, member);
});
afterAll(() => app?.close());

type Viewer = 'anonymous' | 'stranger' | 'member' | 'owner' | 'admin';
const VIEWERS: Viewer[] = ['anonymous', 'stranger', 'member', 'owner', 'admin'];
const tokenOf = (viewer: Viewer) => ({ anonymous: null, stranger: stranger.token, member: member.token, owner: owner.token, admin: admin.token })[viewer];

/** totalCount and the number of organizations walked page by page (pages of 4), as the viewer sees them. */
async function countAndWalk(viewer: Viewer, filter: OrganizationFilter = {}): Promise<{ totalCount: number; walked: number }> {
  let after: string | null = null;
  let walked = 0;
  const totals = new Set<number>();
  for (;;) {
    const page: { totalCount: number; edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean } } =
      ok(await gql(app, OrgListDocument, { first: 4, after, filter }, tokenOf(viewer))).organizations;
    totals.add(page.totalCount);
    walked += page.edges.length;
    if (!page.pageInfo.hasNextPage) break;
    after = page.edges.at(-1)!.cursor;
  }
  expect(totals.size).toBe(1); // every page tells the same total
  return { totalCount: [...totals][0], walked };
}

async function expectExactForEveryViewer(): Promise<Record<Viewer, number>> {
  const totals = {} as Record<Viewer, number>;
  for (const viewer of VIEWERS) {
    const { totalCount, walked } = await countAndWalk(viewer);
    expect({ viewer, totalCount }).toEqual({ viewer, totalCount: walked });
    totals[viewer] = totalCount;
  }
  return totals;
}

async function tableCount(condition: string): Promise<number> {
  const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM organizations WHERE ${condition}`);
  return n;
}

describe('organizations totalCount without a filter (maintained counts)', () => {
  it('equals what each viewer can walk, and each viewer gets its own visibility class', async () => {
    const totals = await expectExactForEveryViewer();
    const publicCount = await tableCount("visibility = 'PUBLIC'");
    const networkCount = await tableCount("visibility = 'NETWORK'");
    expect(totals.anonymous).toBe(publicCount);
    expect(totals.stranger).toBe(publicCount + networkCount);
    expect(totals.member).toBe(publicCount + networkCount + 1); // its one PRIVATE organization
    expect(totals.owner).toBe(publicCount + networkCount + 2);
    expect(totals.admin).toBe(await tableCount('TRUE'));
  });

  it('follows visibility changes, deletions, bulk writes and concurrent creations', async () => {
    const before = await expectExactForEveryViewer();
    // PUBLIC -> PRIVATE: the anonymous and the stranger lose it, its owner keeps it.
    ok(await gql(app, OrgUpdateDocument, { input: { id: created.publicA, visibility: 'PRIVATE' } }, owner.token));
    const afterUpdate = await expectExactForEveryViewer();
    expect(afterUpdate.anonymous).toBe(before.anonymous - 1);
    expect(afterUpdate.stranger).toBe(before.stranger - 1);
    expect(afterUpdate.owner).toBe(before.owner);

    // A multi-row statement that moves several visibilities at once, and a deletion.
    await app.db.query(`UPDATE organizations SET visibility = CASE visibility WHEN 'NETWORK' THEN 'PUBLIC' ELSE 'NETWORK' END
      WHERE id = ANY($1::uuid[])`, [[created.networkA, created.publicB, created.privateB]]);
    await app.db.query('DELETE FROM organizations WHERE id = $1', [created.publicC]);
    await expectExactForEveryViewer();

    // Concurrent creations (each its own transaction) add up.
    await Promise.all(Array.from({ length: 8 }, (_, i) => createOrg(app, owner, { name: `Count burst ${i}`, visibility: i % 2 ? 'PUBLIC' : 'NETWORK' })));
    const afterBurst = await expectExactForEveryViewer();
    expect(afterBurst.anonymous).toBe(await tableCount("visibility = 'PUBLIC'"));

    // The kept counts and the table agree for every visibility.
    const kept = await app.db.query('SELECT visibility, organizations AS n FROM organization_counts WHERE organizations <> 0 ORDER BY visibility');
    const counted = await app.db.query('SELECT visibility, count(*)::int AS n FROM organizations GROUP BY visibility ORDER BY visibility');
    expect(kept).toEqual(counted);
  });

  it('a rolled-back write changes no count', async () => {
    const before = await expectExactForEveryViewer();
    const runner = app.db.createQueryRunner();
    await runner.startTransaction();
    await runner.query(`UPDATE organizations SET visibility = 'PRIVATE' WHERE visibility = 'PUBLIC'`);
    await runner.rollbackTransaction();
    await runner.release();
    expect(await expectExactForEveryViewer()).toEqual(before);
  });
});

describe('totalCount in the page statement', () => {
  it('a page with totalCount is one statement, filtered or not; past the end the total is still right', async () => {
    const statementsFor = async (filter: OrganizationFilter) => {
      await waitForQuietDatabase(app);
      app.statements.length = 0;
      const page = ok(await gql(app, OrgListDocument, { first: 2, filter })).organizations; // anonymous: no token lookup
      return { statements: app.statements.length, totalCount: page.totalCount };
    };
    expect((await statementsFor({})).statements).toBe(1);
    expect((await statementsFor({ kinds: ['NGO'] })).statements).toBe(1);

    const { totalCount } = await countAndWalk('stranger', { kinds: ['NGO'] });
    expect(totalCount).toBe(await tableCount("kind = 'NGO' AND visibility IN ('PUBLIC', 'NETWORK')"));
    const farAfter = Buffer.from('o:5000').toString('base64url');
    const empty = ok(await gql(app, OrgListDocument, { first: 2, after: farAfter }, stranger.token)).organizations;
    expect(empty.edges).toEqual([]);
    expect(empty.totalCount).toBe((await countAndWalk('stranger')).totalCount);
  });

  it('without totalCount selected, no count is taken', async () => {
    await waitForQuietDatabase(app);
    app.statements.length = 0;
    ok(await rawGql(app, '{ organizations(first: 2) { edges { node { id } } } }'));
    expect(app.statements).toHaveLength(1);
    expect(app.statements[0]).not.toMatch(/count\(|organization_counts/);
  });

  it('a totalCount selected through a fragment is counted', async () => {
    const total = async (args: string) => ok(await rawGql<{ organizations: { totalCount: number } }>(app,
      `query { organizations(first: 1${args}) { ...Total } } fragment Total on OrganizationConnection { totalCount }`)).organizations.totalCount;
    expect(await total('')).toBe(await tableCount("visibility = 'PUBLIC'"));
    expect(await total(`, filter: { issueAreaIds: ["${await issueAreaId(app, 'land-rights')}"] }`)).toBe(0);
  });
});
