import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { currentCharter, currentMemberIds } from './coalition-access.js';
import { charterAdopt, type CharterDraft } from './coalition-charter.service.js';
import { deriveCoordinator } from './coalition-coordinator.js';
import { admitMember, removeMember } from './coalition-membership.js';
import { ProposalKind, ProposalStatus, VoteChoice } from './governance.enums.js';
import { decidedOutcome, finalOutcome, type Tally } from './proposal-outcome.js';
import { PROPOSAL_COLUMNS, type ProposalRow } from './proposal-row.js';
import { recordProposalEvent } from './coalition-events.js';
import { startPeriodicJob, type PeriodicJob } from '../core/periodic-job.js';

// The one place a proposal's outcome is computed and stored. Every caller holds the coalition row lock (taken
// before the proposal row, the order every governance writer uses), and settlement only touches an OPEN
// proposal, so the outcome is computed exactly once: a vote that commits first is counted, one that comes after
// finds the proposal settled (VOTING_CLOSED). Reads settle due proposals first (settle-on-read) and a sweep
// settles the ones nobody reads, so an admission or a charter change takes effect at its deadline.

/** The votes that count (electorate members still in the coalition) and how many may still vote. */
export async function countVotes(tx: Pick<EntityManager, 'query'>, p: ProposalRow): Promise<{ tally: Tally; byOrganization: Map<string, VoteChoice> }> {
  const rows: { organizationId: string; choice: VoteChoice; current: boolean }[] = await tx.query(
    `SELECT e.id AS "organizationId", v.choice,
       EXISTS (SELECT 1 FROM coalition_members m WHERE m.coalition_id = $2 AND m.organization_id = e.id AND m.left_at IS NULL) AS current
     FROM unnest($3::uuid[]) AS e(id)
     LEFT JOIN coalition_proposal_votes v ON v.proposal_id = $1 AND v.organization_id = e.id`,
    [p.id, p.coalitionId, p.electorate],
  );
  const current = rows.filter((r) => r.current);
  const count = (choice: VoteChoice) => current.filter((r) => r.choice === choice).length;
  return {
    tally: { yes: count(VoteChoice.YES), no: count(VoteChoice.NO), abstain: count(VoteChoice.ABSTAIN), electorate: current.length },
    byOrganization: new Map(current.filter((r) => r.choice).map((r) => [r.organizationId, r.choice])),
  };
}

/** The coordinator now, and its vote (COORDINATOR_DECIDES). */
async function coordinatorOf(tx: EntityManager, p: ProposalRow, votes: Map<string, VoteChoice>) {
  const [charter, members, founder] = await Promise.all([
    currentCharter(tx, p.coalitionId),
    currentMemberIds(tx, p.coalitionId),
    tx.query('SELECT created_by_organization_id AS id FROM coalitions WHERE id = $1', [p.coalitionId]) as Promise<{ id: string | null }[]>,
  ]);
  const turn = deriveCoordinator(charter, members, founder[0]?.id ?? null);
  const id = turn?.organizationId ?? null;
  return { vote: id ? votes.get(id) ?? null : null, pending: Boolean(id && p.electorate.includes(id) && !votes.has(id)) };
}

/**
 * Settles `p` (locked, OPEN) if its outcome is decided, or unconditionally when `deadline` (its time is up):
 * stores status, tally and what it did, and applies it. Returns the status it now has.
 */
export async function settleIfDecided(tx: EntityManager, p: ProposalRow, deadline: boolean): Promise<ProposalStatus> {
  const { tally, byOrganization } = await countVotes(tx, p);
  const coordinator = await coordinatorOf(tx, p, byOrganization);
  const input = { rule: p.decisionRule, quorum: p.quorum, tally, coordinatorVote: coordinator.vote, coordinatorPending: coordinator.pending };
  const outcome = deadline ? finalOutcome(input) : decidedOutcome(input);
  if (!outcome) return ProposalStatus.OPEN;
  const effect = outcome === ProposalStatus.PASSED ? await applyOutcome(tx, p, byOrganization) : null;
  await tx.query(
    `UPDATE coalition_proposals SET status = $2, tally = $3::jsonb, settled_at = clock_timestamp(), effect = $4 WHERE id = $1`,
    [p.id, outcome, JSON.stringify(tally), effect],
  );
  await recordProposalEvent(tx, 'PROPOSAL_SETTLED', p);
  return outcome;
}

