import type { RequestContext } from '../core/request-context.js';
import { loadVisibleCoalition } from './coalition-access.js';
import { toCoalition } from './coalition-view.js';
import type { Coalition } from './coalition.types.js';

// Reads of coalitions. Hidden and missing answer alike (null), per privacy/coalition-visibility.ts.

export async function readCoalition(ctx: RequestContext, id: string): Promise<Coalition | null> {
  const row = await loadVisibleCoalition(ctx.db, ctx.viewer, id);
  return row ? toCoalition(row) : null;
}
