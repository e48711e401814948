import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { MembershipRole } from '../core/enums.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';

/** As stored. Inviters never see DECLINED (see INVITER_STATUS_SQL in invitation.service.ts): only an account can decline. */
export enum InvitationState {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  REVOKED = 'REVOKED',
}

/**
 * An invitation to join an organization, addressed to an email (whether or not an account uses it). Nobody
 * becomes a member without accepting one.
 */
// The organization's list and the re-invite lookup.
@Index('organization_invitations_organization_email_idx', ['organizationId', 'email'])
// The invitee's list: open invitations addressed to an email.
@Index('organization_invitations_email_pending_idx', ['email'], { where: `"status" = 'PENDING'` })
@Entity('organization_invitations')
export class OrganizationInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  /** Lower-cased, like users.email. */
  @Column('varchar', { length: 254 })
  email: string;

  @Column('varchar', { length: 16 })
  role: MembershipRole;

  /** Kept when the inviter's account goes away: the invitation was the organization's. */
  @Column('uuid', { nullable: true })
  invitedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_user_id' })
  invitedBy: Relation<UserEntity> | null;

  @Column('varchar', { length: 16, default: InvitationState.PENDING })
  status: InvitationState;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  respondedAt: Date | null;
}
