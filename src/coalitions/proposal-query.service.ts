import type { ConnectionShape, Page } from '../core/connection.js';
import { isUuid } from '../core/ids.js';
import { queryPage } from '../core/page-query.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import { canSeeProposal } from '../privacy/coalition-governance.js';
import { loadVisibleRecords } from '../profiles/visible-records.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { COALITION_COLUMNS, type CoalitionRow } from './coalition-row.js';
import { memberView } from './coalition-view.js';
import type { ProposalStatus } from './governance.enums.js';
import { settleDueProposals } from './proposal-settle.js';
import { PROPOSAL_COLUMNS, type ProposalRow } from './proposal-row.js';
import type { CoalitionProposal, ProposedCharter } from './proposal.types.js';

// Reads of proposals. Proposals past their deadline are settled first (settle-on-read, proposal-settle.ts), so
// what is read is the stored outcome, computed once.

function proposedCharter(row: ProposalRow): ProposedCharter | null {
  const d = row.charterDraft as (ProposedCharter & { rotationOrderIds?: string[] }) | null;
  if (!d) return null;
  return { purpose: d.purpose, decisionRule: d.decisionRule, quorum: d.quorum, resourceSharing: d.resourceSharing, nonNegotiables: d.nonNegotiables, rotationPeriodDays: d.rotationPeriodDays };
}

export function toProposal(row: ProposalRow, coalition: CoalitionRow, insider: boolean): CoalitionProposal {
  return {
    id: row.id, coalitionId: row.coalitionId, kind: row.kind, title: row.title, body: row.body, status: row.status,
    decisionRule: row.decisionRule, quorum: row.quorum, charterVersion: row.charterVersion, proposedCharter: proposedCharter(row),
    closesAt: row.closesAt, createdAt: row.createdAt, settledAt: row.settledAt, effect: row.effect, row, coalition, insider,
  };
}

/** A proposal the viewer may see (privacy/coalition-governance.ts), else null exactly as for a random id. */
export async function readProposal(ctx: RequestContext, id: string): Promise<CoalitionProposal | null> {
  if (!isUuid(id)) return null;
  const read = async () => (await ctx.db.query(`SELECT ${PROPOSAL_COLUMNS} FROM coalition_proposals p WHERE p.id = $1`, [id]))[0] as ProposalRow | undefined;
  let row = await read();
  if (!row) return null;
  if (row.status === 'OPEN' && new Date(row.closesAt).getTime() <= Date.now()) {
    await settleDueProposals(ctx.db, [row.coalitionId]);
    row = (await read())!;
  }
  const [coalition]: CoalitionRow[] = await ctx.db.query(`SELECT ${COALITION_COLUMNS} FROM coalitions c WHERE c.id = $1`, [row.coalitionId]);
  const view = await memberView(ctx, coalition);
  return canSeeProposal(ctx.viewer, view.insider, row) ? toProposal(row, coalition, view.insider) : null;
}

/** A coalition's proposals, newest first, for its members (the caller checks the viewer is an insider). */
export async function listProposals(ctx: RequestContext, coalition: CoalitionRow, status: ProposalStatus | null, page: Page): Promise<ConnectionShape<CoalitionProposal>> {
  await settleDueProposals(ctx.db, [coalition.id]);
  const params = new SqlParams();
  const where = [`p.coalition_id = ${params.add(coalition.id)}`];
  if (status) where.push(`p.status = ${params.add(status)}`);
  const query = { columns: PROPOSAL_COLUMNS, from: 'coalition_proposals p', where: where.join(' AND '), orderBy: 'p.created_at DESC, p.id DESC', params };
  return queryPage(ctx.db, query, page, (rows: ProposalRow[]) => rows.map((row) => toProposal(row, coalition, true)));
}

/**
 * Organizations named on a proposal (proposer, subject, voters, signatories): as the coalition's member
 * projection shows them, and former members or applicants by the acting visibility rule.
 */
export async function proposalOrganizations(ctx: RequestContext, p: CoalitionProposal, ids: (string | null)[]): Promise<Map<string, OrganizationRecord>> {
  const view = await memberView(ctx, p.coalition);
  const out = new Map<string, OrganizationRecord>();
  const others: string[] = [];
  for (const id of ids) {
    if (!id) continue;
    const participant = view.participant(id);
    if (participant) { if (participant.organization) out.set(id, participant.organization); } else others.push(id);
  }
  for (const [id, record] of await loadVisibleRecords(ctx, others)) out.set(id, record);
  return out;
}
