import type { EntityManager } from 'typeorm';
import { recordEvent } from '../activity/event-log.js';
import { currentMemberIds } from './coalition-access.js';

// The events coalitions record for coalitionUpdated (coalition-live.ts), in the transaction of the change, and to
// whom each is addressed (the organizations whose members' subscriptions receive it):
//   INVITATION_RECEIVED  -> the invited organization, when the invitation is delivered to it (an undelivered one,
//                           e.g. a second invitation through the same anonymous card, reaches nobody)
//   INVITATION_ACCEPTED  -> the coalition's members (the new one included)
//   INVITATION_DECLINED  -> the invited organization only: the coalition is never told (it reads PENDING)
//   INVITATION_WITHDRAWN -> the coalition's members, and the invited organization if it was delivered to it (it
//                           may have seen it; it then learns only the id it had, nothing else)
//   PROPOSAL_OPENED / PROPOSAL_SETTLED -> the coalition's members (and the applicant of an ADMIT_MEMBER proposal)
// The event holds ids only; each subscriber's payload is re-read through the same rules as the queries, so even a
// misaddressed event shows nobody more than coalition(id), coalitionInvitationsReceived or proposal(id) would.

export const COALITION_EVENT = 'COALITION';

export type CoalitionChange =
  | 'INVITATION_RECEIVED' | 'INVITATION_ACCEPTED' | 'INVITATION_DECLINED' | 'INVITATION_WITHDRAWN'
  | 'PROPOSAL_OPENED' | 'PROPOSAL_SETTLED';

export interface CoalitionEventData extends Record<string, unknown> {
  change: CoalitionChange;
  coalitionId: string;
}

async function record(tx: EntityManager, change: CoalitionChange, subjectId: string, coalitionId: string, organizationIds: string[]): Promise<void> {
  const addressed = [...new Set(organizationIds)];
  if (addressed.length === 0) return;
  const data: CoalitionEventData = { change, coalitionId };
  await recordEvent(tx, { kind: COALITION_EVENT, subjectId, organizationIds: addressed, data });
}

export interface InvitationSides {
  id: string;
  coalitionId: string;
  organizationId: string;
  delivered: boolean;
}

/** In the invitation's transaction, after the change (so the members read are the ones after it). */
export async function recordInvitationEvent(
  tx: EntityManager, change: Extract<CoalitionChange, `INVITATION_${string}`>, invitation: InvitationSides,
): Promise<void> {
  const invitee = invitation.delivered ? [invitation.organizationId] : [];
  switch (change) {
    case 'INVITATION_RECEIVED':
    case 'INVITATION_DECLINED':
      return record(tx, change, invitation.id, invitation.coalitionId, invitee);
    case 'INVITATION_ACCEPTED':
      return record(tx, change, invitation.id, invitation.coalitionId, await currentMemberIds(tx, invitation.coalitionId));
    case 'INVITATION_WITHDRAWN':
      return record(tx, change, invitation.id, invitation.coalitionId, [...(await currentMemberIds(tx, invitation.coalitionId)), ...invitee]);
  }
}

/** In the proposal's transaction, after the change (an admission or removal it applied is reflected). */
export async function recordProposalEvent(
  tx: EntityManager, change: 'PROPOSAL_OPENED' | 'PROPOSAL_SETTLED',
  proposal: { id: string; coalitionId: string; kind: string; subjectOrganizationId: string | null },
): Promise<void> {
  const applicant = proposal.kind === 'ADMIT_MEMBER' && proposal.subjectOrganizationId ? [proposal.subjectOrganizationId] : [];
  return record(tx, change, proposal.id, proposal.coalitionId, [...(await currentMemberIds(tx, proposal.coalitionId)), ...applicant]);
}
