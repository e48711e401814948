import type { RequestContext } from '../core/request-context.js';
import { canNameCounterpart } from '../privacy/event-visibility.js';
import { AnonymousTokens, anonymousEngineView } from '../privacy/anonymous-card.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { ORGANIZATION_COLUMNS } from '../profiles/organization.record.js';
import { loadMatchOrgs, loadTaxonomy } from '../suggestions/engine-orgs.js';
import type { AnonymousOrganization } from '../profiles/anonymous-organization.types.js';
import { SKILL_JSON } from '../taxonomy/taxonomy.sql.js';
import type { Skill } from '../taxonomy/taxonomy.types.js';
import type { EventParty } from './event.types.js';

// Organizations and skills of an event as one response shows them, loaded in batches (one statement per kind,
// never per row). An organization the viewer may name is its record; a PRIVATE one it may not name is an anonymous
// card with a token that is new in every response (privacy/anonymous-card.ts); the rule is canNameCounterpart.

export class EventParties {
  private readonly tokens = new AnonymousTokens();

  private constructor(
    private readonly records: Map<string, OrganizationRecord>,
    private readonly cards: Map<string, AnonymousOrganization>,
  ) {}

  static async load(ctx: RequestContext, ids: readonly string[]): Promise<EventParties> {
    const unique = [...new Set(ids)];
    const rows: OrganizationRecord[] = unique.length
      ? await ctx.db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [unique])
      : [];
    const records = new Map<string, OrganizationRecord>();
    const hidden: string[] = [];
    for (const row of rows) {
      if (canNameCounterpart(ctx.viewer, row)) records.set(row.id, row);
      else hidden.push(row.id);
    }
    const parties = new EventParties(records, new Map());
    if (hidden.length) {
      const orgs = await loadMatchOrgs(ctx.db, hidden, await loadTaxonomy(ctx.db));
      for (const org of orgs) parties.cards.set(org.id, parties.tokens.card(anonymousEngineView(org)) as AnonymousOrganization);
    }
    return parties;
  }

  party(id: string): EventParty {
    return { organization: this.records.get(id) ?? null, anonymous: this.records.has(id) ? null : this.cards.get(id) ?? null };
  }

  named(id: string): boolean {
    return this.records.has(id);
  }

  record(id: string): OrganizationRecord | undefined {
    return this.records.get(id);
  }
}

/** Skills by id, with their categories, in one statement. */
export async function loadSkills(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, Skill>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows: { id: string; skill: Skill }[] = await ctx.db.query(
    `SELECT s.id, ${SKILL_JSON} AS skill FROM skills s JOIN capability_categories cc ON cc.id = s.category_id WHERE s.id = ANY($1::uuid[])`,
    [unique],
  );
  return new Map(rows.map((r) => [r.id, r.skill]));
}

export function skillList(skills: Map<string, Skill>, ids: readonly string[]): Skill[] {
  return ids.map((id) => skills.get(id)).filter((s): s is Skill => Boolean(s)).sort((a, b) => a.name.localeCompare(b.name));
}
