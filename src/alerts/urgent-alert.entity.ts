import {
  Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { NeedEntity } from '../capabilities/need.entity.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';

// One row per need marked urgent: the subject of the urgentNeedAlert events and the count the daily limit reads
// (urgent_alerts_organization_created_idx), so the limit is a fact of the table, not of a process's memory.
@Index('urgent_alerts_organization_created_idx', ['organizationId', 'createdAt'])
@Entity('urgent_alerts')
export class UrgentAlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('urgent_alerts_need_id_idx')
  @Column('uuid')
  needId: string;

  @ManyToOne(() => NeedEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'need_id' })
  need: Relation<NeedEntity>;

  /** The needing organization (the need's, copied so the limit counts without a join). */
  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  @Column('uuid', { nullable: true })
  markedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'marked_by_user_id' })
  markedBy: Relation<UserEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The organizations an urgent alert was addressed to, chosen when the need was marked (urgent-alert-recipients.sql.ts). */
@Index('urgent_alert_recipients_organization_created_idx', ['organizationId', 'createdAt'])
@Entity('urgent_alert_recipients')
export class UrgentAlertRecipientEntity {
  @PrimaryColumn('uuid')
  alertId: string;

  @ManyToOne(() => UrgentAlertEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alert_id' })
  alert: Relation<UrgentAlertEntity>;

  @PrimaryColumn('uuid')
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  /** The alert's time, copied so a recipient's alerts are listed newest first from the index. */
  @Column('timestamptz')
  createdAt: Date;
}
