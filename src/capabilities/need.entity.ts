import {
  Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation,
} from 'typeorm';
import { NeedPriority, NeedStatus } from '../core/enums.js';
import { IssueAreaEntity, SkillEntity } from '../taxonomy/taxonomy.entity.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';

@Entity('needs')
export class NeedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('needs_organization_id_idx')
  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  @Index('needs_skill_id_idx')
  @Column('uuid')
  skillId: string;

  @ManyToOne(() => SkillEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id' })
  skill: Relation<SkillEntity>;

  @Column('varchar', { length: 16 })
  priority: NeedPriority;

  @Column('uuid', { nullable: true })
  issueAreaId: string | null;

  @ManyToOne(() => IssueAreaEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'issue_area_id' })
  issueArea: Relation<IssueAreaEntity> | null;

  @Column('date', { nullable: true })
  neededBy: string | null;

  @Column('varchar', { length: 16, default: NeedStatus.OPEN })
  status: NeedStatus;

  @Column('boolean', { default: true })
  remoteOk: boolean;

  @Column('text', { default: '' })
  description: string;

  /** When it was marked urgent (alerts/urgent-alert.service.ts); urgent while also OPEN and HIGH or CRITICAL. */
  @Column('timestamptz', { nullable: true })
  urgentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
