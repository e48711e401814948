import type { Viewer } from '../core/viewer.js';

// Who may see a coalition's governance, decided here once. `insider`: the viewer acts for a current member
// (privacy/coalition-visibility.ts isCoalitionInsider). Admin rights never count: coalitions shelter organizations
// at risk, and their deliberations are their members' business.
// - Proposals, their tallies and who voted how: insiders only. The one exception is an application to join
//   (ADMIT_MEMBER), which the applying organization's people see, without the votes.
// - Goals and milestones: insiders only.
// - Wins: insiders see all; everyone who may see the coalition sees the ones its members made public. A win names
//   no member organization, so a public win cannot reveal an anonymous participant.
// Anyone else gets NOT_FOUND for a proposal, like a random id, and null lists (not empty ones) on the coalition.

export interface ProposalFacts {
  kind: string;
  subjectOrganizationId: string | null;
}

export function canSeeProposal(viewer: Viewer, insider: boolean, proposal: ProposalFacts): boolean {
  if (insider) return true;
  return proposal.kind === 'ADMIT_MEMBER' && proposal.subjectOrganizationId !== null && viewer.isMemberOf(proposal.subjectOrganizationId);
}

/** Tallies, votes (who voted how) and signatures. */
export function canSeeVotes(insider: boolean): boolean {
  return insider;
}

export function canSeeGoals(insider: boolean): boolean {
  return insider;
}

/** SQL on a coalition_wins row `alias`: the wins this viewer may read of a coalition it may see. */
export function visibleWinsSql(insider: boolean, alias = 'w'): string {
  return insider ? 'TRUE' : `${alias}.public`;
}
