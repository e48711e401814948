import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn,
  UpdateDateColumn, type Relation,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import type { LocationPrecision } from '../core/enums.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';
import { IssueAreaEntity, SkillEntity } from '../taxonomy/taxonomy.entity.js';
import { OfferAudience, OfferFormat, OfferStatus } from './offer.enums.js';

// Table and column names are a contract: offer requests (offer_requests) lock rows here and change seats_taken,
// and the live push of new offers (next issue) hangs off created_at / updated_at.
// Expression indexes (full text, the place's public position) live in the migration only.
@Index('offers_search_idx', { synchronize: false })
@Index('offers_place_earth_idx', { synchronize: false })
// The organization's own list, newest first (and the ON DELETE CASCADE lookup).
@Index('offers_organization_created_idx', ['organizationId', 'createdAt'])
// The default list order (newest first) reads index entries instead of sorting every visible offer.
@Index('offers_created_idx', ['createdAt', 'id'])
// offersForNeeds and the sweep look at offers not closed, by skill.
@Index('offers_live_skill_idx', ['skillId'], { where: `"status" <> 'CLOSED'` })
@Check('offers_seats_check', `"seats" IS NULL OR "seats" >= 1`)
@Check('offers_seats_taken_check', `"seats_taken" >= 0 AND ("seats" IS NULL OR "seats_taken" <= "seats")`)
@Check('offers_window_check', `"starts_at" IS NULL OR "ends_at" IS NULL OR "ends_at" > "starts_at"`)
@Check('offers_deadline_check', `"request_deadline" IS NULL OR "ends_at" IS NULL OR "request_deadline" <= "ends_at"`)
@Entity('offers')
export class OfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  /** Kept when the account goes away: the offer is the organization's, not only the person's. */
  @Column('uuid', { nullable: true })
  postedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'posted_by_user_id' })
  postedBy: Relation<UserEntity> | null;

  @Index('offers_skill_id_idx')
  @Column('uuid')
  skillId: string;

  @ManyToOne(() => SkillEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id' })
  skill: Relation<SkillEntity>;

  @Column('varchar', { length: 200 })
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Index('offers_format_idx')
  @Column('varchar', { length: 16 })
  format: OfferFormat;

  /** Null: unlimited. */
  @Column('int', { nullable: true })
  seats: number | null;

  /** Seats of accepted requests; changed only by the offer-request code, under the offer row's lock. */
  @Column('int', { default: 0 })
  seatsTaken: number;

  @Column('boolean', { default: false })
  remote: boolean;

  // The place where it happens, if any. Its precision is never finer than the organization's own (checked when
  // written, and re-coarsened by a trigger when the organization coarsens its location later).
  @Column('char', { length: 2, nullable: true })
  placeCountry: string | null;

  @Column('varchar', { length: 120, nullable: true })
  placeRegion: string | null;

  @Column('varchar', { length: 120, nullable: true })
  placeCity: string | null;

  /** Exact position as entered: only members of the organization read it. */
  @Column('double precision', { nullable: true })
  placeLatitude: number | null;

  @Column('double precision', { nullable: true })
  placeLongitude: number | null;

  @Column('varchar', { length: 16, nullable: true })
  placePrecision: LocationPrecision | null;

  /** The place coarsened to placePrecision: every non-member read, filter and distance uses these. */
  @Column('double precision', { nullable: true })
  placePublicLatitude: number | null;

  @Column('double precision', { nullable: true })
  placePublicLongitude: number | null;

  @Column('text', { array: true, default: () => "'{}'" })
  languages: string[];

  @Column('timestamptz', { nullable: true })
  startsAt: Date | null;

  @Column('timestamptz', { nullable: true })
  endsAt: Date | null;

  @Column('timestamptz', { nullable: true })
  requestDeadline: Date | null;

  @Column('varchar', { length: 16 })
  audience: OfferAudience;

  /**
   * As stored: CLOSED is the organization's decision and the only stored value that reads as itself. OPEN, FULL
   * and EXPIRED are a snapshot the sweep keeps (offer-sweep.ts); reads derive the status from the times and seats
   * (offer-status.sql.ts), so it is right even when no process ran at the deadline.
   */
  @Column('varchar', { length: 16, default: OfferStatus.OPEN })
  status: OfferStatus;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The issue areas an offer serves. */
@Entity('offer_issue_areas')
export class OfferIssueAreaEntity {
  @PrimaryColumn('uuid')
  offerId: string;

  @ManyToOne(() => OfferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id' })
  offer: Relation<OfferEntity>;

  /** Filters by issue area probe from here (the primary key serves the other direction). */
  @Index('offer_issue_areas_issue_area_id_idx')
  @PrimaryColumn('uuid')
  issueAreaId: string;

  @ManyToOne(() => IssueAreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'issue_area_id' })
  issueArea: Relation<IssueAreaEntity>;
}
