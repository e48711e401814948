// The one place the events feature reaches the schedule engine (src/matching/events, pure: no database).
export {
  findBrokenRule, generateSchedule, repairSchedule, ScheduleInputError,
  type LockedMeeting, type Schedule, type ScheduleAttendee, type ScheduledMeeting, type ScheduleInput, type SchedulePair,
} from '../matching/events/index.js';
