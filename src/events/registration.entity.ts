import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';
import { RegistrationSource, RegistrationStatus } from './event.enums.js';
import { EventEntity } from './event.entity.js';

// One organization at one event. One row per pair (a cancelled registration is re-activated, never duplicated),
// so a meeting inside one organization cannot exist. people, contactEmail and doNotMeetIds are for the
// organizers and the registrant only (see privacy/event-visibility.ts); doNotMeetIds never leaves them.
@Index('event_registrations_event_organization_key', ['eventId', 'organizationId'], { unique: true })
@Index('event_registrations_organization_idx', ['organizationId'])
// The door: a check-in code is unique within its event (events/check-in.service.ts assigns them).
@Index('event_registrations_checkin_code_key', ['eventId', 'checkinCode'], { unique: true, where: '"checkin_code" IS NOT NULL' })
@Check('event_registrations_max_meetings_check', `"max_meetings" IS NULL OR "max_meetings" >= 0`)
@Entity('event_registrations')
export class EventRegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event: Relation<EventEntity>;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  @Column('varchar', { length: 16, default: RegistrationStatus.ACTIVE })
  status: RegistrationStatus;

  @Column('varchar', { length: 16 })
  source: RegistrationSource;

  /** Names of the people attending (optional). */
  @Column('text', { array: true, default: () => `'{}'` })
  people: string[];

  @Column('varchar', { length: 254, nullable: true })
  contactEmail: string | null;

  @Column('uuid', { array: true, default: () => `'{}'` })
  seekingSkillIds: string[];

  @Column('uuid', { array: true, default: () => `'{}'` })
  offeringSkillIds: string[];

  /** 0-based rounds it can meet in; null = every round. */
  @Column('smallint', { array: true, nullable: true })
  availableRounds: number[] | null;

  /** Organizations it will not meet. Read by the organizers and the registrant only. */
  @Column('uuid', { array: true, default: () => `'{}'` })
  doNotMeetIds: string[];

  @Column('smallint', { nullable: true })
  maxMeetings: number | null;

  @Column('uuid', { nullable: true })
  registeredByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'registered_by_user_id' })
  registeredBy: Relation<UserEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  /** Short code printed on the agenda; a volunteer at the door types it to check the organization in. */
  @Column('varchar', { length: 8, nullable: true })
  checkinCode: string | null;

  @Column('timestamptz', { nullable: true })
  checkedInAt: Date | null;

  /** Did not come: its meetings from the next round on were freed (the schedule repaired). Cleared by a check-in. */
  @Column('timestamptz', { nullable: true })
  noShowAt: Date | null;
}
