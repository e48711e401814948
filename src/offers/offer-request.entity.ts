import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { NeedEntity } from '../capabilities/need.entity.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';
import { OfferEntity } from './offer.entity.js';
import { OfferRequestStatus } from './offer-request.enums.js';

// An organization asking for a place in an offer. Table and column names are a contract: the contact rule
// (privacy/contact-rules.ts), the offers' visibility (ACCEPTED requesters see an anonymous offer's name), the
// partner score's trust (suggestions/trust-graph.ts) and the exchanges-completed count read them directly.
// At most one PENDING request per organization and offer: the race-free truth behind the TAKEN user error.
@Index('offer_requests_pending_key', ['offerId', 'requestingOrganizationId'], { unique: true, where: `"status" = 'PENDING'` })
// The offering side's list (through its offers) and the ON DELETE CASCADE lookup from offers.
@Index('offer_requests_offer_created_idx', ['offerId', 'createdAt'])
// The requesting side's list, newest first (and the cascade from organizations).
@Index('offer_requests_requester_created_idx', ['requestingOrganizationId', 'createdAt'])
@Check('offer_requests_seats_check', `"seats" >= 1`)
@Check('offer_requests_requester_rating_check', `"requester_rating" BETWEEN 1 AND 5`)
@Check('offer_requests_offerer_rating_check', `"offerer_rating" BETWEEN 1 AND 5`)
@Entity('offer_requests')
export class OfferRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  offerId: string;

  @ManyToOne(() => OfferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id' })
  offer: Relation<OfferEntity>;

  @Column('uuid')
  requestingOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requesting_organization_id' })
  requestingOrganization: Relation<OrganizationEntity>;

  /** Kept when the account goes away: the request was the organization's, not only the person's. */
  @Column('uuid', { nullable: true })
  requestedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by_user_id' })
  requestedBy: Relation<UserEntity> | null;

  /** The requester's own need it serves, if it said; removing the need keeps the request. */
  @Index('offer_requests_need_id_idx', { where: `"need_id" IS NOT NULL` })
  @Column('uuid', { nullable: true })
  needId: string | null;

  @ManyToOne(() => NeedEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'need_id' })
  need: Relation<NeedEntity> | null;

  @Column('text')
  message: string;

  /** Seats asked; an accepted request holds them in offers.seats_taken until it is withdrawn. */
  @Column('int', { default: 1 })
  seats: number;

  /**
   * As stored: PENDING, ACCEPTED, DECLINED, WITHDRAWN. A PENDING row reads as CANCELLED once its offer is
   * closed and as EXPIRED once the offer's deadline has passed (offer-request-status.sql.ts), so no job has to
   * flip it.
   */
  @Column('varchar', { length: 16, default: OfferRequestStatus.PENDING })
  status: OfferRequestStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When the offering side accepted or declined (or the requester withdrew). */
  @Column('timestamptz', { nullable: true })
  respondedAt: Date | null;

  /** When either side marked an accepted exchange done; it also counts as done once the offer's window ended. */
  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  /** The requesting organization's rating of the exchange, 1..5, and comment: never shown to third parties. */
  @Column('smallint', { nullable: true })
  requesterRating: number | null;

  @Column('text', { nullable: true })
  requesterComment: string | null;

  /** The offering organization's rating of the exchange, 1..5, and comment. */
  @Column('smallint', { nullable: true })
  offererRating: number | null;

  @Column('text', { nullable: true })
  offererComment: string | null;
}
