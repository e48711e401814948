import type { DataSource } from 'typeorm';
import { createGoal, recordWin, setMilestone } from '../src/coalitions/goal.service.js';
import { createProposal, voteOnProposal } from '../src/coalitions/proposal.service.js';
import { DEMO_COALITIONS, demoActors } from './demo-coalitions.js';

// Governance of the demo coalitions (seeds/demo-coalitions.ts), so `npm start` shows a coalition at work: goals with
// milestones (one on track, one at risk), a wins log (public wins and a members-only one), proposals (an open
// statement with a vote cast, a decision passed by the members' votes). Built through the goal and proposal services
// as the demo accounts of the members, so every rule holds (the decision settles by the charter's rule as the votes
// come in). Skipped for a coalition that already has goals (idempotent), and when the demo coalitions are absent.

interface DemoGoal { title: string; description: string; dueInDays: number; milestones: { title: string; done: boolean; dueInDays?: number }[] }
interface DemoWin { title: string; description: string; daysAgo: number; evidenceUrl: string | null; public: boolean; goal?: number }
interface DemoProposal {
  kind: 'STATEMENT' | 'DECISION'; title: string; body: string; closesInDays: number;
  /** Votes by member position in the coalition (0 = founder), cast in this order; those after the decision settled are not cast. */
  votes: { member: number; choice: 'YES' | 'NO' | 'ABSTAIN'; comment?: string }[];
  /** The outcome the votes must reach (checked: the demo data is wrong otherwise). */
  settled?: 'PASSED' | 'REJECTED';
}
interface DemoGovernance { coalition: string; goals: DemoGoal[]; wins: DemoWin[]; proposals: DemoProposal[] }

const GOVERNANCE: DemoGovernance[] = [
  {
    coalition: DEMO_COALITIONS.beirut,
    goals: [
      {
        title: 'Legal representation for 200 domestic workers', description: 'Cases taken to the labour arbitration councils by the end of the year.',
        dueInDays: 150,
        milestones: [{ title: 'Shared intake form in five languages', done: true }, { title: 'Pro bono roster of 20 lawyers', done: true },
          { title: '100 cases filed', done: false, dueInDays: 40 }, { title: '200 cases filed', done: false, dueInDays: 150 }],
      },
      {
        title: 'Standard unified contract revised', description: 'The Ministry of Labour adopts the revised contract with the right to change employer.',
        dueInDays: 20,
        milestones: [{ title: 'Joint position paper', done: true }, { title: 'Meeting with the minister', done: false, dueInDays: -10 },
          { title: 'Public hearing', done: false, dueInDays: 15 }],
      },
    ],
    wins: [
      { title: 'Hotline live in Amharic, Tagalog and Sinhala', description: 'One number, answered by the member whose language it is.', daysAgo: 70, evidenceUrl: 'https://example.org/kafala-hotline', public: true, goal: 0 },
      { title: 'First arbitration ruling against a withheld passport', description: 'A worker\'s passport returned by order of the council.', daysAgo: 21, evidenceUrl: 'https://example.org/ruling-2026-11', public: true, goal: 0 },
      { title: 'Two recruitment agencies agreed to meet us', description: 'Kept internal until the meetings are done.', daysAgo: 5, evidenceUrl: null, public: false },
    ],
    proposals: [
      {
        kind: 'DECISION', title: 'Hire a shared case coordinator', body: 'Funded half by the joint grant, hosted by Darb Legal Agenda for one year.',
        closesInDays: 7, votes: [{ member: 0, choice: 'YES' }, { member: 1, choice: 'YES' }, { member: 2, choice: 'YES' }, { member: 3, choice: 'ABSTAIN', comment: 'Fine by us; no budget to add.' }],
        settled: 'PASSED',
      },
      {
        kind: 'STATEMENT', title: 'Joint statement on International Domestic Workers Day',
        body: 'We call on the government to abolish the kafala system and to ratify ILO Convention 189.',
        closesInDays: 5, votes: [{ member: 1, choice: 'YES', comment: 'Let us also name the passport practice.' }],
      },
    ],
  },
  {
    coalition: DEMO_COALITIONS.bogota,
    goals: [{
      title: 'Early-warning network in three departments', description: 'Cauca, Antioquia and Chocó, with trained focal points.', dueInDays: 90,
      milestones: [{ title: 'Secure messaging set up for all focal points', done: true }, { title: 'Focal points trained in Cauca', done: true },
        { title: 'Focal points trained in Antioquia', done: false }, { title: 'Focal points trained in Chocó', done: false }],
    }],
    wins: [{ title: 'Two leaders relocated safely', description: 'Within 48 hours of the alert.', daysAgo: 30, evidenceUrl: null, public: false, goal: 0 }],
    proposals: [],
  },
];

