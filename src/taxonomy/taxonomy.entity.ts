import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';

/** A capability category such as FUNDRAISING; its id is the stable code partners use. */
@Entity('capability_categories')
export class CapabilityCategoryEntity {
  @PrimaryColumn('varchar', { length: 40 })
  id: string;

  @Column('varchar', { length: 120 })
  name: string;

  @Column('text', { default: '' })
  description: string;

  @Column('int', { default: 0 })
  position: number;
}

@Entity('skills')
export class SkillEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('skills_slug_key', { unique: true })
  @Column('varchar', { length: 80 })
  slug: string;

  @Index('skills_category_id_idx')
  @Column('varchar', { length: 40 })
  categoryId: string;

  @ManyToOne(() => CapabilityCategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category: Relation<CapabilityCategoryEntity>;

  @Column('varchar', { length: 120 })
  name: string;

  @Column('text', { default: '' })
  description: string;

  /**
   * A small number of its own, given in creation order: the partner pre-score reads a skill's level from an
   * array indexed by it (suggestions/match-keys.entity.ts). Skills are never deleted, so numbers never move.
   */
  @Index('skills_ordinal_key', { unique: true })
  @Column('int')
  @Generated('increment')
  ordinal: number;
}

@Entity('issue_areas')
export class IssueAreaEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('issue_areas_slug_key', { unique: true })
  @Column('varchar', { length: 80 })
  slug: string;

  @Column('varchar', { length: 120 })
  name: string;

  @Column('text', { default: '' })
  description: string;
}
