import type { ConnectionShape, Page } from '../core/connection.js';
import type { NeedPriority, NeedStatus } from '../core/enums.js';
import { isUuid } from '../core/ids.js';
import { queryPage } from '../core/page-query.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import { requireMembership } from '../authorization/organization-guard.js';
import { actingViewer } from '../privacy/acting-viewer.js';
import { shownPosition } from '../privacy/alert-audience.js';
import { AnonymousTokens, anonymousEngineView, type CardSource } from '../privacy/anonymous-card.js';
import type { Precision } from '../privacy/location-rules.js';
import { ORGANIZATION_COLUMNS, type OrganizationRecord } from '../profiles/organization.record.js';
import type { AnonymousOrganization } from '../profiles/anonymous-organization.types.js';
import { SKILL_JSON } from '../taxonomy/taxonomy.sql.js';
import type { IssueArea, Skill } from '../taxonomy/taxonomy.types.js';
import { urgentAlertReasons, type RecipientCapability } from './urgent-alert-reasons.js';
import type { UrgentNeedAlert } from './urgent-alert.types.js';

// Reads of urgent alerts, for members of a recipient organization: the list (urgentNeedAlerts) and one alert (what
// urgentNeedAlert pushes). Both are one SQL shape, so a pushed alert is exactly the list's row for that reader.
// The needing organization goes through the acting rules (privacy/acting-viewer.ts): named when the reader may
// name it, an anonymous card when it is a PRIVATE organization that opted in, and otherwise the alert is absent
// (an organization that turned PRIVATE without the opt-in after marking disappears from every alert).

interface AlertRow {
  id: string;
  createdAt: Date;
  recipientOrganizationId: string;
  named: boolean;
  skill: Skill;
  priority: NeedPriority;
  status: NeedStatus;
  neededBy: string | null;
  remoteOk: boolean;
  description: string;
  issueArea: IssueArea | null;
  orgId: string;
  orgKind: string;
  orgCountry: string | null;
  orgRegion: string | null;
  orgPrecision: Precision;
  orgPublicLatitude: number | null;
  orgPublicLongitude: number | null;
  recipientCountry: string | null;
  recipientPrecision: Precision;
  recipientPublicLatitude: number | null;
  recipientPublicLongitude: number | null;
  capability: RecipientCapability | null;
  cardCapabilities: CardSource['capabilities'] | null;
}

const LEVEL_RANK = `CASE c.level WHEN 'EXPERT' THEN 0 WHEN 'PROFICIENT' THEN 1 ELSE 2 END`;

function alertQuery(ctx: RequestContext, params: SqlParams, where: string) {
  const acting = actingViewer(ctx.viewer);
  const named = acting.namedSql(params, 'o');
  return {
    columns: `a.id, a.created_at AS "createdAt", r.organization_id AS "recipientOrganizationId", ${named} AS named,
      ${SKILL_JSON} AS skill, n.priority, n.status, n.needed_by AS "neededBy", n.remote_ok AS "remoteOk", n.description,
      CASE WHEN ia.id IS NULL THEN NULL ELSE json_build_object('id', ia.id, 'slug', ia.slug, 'name', ia.name, 'description', ia.description) END AS "issueArea",
      o.id AS "orgId", o.kind AS "orgKind", o.country AS "orgCountry", o.region AS "orgRegion",
      o.location_precision AS "orgPrecision", o.public_latitude AS "orgPublicLatitude", o.public_longitude AS "orgPublicLongitude",
      rp.country AS "recipientCountry", rp.location_precision AS "recipientPrecision",
      rp.public_latitude AS "recipientPublicLatitude", rp.public_longitude AS "recipientPublicLongitude",
      (SELECT json_build_object('skillName', cs.name, 'categoryName', ccs.name, 'level', c.level, 'remote', c.remote, 'exact', c.skill_id = n.skill_id)
        FROM capabilities c JOIN skills cs ON cs.id = c.skill_id JOIN capability_categories ccs ON ccs.id = cs.category_id
        WHERE c.organization_id = r.organization_id AND (c.skill_id = n.skill_id OR cs.category_id = s.category_id)
        ORDER BY c.skill_id = n.skill_id DESC, (c.remote AND n.remote_ok) DESC, ${LEVEL_RANK}, cs.name LIMIT 1) AS capability,
      CASE WHEN ${named} THEN NULL ELSE (SELECT coalesce(json_agg(json_build_object('categoryId', cs.category_id, 'categoryName', ccs.name,
          'skillName', cs.name, 'level', c.level, 'remote', c.remote, 'capacity', NULL)), '[]'::json)
        FROM capabilities c JOIN skills cs ON cs.id = c.skill_id JOIN capability_categories ccs ON ccs.id = cs.category_id
        WHERE c.organization_id = o.id) END AS "cardCapabilities"`,
    from: `urgent_alert_recipients r
      JOIN urgent_alerts a ON a.id = r.alert_id
      JOIN needs n ON n.id = a.need_id
      JOIN skills s ON s.id = n.skill_id JOIN capability_categories cc ON cc.id = s.category_id
      LEFT JOIN issue_areas ia ON ia.id = n.issue_area_id
      JOIN organizations o ON o.id = a.organization_id
      JOIN organizations rp ON rp.id = r.organization_id`,
    // The same `named` text (and parameters) as the column, so the count query (where only) binds every parameter.
    where: `${where} AND (${named} OR ${acting.anonymousSql(params, 'o')})`,
    orderBy: 'r.created_at DESC, r.alert_id',
    params,
  };
}

