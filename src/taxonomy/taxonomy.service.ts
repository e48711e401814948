import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../core/request-context.js';
import { requireAdmin } from '../authorization/admin-guard.js';
import { UserInputError } from '../core/errors.js';
import { SKILL_JSON } from './taxonomy.sql.js';
import type { IssueArea, IssueAreaCreateInput, Skill, SkillCreateInput, CapabilityCategory } from './taxonomy.types.js';

const TAXONOMY_ADMINS_ONLY = 'Only admins can change the taxonomy';

export function listCategories(ctx: RequestContext): Promise<CapabilityCategory[]> {
  return ctx.db.query('SELECT id, name, description FROM capability_categories ORDER BY position, name');
}

export async function listSkills(ctx: RequestContext, categoryId?: string): Promise<Skill[]> {
  const rows: { skill: Skill }[] = await ctx.db.query(
    `SELECT ${SKILL_JSON} AS skill FROM skills s JOIN capability_categories cc ON cc.id = s.category_id
     WHERE $1::varchar IS NULL OR s.category_id = $1 ORDER BY cc.position, s.name`,
    [categoryId ?? null],
  );
  return rows.map((row) => row.skill);
}

export function listIssueAreas(ctx: RequestContext): Promise<IssueArea[]> {
  return ctx.db.query('SELECT id, slug, name, description FROM issue_areas ORDER BY name');
}


export async function createSkill(ctx: RequestContext, tx: EntityManager, input: SkillCreateInput): Promise<Skill> {
  await requireAdmin(tx, ctx.viewer, TAXONOMY_ADMINS_ONLY);
  const categories = await tx.query('SELECT 1 FROM capability_categories WHERE id = $1', [input.categoryId]);
  if (!categories.length) throw new UserInputError('UNKNOWN_CATEGORY', 'input.categoryId', 'This category does not exist');
  const [{ id }] = await tx.query('INSERT INTO skills (slug, category_id, name) VALUES ($1, $2, $3) RETURNING id', [input.slug, input.categoryId, input.name.trim()]);
  const [{ skill }] = await tx.query(`SELECT ${SKILL_JSON} AS skill FROM skills s JOIN capability_categories cc ON cc.id = s.category_id WHERE s.id = $1`, [id]);
  return skill;
}

export async function createIssueArea(ctx: RequestContext, tx: EntityManager, input: IssueAreaCreateInput): Promise<IssueArea> {
  await requireAdmin(tx, ctx.viewer, TAXONOMY_ADMINS_ONLY);
  const [row] = await tx.query(
    'INSERT INTO issue_areas (slug, name, description) VALUES ($1, $2, $3) RETURNING id, slug, name, description',
    [input.slug, input.name.trim(), input.description?.trim() ?? ''],
  );
  return row;
}
