import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { COUNTS_SQL } from './vouch-view.js';

/**
 * Vouches that count toward each organization's badge, batched per request. Derived on every read from the rows
 * (never stored), so a withdrawal or a voucher losing its verification changes the badge at once, with no
 * counter to race on. The count itself never leaves the server: only whether it reaches the threshold.
 */
export function createVouchLoaders(db: DataSource) {
  return {
    countingVouchesByOrganization: new DataLoader<string, number>(async (ids) => {
      const rows: { id: string; n: number }[] = await db.query(
        `SELECT u.id, (SELECT count(*)::int FROM vouches v JOIN organizations vo ON vo.id = v.voucher_organization_id
                       WHERE v.vouchee_organization_id = u.id AND ${COUNTS_SQL}) AS n
         FROM unnest($1::uuid[]) AS u(id)`,
        [ids],
      );
      const byId = new Map(rows.map((row) => [row.id, row.n]));
      return ids.map((id) => byId.get(id) ?? 0);
    }),
  };
}

export type VouchLoaders = ReturnType<typeof createVouchLoaders>;

// Added to the request's loaders (core/request-context.ts); api/loader-registry.ts creates them.
declare module '../core/request-context.js' {
  interface Loaders extends VouchLoaders {}
}
