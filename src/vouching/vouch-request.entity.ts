import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';
import { VouchEntity } from './vouch.entity.js';

// A group asking one verified organization for a vouch. While it is PENDING, or VOUCHED with the vouch standing, it
// reveals the group's vouch card to the asked organization's members (privacy/vouch-request-grant.ts); a decline or
// a withdrawal ends that. Rows stay (the group keeps its history, the decline cool-down reads them).
// At most one pending request per (group, voucher): the backstop of ALREADY_REQUESTED.
@Index('vouch_requests_pending_pair_key', ['organizationId', 'voucherOrganizationId'], { unique: true, where: `"status" = 'PENDING'` })
// The group's list and its pending count (the limit), newest first.
@Index('vouch_requests_group_created_idx', ['organizationId', 'createdAt'])
// The asked organization's list, and the grant lookup (voucher, group).
@Index('vouch_requests_voucher_group_idx', ['voucherOrganizationId', 'organizationId'])
@Check('vouch_requests_not_self_check', `"organization_id" <> "voucher_organization_id"`)
@Check('vouch_requests_status_check', `"status" IN ('PENDING', 'VOUCHED', 'DECLINED', 'WITHDRAWN')`)
@Entity('vouch_requests')
export class VouchRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The group that asks. */
  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  /** The verified organization asked. */
  @Column('uuid')
  voucherOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'voucher_organization_id' })
  voucherOrganization: Relation<OrganizationEntity>;

  /** In the group's words: who it is and why this organization can speak for it. */
  @Column('text')
  message: string;

  /** PENDING, VOUCHED (answered by a vouch), DECLINED (by the asked organization), WITHDRAWN (by the group). */
  @Column('text', { default: 'PENDING' })
  status: string;

  /** The vouch that answered it; the grant lasts while that vouch is not withdrawn. */
  @Column('uuid', { nullable: true })
  vouchId: string | null;

  @ManyToOne(() => VouchEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'vouch_id' })
  vouch: Relation<VouchEntity> | null;

  @Column('uuid', { nullable: true })
  requestedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by_user_id' })
  requestedBy: Relation<UserEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When it stopped being pending (vouched, declined or withdrawn); the decline cool-down counts from here. */
  @Column('timestamptz', { nullable: true })
  answeredAt: Date | null;
}
