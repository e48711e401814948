import type { DecisionRule } from './coalition.enums.js';
import type { ProposalKind, ProposalStatus } from './governance.enums.js';
import type { Tally } from './proposal-outcome.js';

// A proposal as SQL returns it (alias p).

export interface ProposalRow {
  id: string;
  coalitionId: string;
  kind: ProposalKind;
  title: string;
  body: string;
  proposedByOrganizationId: string | null;
  subjectOrganizationId: string | null;
  charterDraft: Record<string, unknown> | null;
  decisionRule: DecisionRule;
  quorum: number;
  charterVersion: number;
  electorate: string[];
  closesAt: Date;
  status: ProposalStatus;
  createdAt: Date;
  settledAt: Date | null;
  tally: Tally | null;
  effect: string | null;
}

export const PROPOSAL_COLUMNS = `p.id, p.coalition_id AS "coalitionId", p.kind, p.title, p.body,
  p.proposed_by_organization_id AS "proposedByOrganizationId", p.subject_organization_id AS "subjectOrganizationId",
  p.charter_draft AS "charterDraft", p.decision_rule AS "decisionRule", p.quorum, p.charter_version AS "charterVersion",
  p.electorate::text[] AS electorate, p.closes_at AS "closesAt", p.status, p.created_at AS "createdAt",
  p.settled_at AS "settledAt", p.tally, p.effect`;
