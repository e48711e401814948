import {
  Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { IntroductionEntity } from '../introductions/introduction.entity.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';
import { EventEntity } from './event.entity.js';
import { EventMeetingEntity } from './meeting.entity.js';

// What happens at the door and after an event (issue 13): volunteers who check attendees in, the introductions
// asked from meetings, and the funnel's released figures.

/** A member of the organizing organization the organizers designated to check attendees in at this event. */
@Index('event_volunteers_user_idx', ['userId'])
@Entity('event_volunteers')
export class EventVolunteerEntity {
  @PrimaryColumn('uuid')
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event: Relation<EventEntity>;

  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * An introduction asked from a meeting (one per side and meeting): what the funnel counts as "introductions asked"
 * and follows to "accepted". The introduction itself is an ordinary one (introductions/).
 */
@Index('event_meeting_introductions_event_idx', ['eventId'])
@Index('event_meeting_introductions_side_key', ['meetingId', 'fromOrganizationId'], { unique: true })
@Entity('event_meeting_introductions')
export class EventMeetingIntroductionEntity {
  @PrimaryColumn('uuid')
  introductionId: string;

  @ManyToOne(() => IntroductionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'introduction_id' })
  introduction: Relation<IntroductionEntity>;

  @Column('uuid')
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event: Relation<EventEntity>;

  @Column('uuid')
  meetingId: string;

  @ManyToOne(() => EventMeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting: Relation<EventMeetingEntity>;

  @Column('uuid')
  fromOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_organization_id' })
  fromOrganization: Relation<OrganizationEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * The funnel figures the organizers read: replaced only when at least three organizations (none sharing a member
 * with the organizers) have answered since the last release, so no two readings differ by one attendee's answer.
 */
@Entity('event_funnel_releases')
export class EventFunnelReleaseEntity {
  @PrimaryColumn('uuid')
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event: Relation<EventEntity>;

  @Column('int')
  meetingsHeld: number;

  @Column('int')
  introductionsAsked: number;

  @Column('int')
  introductionsAccepted: number;

  @Column('int')
  collaborations: number;

  @Column('timestamptz')
  releasedAt: Date;
}
