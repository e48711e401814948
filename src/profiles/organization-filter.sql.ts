import { onlyUuids } from '../core/ids.js';
import type { SqlParams } from '../core/sql-params.js';

// Conditions on an organization (alias `o`) by what it lists, shared by the organizations list and the partner
// candidates. Each is an EXISTS probe on one child table, so the planner can use that table's index.

/** Works on one of these issue areas. */
export function worksOnIssueAreasSql(params: SqlParams, issueAreaIds: readonly string[]): string {
  return `EXISTS (SELECT 1 FROM organization_issue_areas f WHERE f.organization_id = o.id
      AND f.issue_area_id = ANY(${params.add(onlyUuids(issueAreaIds))}::uuid[]))`;
}

/** Offers one of these skills (as a capability). */
export function offersSkillsSql(params: SqlParams, skillIds: readonly string[]): string {
  return `EXISTS (SELECT 1 FROM capabilities f WHERE f.organization_id = o.id
      AND f.skill_id = ANY(${params.add(onlyUuids(skillIds))}::uuid[]))`;
}

/** Offers a skill of one of these categories. */
export function offersCategoriesSql(params: SqlParams, categoryIds: readonly string[]): string {
  return `EXISTS (SELECT 1 FROM capabilities f JOIN skills fs ON fs.id = f.skill_id WHERE f.organization_id = o.id
      AND fs.category_id = ANY(${params.add(categoryIds)}::varchar[]))`;
}

/** Has an open need for one of these skills. */
export function needsSkillsSql(params: SqlParams, skillIds: readonly string[]): string {
  return `EXISTS (SELECT 1 FROM needs f WHERE f.organization_id = o.id AND f.status = 'OPEN'
      AND f.skill_id = ANY(${params.add(onlyUuids(skillIds))}::uuid[]))`;
}
