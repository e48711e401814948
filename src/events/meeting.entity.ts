import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation,
} from 'typeorm';
import { EventEntity } from './event.entity.js';
import { EventRegistrationEntity } from './registration.entity.js';

export interface StoredReason {
  code: string;
  text: string;
  weight: number;
}

// One meeting of a schedule: two registrations in one round (TABLES: seated at the same table). Stored with its
// two sides ordered (a < b) so a pair has one spelling. The schedule of an event is the set of its meetings;
// the event's status says whether it is a draft or published.
@Index('event_meetings_registration_a_idx', ['registrationAId'])
@Index('event_meetings_registration_b_idx', ['registrationBId'])
@Index('event_meetings_pair_key', ['eventId', 'round', 'registrationAId', 'registrationBId'], { unique: true })
@Check('event_meetings_pair_order_check', `"registration_a_id" < "registration_b_id"`)
@Check('event_meetings_rating_a_check', `"rating_a" BETWEEN 1 AND 5`)
@Check('event_meetings_rating_b_check', `"rating_b" BETWEEN 1 AND 5`)
@Entity('event_meetings')
export class EventMeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event: Relation<EventEntity>;

  /** 0-based. */
  @Column('smallint')
  round: number;

  @Column('uuid', { name: 'registration_a_id' })
  registrationAId: string;

  @ManyToOne(() => EventRegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_a_id' })
  registrationA: Relation<EventRegistrationEntity>;

  @Column('uuid', { name: 'registration_b_id' })
  registrationBId: string;

  @ManyToOne(() => EventRegistrationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_b_id' })
  registrationB: Relation<EventRegistrationEntity>;

  /** TABLES: the table number (0-based); ONE_TO_ONE: null. */
  @Column('smallint', { nullable: true })
  tableNumber: number | null;

  /** Mutual pair score in [0, 1]. */
  @Column('double precision')
  score: number;

  /** Reasons as side A reads them (about B), and as side B reads them (about A). */
  @Column('jsonb', { name: 'reasons_a', default: () => `'[]'` })
  reasonsA: StoredReason[];

  @Column('jsonb', { name: 'reasons_b', default: () => `'[]'` })
  reasonsB: StoredReason[];

  /** Kept as it is by regeneration and repair. */
  @Column('boolean', { default: false })
  locked: boolean;

  /** Placed or changed by an organizer's hand. */
  @Column('boolean', { default: false })
  manual: boolean;

  /**
   * After the event, each side says whether the meeting took place (and may rate it, 1..5). A side's answer is its
   * own: never shown to the other side or to the organizers, who read only the funnel's counts (events/funnel.ts).
   */
  @Column('boolean', { name: 'held_a', nullable: true })
  heldA: boolean | null;

  @Column('boolean', { name: 'held_b', nullable: true })
  heldB: boolean | null;

  @Column('smallint', { name: 'rating_a', nullable: true })
  ratingA: number | null;

  @Column('smallint', { name: 'rating_b', nullable: true })
  ratingB: number | null;

  @Column('timestamptz', { name: 'marked_a_at', nullable: true })
  markedAAt: Date | null;

  @Column('timestamptz', { name: 'marked_b_at', nullable: true })
  markedBAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

// What a change to a published schedule moved, for the organizers (repairs after a late cancellation).
@Index('event_schedule_changes_event_idx', ['eventId', 'createdAt'])
@Entity('event_schedule_changes')
export class EventScheduleChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event: Relation<EventEntity>;

  @Column('smallint')
  round: number;

  /** The registrations of the meeting that moved (null when one has since been deleted). */
  @Column('uuid', { array: true })
  registrationIds: string[];

  /** What it was, in words ("new meeting", "partner cancelled", ...). */
  @Column('text')
  was: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
