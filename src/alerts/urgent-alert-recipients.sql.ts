import type { SqlParams } from '../core/sql-params.js';
import { positionWithinSql } from '../privacy/location.sql.js';
import type { ShownPosition } from '../privacy/alert-audience.js';
import { URGENT_ALERT_RADIUS_KM } from './urgent-alert.rules.js';

export interface UrgentNeedFacts {
  organizationId: string;
  skillId: string;
  categoryId: string;
  remoteOk: boolean;
}

/**
 * The organizations (alias `o`) an urgent need is addressed to: every other organization with a capability in the
 * need's skill or its category that either offers it remotely (when the need accepts remote help) or sits, by its
 * public position, within URGENT_ALERT_RADIUS_KM of `position`: the needing organization's position as the
 * recipients may see it (privacy/alert-audience.ts shownPosition), null when it shows none (then only remote help
 * qualifies). Which organizations may see the needing one at all is the caller's choice of whether to call this.
 */
export function urgentRecipientsSql(params: SqlParams, need: UrgentNeedFacts, position: ShownPosition | null): string {
  const near = position
    ? positionWithinSql(params, position.latitude, position.longitude, URGENT_ALERT_RADIUS_KM).condition
    : 'FALSE';
  const remote = need.remoteOk ? 'c.remote' : 'FALSE';
  return `SELECT o.id FROM organizations o
    WHERE o.id <> ${params.add(need.organizationId)}
      AND EXISTS (SELECT 1 FROM capabilities c JOIN skills cs ON cs.id = c.skill_id
        WHERE c.organization_id = o.id
          AND (c.skill_id = ${params.add(need.skillId)} OR cs.category_id = ${params.add(need.categoryId)})
          AND (${remote} OR (${near})))`;
}