/** The anonymous card of a needing organization: the same card anonymous suggestions show (privacy/anonymous-card.ts). */
function cardOf(row: AlertRow, tokens: AnonymousTokens): AnonymousOrganization {
  const source: CardSource = {
    id: row.orgId, name: '', kind: row.orgKind, country: row.orgCountry ? row.orgCountry.trim() : null, region: row.orgRegion,
    precision: row.orgPrecision, location: null, issueAreaIds: [], languages: [], needs: [],
    capabilities: row.cardCapabilities ?? [], pendingRequests: 0, verified: false,
  };
  return tokens.card(anonymousEngineView(source)) as AnonymousOrganization;
}

async function toAlerts(ctx: RequestContext, rows: AlertRow[]): Promise<UrgentNeedAlert[]> {
  const namedIds = [...new Set(rows.filter((r) => r.named).map((r) => r.orgId))];
  const records: OrganizationRecord[] = namedIds.length
    ? await ctx.db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [namedIds])
    : [];
  const byId = new Map(records.map((r) => [r.id, r]));
  const tokens = new AnonymousTokens();
  return rows.map((row) => {
    const figures = urgentAlertReasons({
      skillName: row.skill.name, priority: row.priority, remoteOk: row.remoteOk, capability: row.capability,
      needing: {
        position: shownPosition({ locationPrecision: row.orgPrecision, publicLatitude: row.orgPublicLatitude, publicLongitude: row.orgPublicLongitude }, row.named),
        country: row.orgCountry ? row.orgCountry.trim() : null,
      },
      recipient: {
        position: shownPosition({ locationPrecision: row.recipientPrecision, publicLatitude: row.recipientPublicLatitude, publicLongitude: row.recipientPublicLongitude }, true),
        country: row.recipientCountry ? row.recipientCountry.trim() : null,
      },
    });
    return {
      id: row.id,
      createdAt: row.createdAt,
      recipientOrganizationId: row.recipientOrganizationId,
      need: {
        skill: row.skill, priority: row.priority, status: row.status, neededBy: row.neededBy, remoteOk: row.remoteOk,
        description: row.named ? row.description : null,
        issueArea: row.named ? row.issueArea : null,
      },
      organization: row.named ? byId.get(row.orgId) ?? null : null,
      anonymousOrganization: row.named ? null : cardOf(row, tokens),
      ...figures,
    };
  });
}

const MEMBERS_ONLY = 'Only members of the organization can read its urgent alerts';

/** The urgent alerts addressed to an organization, newest first (members only). */
export async function listUrgentAlerts(ctx: RequestContext, organizationId: string, page: Page): Promise<ConnectionShape<UrgentNeedAlert>> {
  const id = await requireMembership(ctx.db, ctx.viewer, organizationId, MEMBERS_ONLY);
  const params = new SqlParams();
  const query = alertQuery(ctx, params, `r.organization_id = ${params.add(id)}`);
  return queryPage(ctx.db, query, page, (rows: AlertRow[]) => toAlerts(ctx, rows));
}

/**
 * One alert addressed to one of the viewer's organizations, as the list would show it to this viewer; null when it
 * is not addressed there, the viewer is no longer a member, or the needing organization may not be seen at all.
 */
export async function loadUrgentAlert(ctx: RequestContext, alertId: string, organizationId: string): Promise<UrgentNeedAlert | null> {
  if (!isUuid(alertId) || !isUuid(organizationId) || !ctx.viewer.isMemberOf(organizationId)) return null;
  const params = new SqlParams();
  const query = alertQuery(ctx, params, `r.alert_id = ${params.add(alertId)} AND r.organization_id = ${params.add(organizationId)}`);
  const rows: AlertRow[] = await ctx.db.query(`SELECT ${query.columns} FROM ${query.from} WHERE ${query.where}`, params.values);
  return (await toAlerts(ctx, rows))[0] ?? null;
}
