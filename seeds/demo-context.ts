import type { DataSource } from 'typeorm';
import type { MembershipRole } from '../src/core/enums.js';
import { createLogger } from '../src/core/logger.js';
import type { RequestContext } from '../src/core/request-context.js';
import { Viewer } from '../src/core/viewer.js';

// Demo data that goes through the services acts as a demo account, like a person using the API would: the viewer of
// that account with its memberships as they stand, in a request context of its own.

export async function demoViewer(ds: DataSource, email: string): Promise<Viewer> {
  const [user]: { id: string }[] = await ds.query('SELECT id FROM users WHERE email = $1', [email.toLowerCase()]);
  if (!user) throw new Error(`No demo account ${email}`);
  const roles: { organizationId: string; role: MembershipRole }[] = await ds.query(
    'SELECT organization_id AS "organizationId", role FROM memberships WHERE user_id = $1', [user.id]);
  return new Viewer(user.id, false, new Map(roles.map((r) => [r.organizationId, r.role])), null);
}

export function demoContext(ds: DataSource, viewer: Viewer): RequestContext {
  return { viewer, db: ds, requestId: 'demo-seed', log: createLogger('silent'), loaders: {} as RequestContext['loaders'] };
}

/** The context of a demo account, by email. */
export async function demoContextFor(ds: DataSource, email: string): Promise<RequestContext> {
  return demoContext(ds, await demoViewer(ds, email));
}
