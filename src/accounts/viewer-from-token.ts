import type { DataSource } from 'typeorm';
import type { MembershipRole } from '../core/enums.js';
import { hashToken, looksLikeToken } from './credentials.js';
import { Viewer } from '../core/viewer.js';

/**
 * Resolves an Authorization header to a viewer in one statement. No header: anonymous. A header whose token is
 * malformed, unknown, expired or revoked: null, which the transport answers with UNAUTHENTICATED rather than
 * silently treating the client as anonymous.
 */
export async function viewerFromAuthorization(db: DataSource, header: string | undefined): Promise<Viewer | null> {
  if (!header) return Viewer.anonymous;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match || !looksLikeToken(match[1])) return null;
  const rows: { userId: string; tokenId: string; isAdmin: boolean; memberships: [string, MembershipRole][] }[] =
    await db.query(
      `SELECT u.id AS "userId", t.id AS "tokenId", u.is_admin AS "isAdmin",
         coalesce((SELECT json_agg(json_build_array(m.organization_id, m.role)) FROM memberships m WHERE m.user_id = u.id),
           '[]'::json) AS memberships
       FROM access_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now()`,
      [hashToken(match[1])],
    );
  const row = rows[0];
  if (!row) return null;
  return new Viewer(row.userId, row.isAdmin, new Map(row.memberships), row.tokenId);
}

/**
 * The viewers of these access tokens as they stand now, by token id, in one statement; a token revoked, expired or
 * gone is absent. Live connections (subscriptions) re-check the viewer they authenticated with through this.
 */
export async function viewersByTokenIds(db: DataSource, tokenIds: readonly string[]): Promise<Map<string, Viewer>> {
  if (tokenIds.length === 0) return new Map();
  const rows: { tokenId: string; userId: string; isAdmin: boolean; memberships: [string, MembershipRole][] }[] = await db.query(
    `SELECT t.id AS "tokenId", u.id AS "userId", u.is_admin AS "isAdmin",
       coalesce((SELECT json_agg(json_build_array(m.organization_id, m.role)) FROM memberships m WHERE m.user_id = u.id),
         '[]'::json) AS memberships
     FROM access_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.id = ANY($1::uuid[]) AND t.revoked_at IS NULL AND t.expires_at > now()`,
    [[...new Set(tokenIds)]],
  );
  return new Map(rows.map((row) => [row.tokenId, new Viewer(row.userId, row.isAdmin, new Map(row.memberships), row.tokenId)]));
}
