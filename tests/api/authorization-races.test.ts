import { Client } from 'pg';
import { addCapability, addMember, createOrg, makeAdmin, signUp, type TestUser } from '../support/factories.js';
import { rawGql, type GraphQLResponse } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Authorization of a write is decided inside its transaction, under the organization lock the write takes, from
// the memberships table as it stands then (not from the roles read with the token at the start of the request).
// The deterministic tests hold the organization's row lock on a second connection, let the requests queue behind
// it, change the membership, and release. The plain races fire real concurrent requests and check every write
// against the order in which PostgreSQL serialized them (a log table filled by triggers in this test's database).

let app: TestApp;
let owner: TestUser;
let skills: string[];
beforeAll(async () => {
  app = await startTestApp();
  owner = await signUp(app, 'Race Owner');
  skills = (await app.db.query('SELECT id FROM skills ORDER BY slug LIMIT 8')).map((row: { id: string }) => row.id);
  // Commit order of the writes the races are about: each row is logged by the transaction that wrote it, while it
  // holds the organization lock, so seq follows the order in which the writes were serialized.
  await app.db.query(`
    CREATE TABLE race_log (seq bigserial PRIMARY KEY, what text NOT NULL, organization_id uuid NOT NULL, subject text NOT NULL);
    CREATE FUNCTION race_log_need() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO race_log (what, organization_id, subject) VALUES ('need', NEW.organization_id, NEW.id::text); RETURN NEW; END $$;
    CREATE FUNCTION race_log_invitation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO race_log (what, organization_id, subject) VALUES ('invitation', NEW.organization_id, NEW.email); RETURN NEW; END $$;
    CREATE FUNCTION race_log_removal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO race_log (what, organization_id, subject) VALUES ('removal', OLD.organization_id, OLD.user_id::text); RETURN OLD; END $$;
    CREATE TRIGGER race_log_need AFTER INSERT ON needs FOR EACH ROW EXECUTE FUNCTION race_log_need();
    CREATE TRIGGER race_log_invitation AFTER INSERT OR UPDATE ON organization_invitations FOR EACH ROW EXECUTE FUNCTION race_log_invitation();
    CREATE TRIGGER race_log_removal AFTER DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION race_log_removal();
  `);
});
afterAll(() => app?.close());

type Answer = GraphQLResponse<Record<string, any>>;

const M = {
  needAdd: 'mutation($i: NeedAddInput!) { needAdd(input: $i) { need { id } userErrors { code field } } }',
  capabilityAdd: 'mutation($i: CapabilityAddInput!) { capabilityAdd(input: $i) { capability { id } userErrors { code field } } }',
  capabilityUpdate: 'mutation($i: CapabilityUpdateInput!) { capabilityUpdate(input: $i) { capability { id level } userErrors { code field } } }',
  capabilityRemove: 'mutation($i: RemoveInput!) { capabilityRemove(input: $i) { removedId userErrors { code field } } }',
  needRemove: 'mutation($i: RemoveInput!) { needRemove(input: $i) { removedId userErrors { code field } } }',
  orgUpdate: 'mutation($i: OrganizationUpdateInput!) { organizationUpdate(input: $i) { organization { id mission } userErrors { code field } } }',
  memberRemove: 'mutation($i: OrganizationMemberRemoveInput!) { organizationMemberRemove(input: $i) { userErrors { code field } } }',
  memberRoleSet: 'mutation($i: OrganizationMemberRoleSetInput!) { organizationMemberRoleSet(input: $i) { member { role } userErrors { code field } } }',
  invite: 'mutation($i: OrganizationMemberInviteInput!) { organizationMemberInvite(input: $i) { invitation { id } userErrors { code field } } }',
  request: 'mutation($i: RequestIntroductionInput!) { requestIntroduction(input: $i) { introduction { id status } userErrors { code field } } }',
  respond: 'mutation($i: RespondToIntroductionInput!) { respondToIntroduction(input: $i) { introduction { id status } userErrors { code field } } }',
  withdraw: 'mutation($i: WithdrawIntroductionInput!) { withdrawIntroduction(input: $i) { introduction { id status } userErrors { code field } } }',
  rate: 'mutation($i: RateCollaborationInput!) { rateCollaboration(input: $i) { collaboration { id myRating } userErrors { code field } } }',
};

