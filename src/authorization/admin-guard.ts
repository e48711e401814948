import type { EntityManager } from 'typeorm';
import { ForbiddenError, UnauthenticatedError } from '../core/errors.js';
import type { Viewer } from '../core/viewer.js';

/**
 * Admin rights as they stand inside the write's transaction, not as read with the token at the start of the
 * request: the user row is read FOR SHARE, so a revocation that committed while this request waited is seen, and
 * one that comes later waits until this write is done.
 */
export async function requireAdmin(tx: EntityManager, viewer: Viewer, forbidden: string): Promise<void> {
  if (!viewer.userId) throw new UnauthenticatedError();
  const rows: { isAdmin: boolean }[] = await tx.query('SELECT is_admin AS "isAdmin" FROM users WHERE id = $1 FOR SHARE', [viewer.userId]);
  if (!rows[0]?.isAdmin) throw new ForbiddenError(forbidden);
}
