import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { IssueArea } from '../taxonomy/taxonomy.types.js';
import { ORGANIZATION_COLUMNS, type OrganizationRecord } from '../profiles/organization.record.js';
import { CHARTER_COLUMNS, MEMBER_COLUMNS, type CharterRow, type MemberRow } from './coalition-row.js';
import { COALITION_SIDE_STATUS_SQL, INVITATION_COLUMNS, type InvitationRow } from './coalition-invitation-row.js';
import { GOAL_COLUMNS, type GoalRow } from './goal-query.service.js';

// Per request, batched over every coalition of a page and never cached (a mutation earlier in the same document,
// an accept or a leave, must be seen by the next field).

export interface MemberWithEndorsement extends MemberRow {
  endorsedCurrentCharter: boolean;
}

export interface CharterWithCount extends CharterRow {
  endorsements: number;
}

/** One page of one coalition's invitations, newest first (status: the coalition side's, see COALITION_SIDE_STATUS_SQL). */
export interface InvitationPageKey {
  coalitionId: string;
  limit: number;
  offset: number;
  status: string | null;
}

export interface InvitationPage {
  /** Up to limit + 1 rows: the extra one only tells that a next page exists. */
  rows: InvitationRow[];
  total: number;
}

/**
 * The invitation pages of many coalitions in one statement per distinct page shape (in a list, every coalition asks
 * for the same one): each coalition's page and count, read through its index, side by side.
 */
async function invitationPages(db: DataSource, keys: readonly InvitationPageKey[]): Promise<InvitationPage[]> {
  const shapes = new Map<string, InvitationPageKey[]>();
  for (const key of keys) {
    const shape = JSON.stringify([key.limit, key.offset, key.status]);
    shapes.set(shape, [...(shapes.get(shape) ?? []), key]);
  }
  const pages = new Map<InvitationPageKey, InvitationPage>();
  await Promise.all([...shapes.values()].map(async (group) => {
    const { limit, offset, status } = group[0];
    const filter = `i.coalition_id = k.id AND ($2::text IS NULL OR ${COALITION_SIDE_STATUS_SQL} = $2)`;
    const rows: (InvitationRow & { forCoalition: string; total: number })[] = await db.query(
      `SELECT k.id AS "forCoalition", t.total, x.* FROM unnest($1::uuid[]) AS k(id)
       CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM coalition_invitations i WHERE ${filter}) t
       LEFT JOIN LATERAL (SELECT ${INVITATION_COLUMNS} FROM coalition_invitations i WHERE ${filter}
         ORDER BY i.created_at DESC, i.id LIMIT $4 OFFSET $3) x ON TRUE`,
      [group.map((k) => k.coalitionId), status, offset, limit + 1],
    );
    for (const key of group) {
      const mine = rows.filter((r) => r.forCoalition === key.coalitionId);
      pages.set(key, { rows: mine.filter((r) => r.id !== null), total: mine[0]?.total ?? 0 });
    }
  }));
  return keys.map((key) => pages.get(key)!);
}

export function createCoalitionLoaders(db: DataSource) {
  return {
    /** Pages of invitations sent by each coalition (the caller checked the viewer is an insider). */
    coalitionInvitationPages: new DataLoader<InvitationPageKey, InvitationPage, string>((keys) => invitationPages(db, keys), {
      cache: false, cacheKeyFn: (key) => JSON.stringify(key),
    }),

    /** Goals of each coalition by due date, with their milestones (members only: the caller checks). */
    coalitionGoals: new DataLoader<string, GoalRow[]>(async (ids) => {
      const rows: (GoalRow & { coalitionId: string })[] = await db.query(
        `SELECT g.coalition_id AS "coalitionId", ${GOAL_COLUMNS} FROM coalition_goals g WHERE g.coalition_id = ANY($1::uuid[])
         ORDER BY g.due_on ASC NULLS LAST, g.created_at, g.id`,
        [ids],
      );
      return ids.map((id) => rows.filter((r) => r.coalitionId === id));
    }, { cache: false }),

    /** Current members, longest-standing first, with their endorsement of the current charter. */
    coalitionMembers: new DataLoader<string, MemberWithEndorsement[]>(async (ids) => {
      const rows: (MemberWithEndorsement)[] = await db.query(
        `SELECT ${MEMBER_COLUMNS},
           EXISTS (SELECT 1 FROM coalition_charter_endorsements e WHERE e.coalition_id = m.coalition_id
             AND e.organization_id = m.organization_id
             AND e.version = (SELECT max(version) FROM coalition_charters WHERE coalition_id = m.coalition_id)) AS "endorsedCurrentCharter"
         FROM coalition_members m JOIN organizations o ON o.id = m.organization_id
         WHERE m.coalition_id = ANY($1::uuid[]) AND m.left_at IS NULL ORDER BY m.joined_at, m.organization_id`,
        [ids],
      );
      return ids.map((id) => rows.filter((r) => r.coalitionId === id));
    }, { cache: false }),

    /** Charter versions, newest first, with how many current members endorsed each. */
    coalitionCharters: new DataLoader<string, CharterWithCount[]>(async (ids) => {
      const rows: CharterWithCount[] = await db.query(
        `SELECT ${CHARTER_COLUMNS},
           (SELECT count(*)::int FROM coalition_charter_endorsements e JOIN coalition_members m
              ON m.coalition_id = e.coalition_id AND m.organization_id = e.organization_id AND m.left_at IS NULL
            WHERE e.coalition_id = ch.coalition_id AND e.version = ch.version) AS endorsements
         FROM coalition_charters ch WHERE ch.coalition_id = ANY($1::uuid[]) ORDER BY ch.version DESC`,
        [ids],
      );
      return ids.map((id) => rows.filter((r) => r.coalitionId === id));
    }, { cache: false }),

    coalitionIssueAreas: new DataLoader<string, IssueArea | null>(async (ids) => {
      const rows: IssueArea[] = await db.query('SELECT id, slug, name, description FROM issue_areas WHERE id = ANY($1::uuid[])', [ids]);
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),

    /**
     * Organization records with NO visibility filter: only for callers that decide, through
     * privacy/coalition-visibility.ts, which of them may be named (coalition-view.ts).
     */
    coalitionOrganizationRecords: new DataLoader<string, OrganizationRecord | null>(async (ids) => {
      const rows: OrganizationRecord[] = await db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [ids]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }, { cache: false }),
  };
}

// Added to the request's loaders (core/request-context.ts); api/loader-registry.ts creates them.
declare module '../core/request-context.js' {
  interface Loaders extends ReturnType<typeof createCoalitionLoaders> {}
}
