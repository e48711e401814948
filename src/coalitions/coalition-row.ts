import type { Visibility } from '../core/enums.js';
import type { CoalitionStatus, DecisionRule } from './coalition.enums.js';

// The rows the coalition services read, and the column lists that produce them (alias c / ch).

export interface CoalitionRow {
  id: string;
  name: string;
  issueAreaId: string;
  scopeCountry: string | null;
  scopeRegion: string | null;
  scopeLatitude: number | null;
  scopeLongitude: number | null;
  scopeRadiusKm: number | null;
  requiredCategoryIds: string[];
  visibility: Visibility;
  createdByOrganizationId: string | null;
  status: CoalitionStatus;
  createdAt: Date;
}

export const COALITION_COLUMNS = `c.id, c.name, c.issue_area_id AS "issueAreaId", c.scope_country AS "scopeCountry",
  c.scope_region AS "scopeRegion", c.scope_latitude AS "scopeLatitude", c.scope_longitude AS "scopeLongitude",
  c.scope_radius_km AS "scopeRadiusKm", c.required_category_ids AS "requiredCategoryIds", c.visibility,
  c.created_by_organization_id AS "createdByOrganizationId", c.status, c.created_at AS "createdAt"`;

export interface CharterRow {
  coalitionId: string;
  version: number;
  purpose: string;
  decisionRule: DecisionRule;
  quorum: number;
  resourceSharing: string;
  nonNegotiables: string[];
  rotationPeriodDays: number | null;
  rotationOrder: string[];
  createdAt: Date;
}

export const CHARTER_COLUMNS = `ch.coalition_id AS "coalitionId", ch.version, ch.purpose, ch.decision_rule AS "decisionRule",
  ch.quorum, ch.resource_sharing AS "resourceSharing", ch.non_negotiables AS "nonNegotiables",
  ch.rotation_period_days AS "rotationPeriodDays", ch.rotation_order::text[] AS "rotationOrder", ch.created_at AS "createdAt"`;

/** A current member with what the privacy rule needs to decide how it is shown. */
export interface MemberRow {
  coalitionId: string;
  organizationId: string;
  role: string;
  memberVisibility: Visibility;
  organizationVisibility: Visibility;
  joinedAt: Date;
}

export const MEMBER_COLUMNS = `m.coalition_id AS "coalitionId", m.organization_id AS "organizationId", m.role,
  m.visibility AS "memberVisibility", o.visibility AS "organizationVisibility", m.joined_at AS "joinedAt"`;
