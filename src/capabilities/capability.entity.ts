import {
  Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation,
} from 'typeorm';
import { CapabilityLevel } from '../core/enums.js';
import { SkillEntity } from '../taxonomy/taxonomy.entity.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';

@Index('capabilities_description_search_idx', { synchronize: false })
// (skill_id, level rank): the strongest providers of a skill first, for partner candidates (MatchProfiles migration).
@Index('capabilities_skill_level_idx', { synchronize: false })
@Index('capabilities_organization_skill_key', ['organizationId', 'skillId'], { unique: true })
@Entity('capabilities')
export class CapabilityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  @Index('capabilities_skill_id_idx')
  @Column('uuid')
  skillId: string;

  @ManyToOne(() => SkillEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id' })
  skill: Relation<SkillEntity>;

  @Column('varchar', { length: 16 })
  level: CapabilityLevel;

  /** How many partners or people it can serve at once; null when not stated. */
  @Column('int', { nullable: true })
  capacity: number | null;

  @Column('boolean', { default: false })
  remote: boolean;

  @Column('text', { default: '' })
  description: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
