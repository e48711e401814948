import type { RequestContext } from '../core/request-context.js';
import { EFFECTIVE_STATUS_SQL } from './introduction-status.sql.js';
import { loadVisibleRecords } from '../profiles/visible-records.js';
import type { CollaborationSource, IntroductionStatus } from './introduction.enums.js';
import type { Collaboration, Introduction } from './introduction.types.js';

// Rows as SQL returns them, and how they become what a viewer may see.


export const INTRODUCTION_COLUMNS = `i.id, i.from_organization_id AS "fromOrganizationId",
  i.to_organization_id AS "toOrganizationId", i.message, i.reasons, ${EFFECTIVE_STATUS_SQL} AS status,
  i.created_at AS "createdAt", i.expires_at AS "expiresAt", i.responded_at AS "respondedAt", i.delivered`;

/**
 * Which introductions the members of an organization (SQL expression) see, alias `i`: all it sent, and those it
 * received that were delivered. An undelivered request (refused by the receiver's dealbreakers) exists only for
 * the requester.
 */
export function introductionsOfSql(org: string, direction: 'RECEIVED' | 'SENT' | null): string {
  const received = `(i.to_organization_id = ${org} AND i.delivered)`;
  const sent = `i.from_organization_id = ${org}`;
  return direction === 'RECEIVED' ? received : direction === 'SENT' ? sent : `(${received} OR ${sent})`;
}

export interface IntroductionRow {
  id: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  message: string;
  reasons: string[];
  status: IntroductionStatus;
  createdAt: Date;
  expiresAt: Date;
  respondedAt: Date | null;
  /** Internal: never shown (see introduction.entity.ts). */
  delivered: boolean;
}

export const COLLABORATION_COLUMNS = `c.id, c.organization_a_id AS "organizationAId", c.organization_b_id AS "organizationBId",
  c.source, c.started_at AS "startedAt", c.feedback_a AS "feedbackA", c.feedback_b AS "feedbackB"`;

export interface CollaborationRow {
  id: string;
  organizationAId: string;
  organizationBId: string;
  source: CollaborationSource;
  startedAt: Date;
  feedbackA: number | null;
  feedbackB: number | null;
}


export async function toIntroductions(ctx: RequestContext, rows: IntroductionRow[]): Promise<Introduction[]> {
  const orgs = await loadVisibleRecords(ctx, rows.flatMap((r) => [r.fromOrganizationId, r.toOrganizationId]));
  return rows.map((row) => ({
    id: row.id,
    fromOrganization: orgs.get(row.fromOrganizationId) ?? null,
    toOrganization: orgs.get(row.toOrganizationId) ?? null,
    message: row.message,
    reasons: row.reasons,
    status: row.status,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    respondedAt: row.respondedAt,
  }));
}

/** Collaborations as seen from `organizationId`, one of the two sides of every row. */
export async function toCollaborations(ctx: RequestContext, rows: CollaborationRow[], organizationId: string): Promise<Collaboration[]> {
  const isA = (row: CollaborationRow) => row.organizationAId === organizationId;
  const partnerId = (row: CollaborationRow) => (isA(row) ? row.organizationBId : row.organizationAId);
  const orgs = await loadVisibleRecords(ctx, rows.map(partnerId));
  return rows.map((row) => ({
    id: row.id,
    partner: orgs.get(partnerId(row)) ?? null,
    source: row.source,
    startedAt: row.startedAt,
    myRating: isA(row) ? row.feedbackA : row.feedbackB,
    partnerRated: (isA(row) ? row.feedbackB : row.feedbackA) !== null,
  }));
}
