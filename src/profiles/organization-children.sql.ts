import { SKILL_JSON } from '../taxonomy/taxonomy.sql.js';

// Each child list of an organization is one correlated JSON sub-select. The same expression serves the
// DataLoaders (over unnest of the requested ids) and the list query (embedded, so a page of organizations with
// their capabilities, needs and issue areas is one round trip and no entity hydration).

export const capabilitiesJson = (orgId: string) => `(SELECT coalesce(json_agg(json_build_object(
    'id', c.id, 'level', c.level, 'capacity', c.capacity, 'remote', c.remote, 'description', c.description,
    'skill', ${SKILL_JSON}) ORDER BY cc.position, s.name), '[]'::json)
  FROM capabilities c JOIN skills s ON s.id = c.skill_id JOIN capability_categories cc ON cc.id = s.category_id
  WHERE c.organization_id = ${orgId})`;

export const needsJson = (orgId: string) => `(SELECT coalesce(json_agg(json_build_object(
    'id', n.id, 'priority', n.priority, 'status', n.status, 'remoteOk', n.remote_ok, 'description', n.description,
    'neededBy', n.needed_by, 'skill', ${SKILL_JSON},
    'urgentSince', CASE WHEN n.status = 'OPEN' AND n.priority IN ('HIGH', 'CRITICAL') THEN n.urgent_at END,
    'issueArea', CASE WHEN ia.id IS NULL THEN NULL ELSE json_build_object('id', ia.id, 'slug', ia.slug, 'name', ia.name,
      'description', ia.description) END)
    ORDER BY CASE n.priority WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END, s.name), '[]'::json)
  FROM needs n JOIN skills s ON s.id = n.skill_id JOIN capability_categories cc ON cc.id = s.category_id
  LEFT JOIN issue_areas ia ON ia.id = n.issue_area_id
  WHERE n.organization_id = ${orgId})`;

export const issueAreasJson = (orgId: string) => `(SELECT coalesce(json_agg(json_build_object(
    'id', ia.id, 'slug', ia.slug, 'name', ia.name, 'description', ia.description) ORDER BY ia.name), '[]'::json)
  FROM organization_issue_areas oia JOIN issue_areas ia ON ia.id = oia.issue_area_id
  WHERE oia.organization_id = ${orgId})`;

export type ChildList = 'capabilities' | 'needs' | 'issueAreas';

export const CHILD_JSON: Record<ChildList, (orgId: string) => string> = {
  capabilities: capabilitiesJson,
  needs: needsJson,
  issueAreas: issueAreasJson,
};
