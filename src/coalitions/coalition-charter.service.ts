import type { EntityManager } from 'typeorm';
import type { Viewer } from '../core/viewer.js';
import { isUuid } from '../core/ids.js';
import { UserInputError } from '../core/errors.js';
import { actingViewer } from '../privacy/acting-viewer.js';
import { currentCharter, type CoalitionActor } from './coalition-access.js';
import { refreshCoalitionStatus } from './coalition-membership.js';
import { DecisionRule } from './coalition.enums.js';
import type { CoalitionCharterInput } from './coalition.inputs.js';

// Charter versions. Version 1 is written by coalitionCreate; later versions only through a decision of the
// coalition (the GOVERNANCE proposals call charterAdopt when a charter change passes). Endorsing is per member
// organization and per version: the MOU "signed". The current version is the highest.

export interface CharterDraft {
  purpose: string;
  decisionRule: DecisionRule;
  quorum: number;
  resourceSharing: string;
  nonNegotiables: string[];
  rotationPeriodDays: number | null;
  rotationOrderIds: string[];
}

/**
 * A complete draft from an input (absent fields keep the base's values, or the defaults), checked: the rotation
 * order names organizations the viewer may see by name (an unknown or hidden one is NOT_FOUND alike, on `field`).
 * Members not (yet) in the coalition are skipped by the rotation until they join.
 */
export async function charterDraft(
  tx: EntityManager, viewer: Viewer, input: CoalitionCharterInput, field: string, base?: CharterDraft,
): Promise<CharterDraft> {
  const order = input.rotationOrderIds ?? base?.rotationOrderIds ?? [];
  const ids = order.filter(isUuid).map((id) => id.toLowerCase());
  const rows: { id: string; visibility: string }[] = ids.length
    ? await tx.query('SELECT id, visibility FROM organizations WHERE id = ANY($1::uuid[])', [ids])
    : [];
  const acting = actingViewer(viewer);
  const known = new Set(rows.filter((r) => acting.canName(r)).map((r) => r.id));
  const missing = order.findIndex((id) => !isUuid(id) || !known.has(id.toLowerCase()));
  if (missing >= 0) throw new UserInputError('NOT_FOUND', `${field}.rotationOrderIds[${missing}]`, 'No such organization');
  return {
    purpose: input.purpose.trim(),
    decisionRule: input.decisionRule ?? base?.decisionRule ?? DecisionRule.CONSENSUS,
    quorum: input.quorum ?? base?.quorum ?? 0.5,
    resourceSharing: (input.resourceSharing ?? base?.resourceSharing ?? '').trim(),
    nonNegotiables: (input.nonNegotiables ?? base?.nonNegotiables ?? []).map((s) => s.trim()).filter((s) => s.length > 0),
    rotationPeriodDays: input.rotationPeriodDays === undefined ? (base?.rotationPeriodDays ?? null) : input.rotationPeriodDays,
    rotationOrderIds: ids,
  };
}

async function insertCharter(tx: EntityManager, coalitionId: string, version: number, d: CharterDraft): Promise<void> {
  await tx.query(
    `INSERT INTO coalition_charters (coalition_id, version, purpose, decision_rule, quorum, resource_sharing, non_negotiables,
       rotation_period_days, rotation_order) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::uuid[])`,
    [coalitionId, version, d.purpose, d.decisionRule, d.quorum, d.resourceSharing, JSON.stringify(d.nonNegotiables),
      d.rotationPeriodDays, d.rotationOrderIds],
  );
}

/** Version 1, at creation (coalition-create.service.ts). */
export function charterCreate(tx: EntityManager, coalitionId: string, draft: CharterDraft): Promise<void> {
  return insertCharter(tx, coalitionId, 1, draft);
}

/**
 * Adopts a new version (a decision of the coalition: the caller holds the coalition row lock). Returns the new
 * version number. Endorsements are per version, so members endorse the new one afresh; the status does not go back
 * to FORMING.
 */
export async function charterAdopt(tx: EntityManager, coalitionId: string, draft: CharterDraft): Promise<number> {
  const current = await currentCharter(tx, coalitionId);
  const version = current.version + 1;
  await insertCharter(tx, coalitionId, version, draft);
  return version;
}

/** The current charter as a draft (a base for a change). */
export async function currentDraft(tx: EntityManager, coalitionId: string): Promise<CharterDraft> {
  const c = await currentCharter(tx, coalitionId);
  return {
    purpose: c.purpose, decisionRule: c.decisionRule, quorum: c.quorum, resourceSharing: c.resourceSharing,
    nonNegotiables: c.nonNegotiables, rotationPeriodDays: c.rotationPeriodDays, rotationOrderIds: c.rotationOrder,
  };
}

/** The acting member endorses `version`, which must still be the current one (else VERSION_CHANGED). */
export async function endorseCharter(tx: EntityManager, actor: CoalitionActor, version: number): Promise<void> {
  const current = await currentCharter(tx, actor.coalitionId);
  if (current.version !== version) {
    throw new UserInputError('VERSION_CHANGED', 'input.version', `The current charter is version ${current.version}: read it and endorse that one`);
  }
  await tx.query(
    `INSERT INTO coalition_charter_endorsements (coalition_id, version, organization_id, endorsed_by_user_id)
     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [actor.coalitionId, version, actor.organizationId, actor.viewer.userId],
  );
  await refreshCoalitionStatus(tx, actor.coalitionId);
}
