import type { Viewer } from '../core/viewer.js';

/**
 * Viewers that every read rule treats alike share a key: signed in or not, admin or not, and the same memberships
 * with the same roles (what Viewer carries besides the user and token ids, which no read of offers or inbox items
 * consults). Per event, one read per key serves every subscriber holding it.
 */
export function viewerKey(viewer: Viewer): string {
  let key = keys.get(viewer);
  if (key === undefined) {
    const memberships = [...viewer.memberships].map(([org, role]) => `${org}:${role}`).sort().join(',');
    keys.set(viewer, (key = `${viewer.signedIn ? 1 : 0}${viewer.isAdmin ? 1 : 0}|${memberships}`));
  }
  return key;
}

/** A connection's viewer does not change (a changed membership closes the socket): its key is computed once. */
const keys = new WeakMap<Viewer, string>();
