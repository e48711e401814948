import { DecisionRule } from './coalition.enums.js';
import { ProposalStatus, VoteChoice } from './governance.enums.js';

// How a proposal is decided, as a pure function of its frozen rule and the votes: no database, no clock.
// - Quorum: at least ceil(quorum x electorate) votes cast (abstentions count), and at least one.
// - CONSENSUS: no vote against and at least one in favour. MAJORITY: more than half of the yes/no votes in favour.
//   TWO_THIRDS: at least two thirds of them. COORDINATOR_DECIDES: the coordinator's yes or no (quorum aside).
// - Before the deadline a proposal is decided as soon as its outcome can no longer change, whatever the remaining
//   voters do: the outcome is then the same with all of them voting yes, all no, all abstaining and none voting.
//   The rules are monotone in the yes and no counts, so those four cases bound every mix.

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  /** Voters who may still vote (electorate members still in the coalition). */
  electorate: number;
}

export interface DecisionInput {
  rule: DecisionRule;
  quorum: number;
  tally: Tally;
  /** COORDINATOR_DECIDES: the coordinator's vote so far (null: not yet, or no coordinator). */
  coordinatorVote: VoteChoice | null;
  /** Whether the coordinator is still to vote (one of the remaining voters). */
  coordinatorPending: boolean;
}

type Final = ProposalStatus.PASSED | ProposalStatus.REJECTED | ProposalStatus.NO_QUORUM;

/** The quorum in votes: never zero, never more than the electorate. */
export function votesNeeded(quorum: number, electorate: number): number {
  return Math.min(Math.max(1, Math.ceil(quorum * electorate - 1e-9)), Math.max(1, electorate));
}

/** The outcome if voting ended with exactly these votes. */
export function finalOutcome(input: DecisionInput): Final {
  const { yes, no, abstain, electorate } = input.tally;
  if (input.rule === DecisionRule.COORDINATOR_DECIDES) {
    if (input.coordinatorVote === VoteChoice.YES) return ProposalStatus.PASSED;
    if (input.coordinatorVote === VoteChoice.NO) return ProposalStatus.REJECTED;
    return ProposalStatus.NO_QUORUM;
  }
  if (yes + no + abstain < votesNeeded(input.quorum, electorate)) return ProposalStatus.NO_QUORUM;
  switch (input.rule) {
    case DecisionRule.CONSENSUS: return no === 0 && yes > 0 ? ProposalStatus.PASSED : ProposalStatus.REJECTED;
    case DecisionRule.MAJORITY: return 2 * yes > yes + no ? ProposalStatus.PASSED : ProposalStatus.REJECTED;
    default: return yes > 0 && 3 * yes >= 2 * (yes + no) ? ProposalStatus.PASSED : ProposalStatus.REJECTED;
  }
}

/** The outcome if it can no longer change (before the deadline), else null. */
export function decidedOutcome(input: DecisionInput): Final | null {
  const { tally } = input;
  const remaining = Math.max(0, tally.electorate - tally.yes - tally.no - tally.abstain);
  if (remaining === 0) return finalOutcome(input);
  const withRest = (choice: VoteChoice | null): Final => finalOutcome({
    ...input,
    tally: {
      ...tally,
      yes: tally.yes + (choice === VoteChoice.YES ? remaining : 0),
      no: tally.no + (choice === VoteChoice.NO ? remaining : 0),
      abstain: tally.abstain + (choice === VoteChoice.ABSTAIN ? remaining : 0),
    },
    coordinatorVote: input.coordinatorPending && choice ? choice : input.coordinatorVote,
  });
  const outcomes = new Set([withRest(null), withRest(VoteChoice.YES), withRest(VoteChoice.NO), withRest(VoteChoice.ABSTAIN)]);
  return outcomes.size === 1 ? [...outcomes][0] : null;
}