function send(mutation: string, input: Record<string, unknown>, user: TestUser): Promise<Answer> {
  return rawGql(app, mutation, { i: input }, user.token);
}

function code(answer: Answer): string | undefined {
  return answer.errors?.[0]?.extensions?.code;
}

/** A second connection that holds an organization's row lock, as a slow concurrent writer would. */
async function holdOrganization(organizationId: string) {
  const client = new Client({ connectionString: (app.db.options as { url?: string }).url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT id FROM organizations WHERE id = $1 FOR UPDATE', [organizationId]);
  return {
    client,
    /** Resolves once `n` backends of this database wait on a lock (the requests queued behind this one). */
    async waiters(n: number) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        // Inside a transaction the activity view is a snapshot taken at its first read: clear it on every poll.
        await client.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0].n >= n) return;
        if (Date.now() > deadline) {
          const { rows: activity } = await client.query(
            `SELECT state, wait_event_type, wait_event, left(query, 120) AS query FROM pg_stat_activity WHERE datname = current_database()`,
          );
          throw new Error(`only ${rows[0].n} of ${n} requests are waiting on the lock: ${JSON.stringify(activity)}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async release(finish: 'COMMIT' | 'ROLLBACK' = 'COMMIT') {
      await client.query(finish);
      await client.end();
    },
  };
}

async function orgWith(role: 'OWNER' | 'EDITOR', visibility: 'PUBLIC' | 'PRIVATE', name = 'Racer'): Promise<{ orgId: string; user: TestUser }> {
  const org = await createOrg(app, owner, { visibility });
  const user = await signUp(app, name);
  await addMember(app, owner, org.id, user, role);
  return { orgId: org.id, user };
}

async function count(sql: string, params: unknown[]): Promise<number> {
  return (await app.db.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;
}

describe('a member removed or demoted while its write waits on the organization lock', () => {
  it('needAdd on a PRIVATE organization: NOT_FOUND and nothing written (membership removed in the holding transaction)', async () => {
    const { orgId, user } = await orgWith('EDITOR', 'PRIVATE');
    const hold = await holdOrganization(orgId);
    const write = send(M.needAdd, { organizationId: orgId, skillId: skills[0], priority: 'HIGH' }, user);
    await hold.waiters(1);
    await hold.client.query('DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2', [orgId, user.id]);
    await hold.release();
    const answer = await write;
    expect(code(answer)).toBe('NOT_FOUND');
    expect(answer.data?.needAdd ?? null).toBeNull();
    expect(await count('needs WHERE organization_id = $1', [orgId])).toBe(0);
  });

  it("capabilityAdd queued behind the owner's organizationMemberRemove (both over the API): NOT_FOUND, nothing written", async () => {
    const { orgId, user } = await orgWith('EDITOR', 'PRIVATE');
    const hold = await holdOrganization(orgId);
    const removal = send(M.memberRemove, { organizationId: orgId, userId: user.id }, owner);
    await hold.waiters(1);
    const write = send(M.capabilityAdd, { organizationId: orgId, skillId: skills[1], level: 'EXPERT' }, user);
    await hold.waiters(2);
    await hold.release('ROLLBACK'); // the removal goes first (it queued first), then the editor's write
    expect((await removal).data?.organizationMemberRemove).toEqual({ userErrors: [] });
    expect(code(await write)).toBe('NOT_FOUND');
    expect(await count('capabilities WHERE organization_id = $1', [orgId])).toBe(0);
  });

  it('an OWNER removed while re-inviting itself as OWNER: NOT_FOUND, no invitation, it cannot get back in', async () => {
    const { orgId, user } = await orgWith('OWNER', 'PRIVATE', 'Ousted');
    const hold = await holdOrganization(orgId);
    const removal = send(M.memberRemove, { organizationId: orgId, userId: user.id }, owner);
    await hold.waiters(1);
    const reinvite = send(M.invite, { organizationId: orgId, email: user.email, role: 'OWNER' }, user);
    await hold.waiters(2);
    await hold.release('ROLLBACK');
    expect((await removal).data?.organizationMemberRemove).toEqual({ userErrors: [] });
    expect(code(await reinvite)).toBe('NOT_FOUND');
    // (The invitation it joined with is the only one, ACCEPTED.)
    expect(await count(`organization_invitations WHERE organization_id = $1 AND email = $2 AND status <> 'ACCEPTED'`, [orgId, user.email])).toBe(0);
    expect(await count('memberships WHERE organization_id = $1 AND user_id = $2', [orgId, user.id])).toBe(0);
  });

  it('an EDITOR demoted to MEMBER while its organizationUpdate waits: FORBIDDEN, profile unchanged', async () => {
    const { orgId, user } = await orgWith('EDITOR', 'PUBLIC');
    const hold = await holdOrganization(orgId);
    const write = send(M.orgUpdate, { id: orgId, mission: 'written by a demoted editor' }, user);
    await hold.waiters(1);
    await hold.client.query(`UPDATE memberships SET role = 'MEMBER' WHERE organization_id = $1 AND user_id = $2`, [orgId, user.id]);
    await hold.release();
    expect(code(await write)).toBe('FORBIDDEN');
    expect((await app.db.query('SELECT mission FROM organizations WHERE id = $1', [orgId]))[0].mission).not.toBe('written by a demoted editor');
  });

  it("an OWNER demoted while its organizationMemberRoleSet waits: FORBIDDEN, the other member's role unchanged", async () => {
    const { orgId, user } = await orgWith('OWNER', 'PUBLIC', 'Demoted Owner');
    const other = await signUp(app, 'Other');
    await addMember(app, owner, orgId, other, 'MEMBER');
    const hold = await holdOrganization(orgId);
    const write = send(M.memberRoleSet, { organizationId: orgId, userId: other.id, role: 'OWNER' }, user);
    await hold.waiters(1);
    await hold.client.query(`UPDATE memberships SET role = 'EDITOR' WHERE organization_id = $1 AND user_id = $2`, [orgId, user.id]);
    await hold.release();
    expect(code(await write)).toBe('FORBIDDEN');
    expect((await app.db.query('SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2', [orgId, other.id]))[0].role).toBe('MEMBER');
  });

  describe('introductions and collaborations: the role on the side that acts', () => {
    async function pair() {
      const from = await orgWith('EDITOR', 'PUBLIC', 'From Editor');
      const to = await orgWith('EDITOR', 'PUBLIC', 'To Editor');
      const asked = await send(M.request, { fromOrganizationId: from.orgId, toOrganizationId: to.orgId, message: 'Shall we?' }, owner);
      return { from, to, introductionId: asked.data!.requestIntroduction.introduction.id as string };
    }

    it('requestIntroduction by an editor removed while it waits: FORBIDDEN on a PUBLIC organization, nothing written', async () => {
      const { from, to } = await pair();
      const third = await createOrg(app, owner);
      const hold = await holdOrganization(from.orgId);
      const write = send(M.request, { fromOrganizationId: from.orgId, toOrganizationId: third.id, message: 'Hello' }, from.user);
      await hold.waiters(1);
      await hold.client.query('DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2', [from.orgId, from.user.id]);
      await hold.release();
      expect(code(await write)).toBe('FORBIDDEN');
      expect(await count('introductions WHERE from_organization_id = $1 AND to_organization_id = $2', [from.orgId, third.id])).toBe(0);
      expect(to.orgId).toBeDefined();
    });

    it.each(['withdraw', 'respond'] as const)('%s by an editor removed while it waits: NOT_FOUND, the introduction stays PENDING', async (action) => {
      const { from, to, introductionId } = await pair();
      const side = action === 'withdraw' ? from : to;
      const hold = await holdOrganization(side.orgId);
      const write = action === 'withdraw'
        ? send(M.withdraw, { introductionId }, side.user)
        : send(M.respond, { introductionId, accept: true }, side.user);
      await hold.waiters(1);
      await hold.client.query('DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2', [side.orgId, side.user.id]);
      await hold.release();
      expect(code(await write)).toBe('NOT_FOUND');
      expect((await app.db.query('SELECT status FROM introductions WHERE id = $1', [introductionId]))[0].status).toBe('PENDING');
      expect(await count('collaborations WHERE introduction_id = $1', [introductionId])).toBe(0);
    });

    it('rateCollaboration by an editor demoted while it waits: FORBIDDEN, no rating stored', async () => {
      const { from, introductionId } = await pair();
      const accepted = await send(M.respond, { introductionId, accept: true }, owner);
      expect(accepted.data?.respondToIntroduction.introduction.status).toBe('ACCEPTED');
      const [collaboration] = await app.db.query('SELECT id FROM collaborations WHERE introduction_id = $1', [introductionId]);
      const hold = await holdOrganization(from.orgId);
      const write = send(M.rate, { collaborationId: collaboration.id, rating: 5 }, from.user);
      await hold.waiters(1);
      await hold.client.query(`UPDATE memberships SET role = 'MEMBER' WHERE organization_id = $1 AND user_id = $2`, [from.orgId, from.user.id]);
      await hold.release();
      expect(code(await write)).toBe('FORBIDDEN');
      expect(await app.db.query('SELECT feedback_a, feedback_b FROM collaborations WHERE id = $1', [collaboration.id]))
        .toEqual([{ feedback_a: null, feedback_b: null }]);
    });
  });

  it.each([1, 2, 3, 4, 5])('plain race %i: an OWNER removed during a burst of its own writes; every write it got done was serialized before the removal', async () => {
    const { orgId, user } = await orgWith('OWNER', 'PRIVATE', 'Bursty');
    const [{ start }] = await app.db.query('SELECT coalesce(max(seq), 0) AS start FROM race_log');
    const writes: Promise<Answer>[] = [];
    const fire = (i: number) => writes.push(send(M.needAdd, { organizationId: orgId, skillId: skills[i], priority: 'HIGH' }, user));
    for (let i = 0; i < 3; i++) fire(i);
    const reinvite = send(M.invite, { organizationId: orgId, email: user.email, role: 'OWNER' }, user);
    const removal = send(M.memberRemove, { organizationId: orgId, userId: user.id }, owner);
    for (let i = 3; i < 7; i++) fire(i);
    const answers = await Promise.all(writes);
    expect((await removal).data?.organizationMemberRemove).toEqual({ userErrors: [] });
    const invited = await reinvite;

    const log: { seq: string; what: string; subject: string }[] = await app.db.query(
      'SELECT seq, what, subject FROM race_log WHERE organization_id = $1 AND seq > $2 ORDER BY seq', [orgId, start],
    );
    const removedAt = log.findIndex((entry) => entry.what === 'removal' && entry.subject === user.id);
    expect(removedAt).toBeGreaterThanOrEqual(0);
    // Nothing the removed owner wrote was serialized after its removal.
    expect(log.slice(removedAt + 1).filter((entry) => entry.what !== 'removal')).toEqual([]);
    // Every answer is the truth: a need id for each row written, NOT_FOUND (PRIVATE, no longer a member) otherwise.
    const written = answers.filter((a) => a.data?.needAdd?.need).map((a) => a.data!.needAdd.need.id).sort();
    expect(written).toEqual(log.filter((e) => e.what === 'need').map((e) => e.subject).sort());
    for (const answer of answers.filter((a) => !a.data?.needAdd?.need)) expect(code(answer)).toBe('NOT_FOUND');
    const invitations = log.filter((e) => e.what === 'invitation').length;
    expect(invited.data?.organizationMemberInvite?.invitation ? 1 : 0).toBe(invitations);
    if (!invited.data?.organizationMemberInvite?.invitation) expect(code(invited)).toBe('NOT_FOUND');
  });
});

describe('admin rights revoked while an admin write waits', () => {
  it('organizationVerify queued behind the organization lock: FORBIDDEN, the flag unchanged', async () => {
    const admin = await signUp(app, 'Soon Former Admin');
    await makeAdmin(app, admin);
    const org = await createOrg(app, owner, { visibility: 'PUBLIC' });
    const hold = await holdOrganization(org.id);
    const write = rawGql(app, 'mutation($i: OrganizationVerifyInput!) { organizationVerify(input: $i) { organization { verified } userErrors { code } } }',
      { i: { id: org.id, verified: true } }, admin.token);
    await hold.waiters(1);
    await hold.client.query('UPDATE users SET is_admin = false WHERE id = $1', [admin.id]);
    await hold.release();
    expect(code(await write)).toBe('FORBIDDEN');
    expect(await count('organizations WHERE id = $1 AND verified', [org.id])).toBe(0);
  });

  it('skillCreate waiting on the admin\'s user row: FORBIDDEN once the revocation commits, no skill', async () => {
    const admin = await signUp(app, 'Another Former Admin');
    await makeAdmin(app, admin);
    const client = new Client({ connectionString: (app.db.options as { url?: string }).url });
    await client.connect();
    await client.query('BEGIN');
    await client.query('UPDATE users SET is_admin = false WHERE id = $1', [admin.id]);
    const write = rawGql(app, 'mutation($i: SkillCreateInput!) { skillCreate(input: $i) { skill { id } userErrors { code } } }',
      { i: { categoryId: 'TRAINING', slug: 'race-skill', name: 'Race skill' } }, admin.token);
    await new Promise((r) => setTimeout(r, 300));
    await client.query('COMMIT');
    await client.end();
    expect(code(await write)).toBe('FORBIDDEN');
    expect(await count(`skills WHERE slug = 'race-skill'`, [])).toBe(0);
  });
});

describe('remove and update races answer truthfully', () => {
  async function freshCapability(): Promise<{ orgId: string; id: string }> {
    const org = await createOrg(app, owner);
    const capability = await addCapability(app, owner, org.id, (await app.db.query('SELECT slug FROM skills WHERE id = $1', [skills[0]]))[0].slug, 'BASIC');
    return { orgId: org.id, id: capability.id };
  }

  async function freshNeed(): Promise<{ orgId: string; id: string }> {
    const org = await createOrg(app, owner);
    const answer = await send(M.needAdd, { organizationId: org.id, skillId: skills[0], priority: 'LOW' }, owner);
    return { orgId: org.id, id: answer.data!.needAdd.need.id };
  }

  it('queued behind a lock: the second capabilityRemove and an update after the remove are NOT_FOUND', async () => {
    const { orgId, id } = await freshCapability();
    const hold = await holdOrganization(orgId);
    const first = send(M.capabilityRemove, { id }, owner);
    await hold.waiters(1);
    const second = send(M.capabilityRemove, { id }, owner);
    await hold.waiters(2);
    const update = send(M.capabilityUpdate, { id, level: 'EXPERT' }, owner);
    await hold.waiters(3);
    await hold.release('ROLLBACK');
    expect((await first).data?.capabilityRemove).toEqual({ removedId: id, userErrors: [] });
    expect(code(await second)).toBe('NOT_FOUND');
    expect(code(await update)).toBe('NOT_FOUND');
  });

  it.each([1, 2, 3, 4, 5])('round %i: capabilityRemove and needRemove twice at once: one success, one NOT_FOUND', async () => {
    for (const [mutation, item, field] of [[M.capabilityRemove, await freshCapability(), 'capabilityRemove'], [M.needRemove, await freshNeed(), 'needRemove']] as const) {
      const answers = await Promise.all([send(mutation, { id: item.id }, owner), send(mutation, { id: item.id }, owner)]);
      const outcomes = answers.map((a) => (a.data?.[field]?.removedId === item.id ? 'removed' : code(a))).sort();
      expect(outcomes).toEqual(['NOT_FOUND', 'removed']);
    }
  });

  it.each([1, 2, 3, 4, 5])('round %i: capabilityUpdate racing capabilityRemove: the update either changed the capability or is NOT_FOUND', async () => {
    const { id } = await freshCapability();
    const [update, removal] = await Promise.all([
      send(M.capabilityUpdate, { id, level: 'EXPERT' }, owner),
      send(M.capabilityRemove, { id }, owner),
    ]);
    expect(removal.data?.capabilityRemove).toEqual({ removedId: id, userErrors: [] });
    if (update.errors) expect(code(update)).toBe('NOT_FOUND');
    else expect(update.data?.capabilityUpdate).toEqual({ capability: { id, level: 'EXPERT' }, userErrors: [] });
  });
});