/** What a passed proposal does (the coalition row is locked, as admitMember, removeMember and charterAdopt ask). */
async function applyOutcome(tx: EntityManager, p: ProposalRow, votes: Map<string, VoteChoice>): Promise<string | null> {
  switch (p.kind) {
    case ProposalKind.CHARTER_CHANGE: {
      const version = await charterAdopt(tx, p.coalitionId, p.charterDraft as unknown as CharterDraft);
      return `Charter version ${version} adopted`;
    }
    case ProposalKind.ADMIT_MEMBER:
      return (await admitMember(tx, p.coalitionId, p.subjectOrganizationId!)) ? 'Admitted as a member' : 'Already a member';
    case ProposalKind.REMOVE_MEMBER:
      return (await removeMember(tx, p.coalitionId, p.subjectOrganizationId!, true)) ? 'Removed from the coalition' : 'No longer a member';
    case ProposalKind.STATEMENT: {
      const signers = [...votes].filter(([, choice]) => choice === VoteChoice.YES).map(([id]) => id);
      await tx.query(
        `INSERT INTO coalition_statement_signatures (proposal_id, organization_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [p.id, signers],
      );
      return `Open for signatures; signed by the ${signers.length} member(s) who voted yes`;
    }
    default:
      return null;
  }
}

/** Locks the coalition row, then the proposal row (the governance lock order). Null when it does not exist. */
export async function lockProposal(tx: EntityManager, proposalId: string): Promise<ProposalRow | null> {
  const [ref]: { coalitionId: string }[] = await tx.query('SELECT coalition_id AS "coalitionId" FROM coalition_proposals WHERE id = $1', [proposalId]);
  if (!ref) return null;
  await tx.query('SELECT id FROM coalitions WHERE id = $1 FOR UPDATE', [ref.coalitionId]);
  const [row]: ProposalRow[] = await tx.query(`SELECT ${PROPOSAL_COLUMNS} FROM coalition_proposals p WHERE p.id = $1 FOR UPDATE`, [proposalId]);
  return row ?? null;
}

/** Settles the OPEN proposals past their deadline (of one coalition, or all): each in its own short transaction. */
export async function settleDueProposals(db: DataSource, coalitionIds?: readonly string[]): Promise<number> {
  const due: { id: string }[] = await db.query(
    `SELECT id FROM coalition_proposals WHERE status = 'OPEN' AND closes_at <= clock_timestamp()
       AND ($1::uuid[] IS NULL OR coalition_id = ANY($1::uuid[])) ORDER BY closes_at LIMIT 500`,
    [coalitionIds ? [...coalitionIds] : null],
  );
  let settled = 0;
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const p = await lockProposal(tx, id);
      if (!p || p.status !== ProposalStatus.OPEN) return;
      const [{ due: isDue }]: { due: boolean }[] = await tx.query('SELECT $1::timestamptz <= clock_timestamp() AS due', [p.closesAt]);
      if (!isDue) return;
      await settleIfDecided(tx, p, true);
      settled += 1;
    });
  }
  return settled;
}

export const PROPOSAL_SWEEP_INTERVAL_MS = 60_000;

/** Settles due proposals every intervalMs (core/periodic-job.ts). */
export function startProposalSweep(db: DataSource, log: Logger, intervalMs = PROPOSAL_SWEEP_INTERVAL_MS): PeriodicJob {
  return startPeriodicJob({
    intervalMs, log, pass: () => settleDueProposals(db), done: 'coalition proposals settled at their deadline', countAs: 'settled', name: 'proposal sweep',
  });
}
