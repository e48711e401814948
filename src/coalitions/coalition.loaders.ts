import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { IssueArea } from '../taxonomy/taxonomy.types.js';
import { ORGANIZATION_COLUMNS, type OrganizationRecord } from '../profiles/organization.record.js';
import { CHARTER_COLUMNS, MEMBER_COLUMNS, type CharterRow, type MemberRow } from './coalition-row.js';

// Per request, batched over every coalition of a page and never cached (a mutation earlier in the same document,
// an accept or a leave, must be seen by the next field).

export interface MemberWithEndorsement extends MemberRow {
  endorsedCurrentCharter: boolean;
}

export interface CharterWithCount extends CharterRow {
  endorsements: number;
}

export function createCoalitionLoaders(db: DataSource) {
  return {
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
