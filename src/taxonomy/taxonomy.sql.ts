import type { Skill } from './taxonomy.types.js';

/** Select list shaping a skill with its category from aliases s (skills) and cc (capability_categories). */
export const SKILL_JSON = `json_build_object('id', s.id, 'slug', s.slug, 'name', s.name,
  'category', json_build_object('id', cc.id, 'name', cc.name, 'description', cc.description))`;

export type SkillRow = Skill;
