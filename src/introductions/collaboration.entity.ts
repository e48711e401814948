import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation,
} from 'typeorm';
import { OrganizationEntity } from '../profiles/organization.entity.js';
import { CollaborationSource } from './introduction.enums.js';
import { IntroductionEntity } from './introduction.entity.js';

// One row per unordered pair, stored ordered (a < b) so the pair has one spelling and one unique key. The
// trust signal reads both columns with = ANY($1): the unique key serves a, its own index serves b.
@Index('collaborations_pair_key', ['organizationAId', 'organizationBId'], { unique: true })
@Index('collaborations_organization_b_id_idx', ['organizationBId'])
@Check('collaborations_pair_order_check', `"organization_a_id" < "organization_b_id"`)
@Check('collaborations_feedback_a_check', `"feedback_a" BETWEEN 1 AND 5`)
@Check('collaborations_feedback_b_check', `"feedback_b" BETWEEN 1 AND 5`)
@Entity('collaborations')
export class CollaborationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // Named explicitly: the snake-case strategy would spell organizationAId as organization_aid.
  @Column('uuid', { name: 'organization_a_id' })
  organizationAId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_a_id' })
  organizationA: Relation<OrganizationEntity>;

  @Column('uuid', { name: 'organization_b_id' })
  organizationBId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_b_id' })
  organizationB: Relation<OrganizationEntity>;

  @Column('varchar', { length: 16 })
  source: CollaborationSource;

  /** Indexed so deleting introductions (an organization's cascade) does not scan collaborations. */
  @Index('collaborations_introduction_id_idx')
  @Column('uuid', { nullable: true })
  introductionId: string | null;

  @ManyToOne(() => IntroductionEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'introduction_id' })
  introduction: Relation<IntroductionEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt: Date;

  /** Organization A's rating of the collaboration, 1..5; null until given. */
  @Column('smallint', { nullable: true })
  feedbackA: number | null;

  @Column('smallint', { nullable: true })
  feedbackB: number | null;
}
