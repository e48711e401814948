import { registerEnumType } from 'type-graphql';

// Closed sets of the coalitions feature, stored as varchar like the other enums (see core/enums.ts).

export enum CoalitionStatus {
  FORMING = 'FORMING',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
registerEnumType(CoalitionStatus, {
  name: 'CoalitionStatus',
  description: 'FORMING until every member has endorsed the current charter (at least two members), then ACTIVE; '
    + 'CLOSED when the last member leaves.',
});

export enum CoalitionRole {
  FOUNDER = 'FOUNDER',
  MEMBER = 'MEMBER',
}
registerEnumType(CoalitionRole, { name: 'CoalitionRole', description: 'FOUNDER: the organization that created it. The coordinator is derived from the charter.' });

export enum DecisionRule {
  CONSENSUS = 'CONSENSUS',
  MAJORITY = 'MAJORITY',
  TWO_THIRDS = 'TWO_THIRDS',
  COORDINATOR_DECIDES = 'COORDINATOR_DECIDES',
}
registerEnumType(DecisionRule, {
  name: 'DecisionRule',
  description: 'How proposals are decided: no vote against (CONSENSUS), more than half (MAJORITY) or at least two '
    + 'thirds (TWO_THIRDS) of the votes cast in favour, or the current coordinator decides.',
});

/** As stored: a PENDING invitation past expires_at reads EXPIRED; DECLINED reads PENDING to the coalition. */
export enum CoalitionInvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}
registerEnumType(CoalitionInvitationStatus, {
  name: 'CoalitionInvitationStatus',
  description: 'The coalition sees PENDING until the invitation is accepted or expires (a decline reads PENDING, '
    + 'then EXPIRED); the invited organization sees its own answer. WITHDRAWN: the coalition took it back (the invited '
    + 'organization no longer sees it at all).',
});

/** How long an invitation waits for an answer. */
export const COALITION_INVITATION_TTL_DAYS = 30;
