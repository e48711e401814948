import type { DataSource } from 'typeorm';
import { DEMO_COALITIONS } from './demo-coalitions.js';

// Governance of the demo coalitions (seeds/demo-coalitions.ts), so `npm start` shows a coalition at work: goals with
// milestones (one on track, one at risk), a wins log (public wins and a members-only one), proposals (an open
// statement with a vote cast, a passed decision with its tally). Written in SQL in one transaction; skipped for a
// coalition that already has goals (idempotent), and when the demo coalitions are absent.

type Query = (sql: string, params?: unknown[]) => Promise<{ [key: string]: unknown }[]>;

interface DemoGoal { title: string; description: string; dueInDays: number; createdDaysAgo: number; milestones: { title: string; done: boolean; dueInDays?: number }[] }
interface DemoWin { title: string; description: string; daysAgo: number; evidenceUrl: string | null; public: boolean; goal?: number }
interface DemoProposal {
  kind: 'STATEMENT' | 'DECISION'; title: string; body: string; createdDaysAgo: number; closesInDays: number;
  /** Votes by member position in the coalition (0 = founder). */
  votes: { member: number; choice: 'YES' | 'NO' | 'ABSTAIN'; comment?: string }[];
  settled?: 'PASSED' | 'REJECTED';
}
interface DemoGovernance { coalition: string; goals: DemoGoal[]; wins: DemoWin[]; proposals: DemoProposal[] }

const GOVERNANCE: DemoGovernance[] = [
  {
    coalition: DEMO_COALITIONS.beirut,
    goals: [
      {
        title: 'Legal representation for 200 domestic workers', description: 'Cases taken to the labour arbitration councils by the end of the year.',
        dueInDays: 150, createdDaysAgo: 110,
        milestones: [{ title: 'Shared intake form in five languages', done: true }, { title: 'Pro bono roster of 20 lawyers', done: true },
          { title: '100 cases filed', done: false, dueInDays: 40 }, { title: '200 cases filed', done: false, dueInDays: 150 }],
      },
      {
        title: 'Standard unified contract revised', description: 'The Ministry of Labour adopts the revised contract with the right to change employer.',
        dueInDays: 20, createdDaysAgo: 115,
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
        createdDaysAgo: 40, closesInDays: -33, votes: [{ member: 0, choice: 'YES' }, { member: 1, choice: 'YES' }, { member: 2, choice: 'YES' }, { member: 3, choice: 'ABSTAIN', comment: 'Fine by us; no budget to add.' }],
        settled: 'PASSED',
      },
      {
        kind: 'STATEMENT', title: 'Joint statement on International Domestic Workers Day',
        body: 'We call on the government to abolish the kafala system and to ratify ILO Convention 189.',
        createdDaysAgo: 2, closesInDays: 5, votes: [{ member: 1, choice: 'YES', comment: 'Let us also name the passport practice.' }],
      },
    ],
  },
  {
    coalition: DEMO_COALITIONS.bogota,
    goals: [{
      title: 'Early-warning network in three departments', description: 'Cauca, Antioquia and Chocó, with trained focal points.', dueInDays: 90, createdDaysAgo: 180,
      milestones: [{ title: 'Secure messaging set up for all focal points', done: true }, { title: 'Focal points trained in Cauca', done: true },
        { title: 'Focal points trained in Antioquia', done: false }, { title: 'Focal points trained in Chocó', done: false }],
    }],
    wins: [{ title: 'Two leaders relocated safely', description: 'Within 48 hours of the alert.', daysAgo: 30, evidenceUrl: null, public: false, goal: 0 }],
    proposals: [],
  },
];

const dateIn = (days: number) => `(current_date + ${Math.round(days)})`;

async function seedOne(query: Query, g: DemoGovernance, log: (msg: string) => void): Promise<boolean> {
  const [coalition] = await query('SELECT id FROM coalitions WHERE name = $1', [g.coalition]);
  if (!coalition) return false;
  if ((await query('SELECT 1 FROM coalition_goals WHERE coalition_id = $1', [coalition.id])).length) return false;
  const members = (await query(
    'SELECT organization_id AS id FROM coalition_members WHERE coalition_id = $1 AND left_at IS NULL ORDER BY joined_at, organization_id',
    [coalition.id],
  )).map((m) => m.id as string);
  const [charter] = await query('SELECT version, decision_rule AS rule, quorum FROM coalition_charters WHERE coalition_id = $1 ORDER BY version DESC LIMIT 1', [coalition.id]);
  const goalIds: string[] = [];
  for (const goal of g.goals) {
    const [row] = await query(
      `INSERT INTO coalition_goals (coalition_id, title, description, due_on, created_at)
       VALUES ($1, $2, $3, ${dateIn(goal.dueInDays)}, now() - make_interval(days => ${goal.createdDaysAgo})) RETURNING id`,
      [coalition.id, goal.title, goal.description],
    );
    goalIds.push(row.id as string);
    for (const [position, m] of goal.milestones.entries()) {
      await query(
        `INSERT INTO coalition_milestones (goal_id, title, due_on, done_at, position)
         VALUES ($1, $2, ${m.dueInDays === undefined ? 'NULL' : dateIn(m.dueInDays)}, ${m.done ? 'now() - interval \'3 days\'' : 'NULL'}, $3)`,
        [row.id, m.title, position],
      );
    }
  }
  for (const win of g.wins) {
    await query(
      `INSERT INTO coalition_wins (coalition_id, goal_id, title, description, achieved_on, evidence_url, public)
       VALUES ($1, $2, $3, $4, ${dateIn(-win.daysAgo)}, $5, $6)`,
      [coalition.id, win.goal === undefined ? null : goalIds[win.goal], win.title, win.description, win.evidenceUrl, win.public],
    );
  }
  for (const p of g.proposals) {
    const yes = p.votes.filter((v) => v.choice === 'YES').length;
    const no = p.votes.filter((v) => v.choice === 'NO').length;
    const tally = p.settled ? JSON.stringify({ yes, no, abstain: p.votes.length - yes - no, electorate: members.length }) : null;
    const [row] = await query(
      `INSERT INTO coalition_proposals (coalition_id, kind, title, body, proposed_by_organization_id, decision_rule, quorum, charter_version,
         electorate, closes_at, status, created_at, settled_at, tally)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::uuid[], now() + make_interval(days => ${p.closesInDays}), $10,
         now() - make_interval(days => ${p.createdDaysAgo}), ${p.settled ? `now() - make_interval(days => ${-p.closesInDays})` : 'NULL'}, $11::jsonb)
       RETURNING id`,
      [coalition.id, p.kind, p.title, p.body, members[0], charter.rule, charter.quorum, charter.version, members, p.settled ?? 'OPEN', tally],
    );
    for (const v of p.votes) {
      await query('INSERT INTO coalition_proposal_votes (proposal_id, organization_id, choice, comment) VALUES ($1, $2, $3, $4)',
        [row.id, members[v.member], v.choice, v.comment ?? '']);
    }
  }
  log(`demo governance: ${g.coalition}`);
  return true;
}

/** Seeds goals, wins and proposals of the demo coalitions. Returns how many coalitions got them. */
export async function seedDemoGovernance(ds: DataSource, log: (msg: string) => void = () => undefined): Promise<number> {
  return ds.transaction(async (manager) => {
    const query: Query = (sql, params) => manager.query(sql, params);
    let added = 0;
    for (const g of GOVERNANCE) if (await seedOne(query, g, log)) added++;
    return added;
  });
}
