import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';

// A verified organization vouching for another one (informal or unregistered groups cannot be verified by
// documents). Rows are never deleted by a withdrawal: withdrawn_at is set, so admins can read the whole chain.
// At most one active vouch per (voucher, vouchee): the race-free truth behind ALREADY_VOUCHED.
@Index('vouches_active_pair_key', ['voucherOrganizationId', 'voucheeOrganizationId'], { unique: true, where: `"withdrawn_at" IS NULL` })
// The badge count and the received list (active vouches of one organization), and the admin chain (all of them).
@Index('vouches_vouchee_created_idx', ['voucheeOrganizationId', 'createdAt'])
// The given list, and the ON DELETE CASCADE lookup from organizations.
@Index('vouches_voucher_created_idx', ['voucherOrganizationId', 'createdAt'])
@Check('vouches_not_self_check', `"voucher_organization_id" <> "vouchee_organization_id"`)
@Entity('vouches')
export class VouchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  voucherOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'voucher_organization_id' })
  voucherOrganization: Relation<OrganizationEntity>;

  @Column('uuid')
  voucheeOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vouchee_organization_id' })
  voucheeOrganization: Relation<OrganizationEntity>;

  /** In the voucher's words: why it trusts this group. */
  @Column('text')
  statement: string;

  /** Kept when the account goes away: the vouch was the organization's. */
  @Column('uuid', { nullable: true })
  vouchedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'vouched_by_user_id' })
  vouchedBy: Relation<UserEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Set when the voucher withdraws it; a withdrawn vouch no longer counts and is shown to admins only. */
  @Column('timestamptz', { nullable: true })
  withdrawnAt: Date | null;
}
