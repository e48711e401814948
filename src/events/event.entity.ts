import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation,
} from 'typeorm';
import { LocationPrecision } from '../core/enums.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';
import { AttendeeListVisibility, EventFormat, EventStatus, MetBeforePolicy } from './event.enums.js';
import type { KindRule } from './pair-rules.js';

// A networking event of one organizing organization. Its owners and editors are the organizers.
@Index('events_organizer_starts_idx', ['organizerOrganizationId', 'startsAt'])
// Upcoming events by status (the events list orders by start).
@Index('events_status_starts_idx', ['status', 'startsAt'])
@Check('events_time_check', `"ends_at" > "starts_at" AND "registration_deadline" <= "starts_at"`)
@Check('events_rounds_check', `"rounds" BETWEEN 1 AND 24`)
@Check('events_minutes_check', `"minutes_per_meeting" BETWEEN 5 AND 240`)
@Check('events_tables_check', `("format" = 'TABLES') = ("seats_per_table" IS NOT NULL)`)
@Check('events_capacity_check', `"capacity" IS NULL OR "capacity" BETWEEN 2 AND 1000`)
@Entity('events')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizerOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizer_organization_id' })
  organizerOrganization: Relation<OrganizationEntity>;

  @Column('varchar', { length: 200 })
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;

  @Column('timestamptz')
  registrationDeadline: Date;

  /** Online events have no place. */
  @Column('boolean', { default: false })
  online: boolean;

  @Column('varchar', { length: 200, nullable: true })
  venue: string | null;

  @Column('char', { length: 2, nullable: true })
  country: string | null;

  @Column('varchar', { length: 120, nullable: true })
  region: string | null;

  @Column('varchar', { length: 120, nullable: true })
  city: string | null;

  /** The exact place: organizers and registrants read it; everyone else gets it coarsened to placePrecision. */
  @Column('double precision', { nullable: true })
  latitude: number | null;

  @Column('double precision', { nullable: true })
  longitude: number | null;

  @Column('varchar', { length: 16, default: LocationPrecision.CITY })
  placePrecision: LocationPrecision;

  @Column('smallint')
  rounds: number;

  @Column('smallint')
  minutesPerMeeting: number;

  @Column('varchar', { length: 16 })
  format: EventFormat;

  @Column('smallint', { nullable: true })
  seatsPerTable: number | null;

  /** Most ACTIVE registrations; null = no limit (the engine's limit still applies). */
  @Column('int', { nullable: true })
  capacity: number | null;

  @Column('varchar', { length: 16, default: EventStatus.DRAFT })
  status: EventStatus;

  @Column('varchar', { length: 16, default: AttendeeListVisibility.ORGANIZER_ONLY })
  attendeeListVisibility: AttendeeListVisibility;

  /** Who-can-meet rules by organization kind (see pair-rules.ts). */
  @Column('jsonb', { default: () => `'[]'` })
  kindRules: KindRule[];

  @Column('varchar', { length: 16, default: MetBeforePolicy.RANK_LOWER })
  metBefore: MetBeforePolicy;

  /** Seed of the last generation: the same registrations, rules, locks and seed give the same schedule. */
  @Column('int', { nullable: true })
  scheduleSeed: number | null;

  @Column('timestamptz', { nullable: true })
  scheduledAt: Date | null;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  /**
   * Check-in at the door is open (null: not used). From then on an attendee not checked in this many minutes after
   * the start of a round it meets in is a no-show, and its later meetings are freed (events/no-shows.ts).
   */
  @Column('smallint', { nullable: true })
  noShowGraceMinutes: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
