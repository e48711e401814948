import type { AnonymousCard } from '../privacy/anonymous-card.js';
import type { CoalitionInvitationStatus } from './coalition.enums.js';

// A coalition invitation as SQL returns it (alias i), shared by the reads (coalition-invitation-query.service.ts) and
// the per-request batch of invitation pages (coalition.loaders.ts).

export interface InvitationRow {
  id: string;
  coalitionId: string;
  organizationId: string;
  invitedByOrganizationId: string | null;
  anonymous: boolean;
  anonymousCard: Omit<AnonymousCard, 'token'> | null;
  categoryId: string | null;
  message: string;
  status: CoalitionInvitationStatus;
  delivered: boolean;
  expired: boolean;
  createdAt: Date;
  expiresAt: Date;
}

export const INVITATION_COLUMNS = `i.id, i.coalition_id AS "coalitionId", i.organization_id AS "organizationId",
  i.invited_by_organization_id AS "invitedByOrganizationId", i.anonymous, i.anonymous_card AS "anonymousCard",
  i.category_id AS "categoryId", i.message, i.status, i.delivered, i.expires_at <= now() AS expired,
  i.created_at AS "createdAt", i.expires_at AS "expiresAt"`;

/** SQL twin of coalitionSideStatus (coalition-invitation-query.service.ts), for the status filter. */
export const COALITION_SIDE_STATUS_SQL = `CASE WHEN i.status IN ('PENDING', 'DECLINED') THEN
  CASE WHEN i.expires_at <= now() THEN 'EXPIRED' ELSE 'PENDING' END ELSE i.status END`;
