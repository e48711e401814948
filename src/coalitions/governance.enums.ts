import { registerEnumType } from 'type-graphql';

// Closed sets of coalition governance (proposals, votes, goals), stored as varchar like the other enums.

export enum ProposalKind {
  CHARTER_CHANGE = 'CHARTER_CHANGE',
  ADMIT_MEMBER = 'ADMIT_MEMBER',
  REMOVE_MEMBER = 'REMOVE_MEMBER',
  STATEMENT = 'STATEMENT',
  DECISION = 'DECISION',
}
registerEnumType(ProposalKind, {
  name: 'ProposalKind',
  description: 'CHARTER_CHANGE adopts a new charter version when it passes; ADMIT_MEMBER is an organization asking to join '
    + '(it becomes a member when it passes); REMOVE_MEMBER ends a membership; STATEMENT opens a statement for signatures '
    + '(those who voted yes sign it); DECISION is a free-text decision.',
});

export enum ProposalStatus {
  OPEN = 'OPEN',
  PASSED = 'PASSED',
  REJECTED = 'REJECTED',
  NO_QUORUM = 'NO_QUORUM',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'OPEN until decided (the outcome can no longer change) or the deadline; then PASSED, REJECTED or NO_QUORUM '
    + '(too few votes, or no decision of the coordinator under COORDINATOR_DECIDES). WITHDRAWN by its proposer.',
});

export enum VoteChoice {
  YES = 'YES',
  NO = 'NO',
  ABSTAIN = 'ABSTAIN',
}
registerEnumType(VoteChoice, { name: 'VoteChoice', description: 'ABSTAIN counts toward the quorum, not toward the share in favour.' });

export enum GoalStatus {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  DONE = 'DONE',
  DROPPED = 'DROPPED',
}
registerEnumType(GoalStatus, {
  name: 'GoalStatus',
  description: 'Derived: DONE when every milestone is done (or marked done), DROPPED when dropped, AT_RISK when past due '
    + 'or when progress lags the time elapsed by more than a quarter, else ON_TRACK.',
});

/** Deadlines a proposal may have: at least this far ahead, at most MAX days. */
export const PROPOSAL_MIN_MINUTES = 1;
export const PROPOSAL_MAX_DAYS = 90;
export const PROPOSAL_DEFAULT_DAYS = 7;
