import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { ORGANIZATION_COLUMNS, type OrganizationRecord } from '../profiles/organization.record.js';
import { SKILL_JSON } from '../taxonomy/taxonomy.sql.js';
import type { IssueArea, Skill } from '../taxonomy/taxonomy.types.js';

// What an offer's field resolvers read, batched per request: a page of offers with their organization, skill and
// issue areas is a constant number of statements, whatever its size. The loaders fetch by id without judging
// who may see what: the offer's projection (offer-view.ts) has already decided whether its organization is named.

export function createOfferLoaders(db: DataSource) {
  return {
    offerOrganizations: new DataLoader<string, OrganizationRecord | null>(async (ids) => {
      const rows: OrganizationRecord[] = await db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [ids]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    offerSkills: new DataLoader<string, Skill | null>(async (ids) => {
      const rows: { skill: Skill }[] = await db.query(
        `SELECT ${SKILL_JSON} AS skill FROM skills s JOIN capability_categories cc ON cc.id = s.category_id WHERE s.id = ANY($1::uuid[])`,
        [ids],
      );
      const byId = new Map(rows.map((row) => [row.skill.id, row.skill]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    offerIssueAreas: new DataLoader<string, IssueArea[]>(async (offerIds) => {
      const rows: { offerId: string; area: IssueArea }[] = await db.query(
        `SELECT fa.offer_id AS "offerId", json_build_object('id', ia.id, 'slug', ia.slug, 'name', ia.name, 'description', ia.description) AS area
         FROM offer_issue_areas fa JOIN issue_areas ia ON ia.id = fa.issue_area_id
         WHERE fa.offer_id = ANY($1::uuid[]) ORDER BY ia.name`,
        [offerIds],
      );
      const byOffer = new Map<string, IssueArea[]>();
      for (const row of rows) {
        let list = byOffer.get(row.offerId);
        if (!list) byOffer.set(row.offerId, (list = []));
        list.push(row.area);
      }
      return offerIds.map((id) => byOffer.get(id) ?? []);
    }),
  };
}

export type OfferLoaders = ReturnType<typeof createOfferLoaders>;

// Added to the request's loaders (core/request-context.ts); api/loader-registry.ts creates them.
declare module '../core/request-context.js' {
  interface Loaders extends OfferLoaders {}
}
