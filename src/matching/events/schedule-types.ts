// Plain data contract of the event schedule engine (the EVENTS feature maps registrations to these shapes).
// Attendees and pairs are addressed by index; ids are opaque to the engine and only carried through.

export type ScheduleFormat = 'ONE_TO_ONE' | 'TABLES';

export interface ScheduleAttendee {
  /** registration id (opaque to the engine) */
  id: string;
  /** 0-based rounds the attendee can meet in */
  availableRounds: number[];
  /** cap on meetings (TABLES: on table rounds), null = no cap */
  maxMeetings: number | null;
}

export interface SchedulePair {
  /** indexes into attendees, a < b; only pairs that MAY meet are listed (TABLES: only they may share a table) */
  a: number;
  b: number;
  /** mutual pair score in [0, 1] (already lowered for "met before" when ranked lower) */
  score: number;
  /** reason sentences, carried to the meeting unchanged */
  reasons: string[];
}

/** A meeting the organizer agreed; kept as it is. TABLES: a and b share a table (the given one when set). */
export interface LockedMeeting {
  round: number;
  a: number;
  b: number;
  table?: number;
}

export interface ScheduleInput {
  format: ScheduleFormat;
  rounds: number;
  /** TABLES only */
  seatsPerTable?: number;
  attendees: ScheduleAttendee[];
  pairs: SchedulePair[];
  /** kept as they are */
  locked?: LockedMeeting[];
  /** same inputs + same seed => same schedule */
  seed: number;
}

export interface ScheduledMeeting {
  round: number;
  /** a < b */
  a: number;
  b: number;
  /** TABLES: the table both sit at; ONE_TO_ONE: null */
  table: number | null;
  score: number;
  reasons: string[];
  locked: boolean;
}

export interface ScheduledTable {
  round: number;
  table: number;
  /** attendee indexes, ascending */
  members: number[];
  /** sum of the pair scores at the table */
  score: number;
}

export interface SitOut {
  round: number;
  attendee: number;
}

export interface Schedule {
  /** ONE_TO_ONE: the meetings; TABLES: the pairs seated together (table set). Sorted by round, then a, then b. */
  meetings: ScheduledMeeting[];
  /** TABLES only ([] for ONE_TO_ONE) */
  tables: ScheduledTable[];
  /** attendees available (and under their cap) in a round but without a meeting/seat in it */
  sitOuts: SitOut[];
  /** per attendee: sum of its meeting scores */
  totals: number[];
}

export interface ScheduleChange {
  /** attendees who cancelled (or did not check in) */
  removed: number[];
  /** rounds before this one are history and never change */
  fromRound: number;
}

export interface MovedMeeting {
  round: number;
  a: number;
  b: number;
  /** what the two had in this round before the repair, in words (no ids): e.g. "a: partner cancelled; b: sat out" */
  was: string;
  /** a's partner in this round before the repair (null: a sat out); TABLES: not set */
  aWas?: number | null;
  /** b's partner in this round before the repair (null: b sat out); TABLES: not set */
  bWas?: number | null;
}

export interface RepairResult {
  schedule: Schedule;
  /** the new meetings (ONE_TO_ONE) or new table-mates (TABLES) the repair made */
  moved: MovedMeeting[];
  /** meetings dropped because an attendee was removed (not replaced one for one: see moved) */
  cancelled: ScheduledMeeting[];
}

/** The rules a manual change can break (checkManualMeeting names one of them). */
export type ScheduleRule =
  | 'INVALID_MEETING'
  | 'PAIR_NOT_ALLOWED'
  | 'SAME_PAIR_TWICE'
  | 'ATTENDEE_UNAVAILABLE'
  | 'DOUBLE_BOOKED'
  | 'OVER_CAP'
  | 'TABLE_FULL';

export interface BrokenRule {
  rule: ScheduleRule;
  /** the attendee the rule is about, when it is about one of the two */
  attendee?: number;
  /** for the organizer, e.g. "The second attendee is not available in round 3" (rounds counted from 1) */
  message: string;
}