const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function seedOne(ds: DataSource, g: DemoGovernance, log: (msg: string) => void): Promise<boolean> {
  const [coalition]: { id: string }[] = await ds.query('SELECT id FROM coalitions WHERE name = $1', [g.coalition]);
  if (!coalition) return false;
  if ((await ds.query('SELECT 1 FROM coalition_goals WHERE coalition_id = $1', [coalition.id])).length) return false;
  const members: { id: string; name: string }[] = await ds.query(
    `SELECT o.id, o.name FROM coalition_members m JOIN organizations o ON o.id = m.organization_id
     WHERE m.coalition_id = $1 AND m.left_at IS NULL ORDER BY m.joined_at, m.organization_id`,
    [coalition.id],
  );
  const actors = await demoActors(ds, members.map((m) => m.name));
  if (!actors) return false;
  const founder = members[0];
  const coalitionId = coalition.id;
  const goalIds: string[] = [];
  for (const goal of g.goals) {
    const goalId = await actors.run(founder.name, (ctx, tx) => createGoal(ctx, tx, {
      coalitionId, organizationId: founder.id, title: goal.title, description: goal.description, dueOn: dateIn(goal.dueInDays),
      milestones: goal.milestones.map((m) => ({ title: m.title, dueOn: m.dueInDays === undefined ? null : dateIn(m.dueInDays) })),
    }));
    goalIds.push(goalId);
    const milestones: { id: string }[] = await ds.query('SELECT id FROM coalition_milestones WHERE goal_id = $1 ORDER BY position', [goalId]);
    for (const [i, m] of goal.milestones.entries()) {
      if (!m.done) continue;
      await actors.run(founder.name, (ctx, tx) => setMilestone(ctx, tx, { milestoneId: milestones[i].id, organizationId: founder.id, done: true }));
    }
  }
  for (const win of g.wins) {
    await actors.run(founder.name, (ctx, tx) => recordWin(ctx, tx, {
      coalitionId, organizationId: founder.id, title: win.title, description: win.description, achievedOn: dateIn(-win.daysAgo),
      evidenceUrl: win.evidenceUrl, public: win.public, goalId: win.goal === undefined ? null : goalIds[win.goal],
    }));
  }
  for (const p of g.proposals) {
    const proposalId = await actors.run(founder.name, (ctx, tx) => createProposal(ctx, tx, {
      coalitionId, organizationId: founder.id, kind: p.kind as never, title: p.title, body: p.body,
      closesAt: new Date(Date.now() + p.closesInDays * 86_400_000),
    }));
    for (const v of p.votes) {
      const [state]: { status: string }[] = await ds.query('SELECT status FROM coalition_proposals WHERE id = $1', [proposalId]);
      if (state.status !== 'OPEN') break;
      const member = members[v.member];
      await actors.run(member.name, (ctx, tx) => voteOnProposal(ctx, tx, { proposalId, organizationId: member.id, choice: v.choice as never, comment: v.comment }));
    }
    const [state]: { status: string }[] = await ds.query('SELECT status FROM coalition_proposals WHERE id = $1', [proposalId]);
    if (state.status !== (p.settled ?? 'OPEN')) throw new Error(`Demo proposal "${p.title}" ended ${state.status}, not ${p.settled ?? 'OPEN'}`);
  }
  log(`demo governance: ${g.coalition}`);
  return true;
}

/** Seeds goals, wins and proposals of the demo coalitions. Returns how many coalitions got them. */
export async function seedDemoGovernance(ds: DataSource, log: (msg: string) => void = () => undefined): Promise<number> {
  let added = 0;
  for (const g of GOVERNANCE) if (await seedOne(ds, g, log)) added++;
  return added;
}
