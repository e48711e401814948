import { NeedPriority } from '../core/enums.js';

// The numbers of urgent-need alerts, in one place (README: Urgent-need alerts).

/** Urgent markings per organization in any 24 hours: enough for a real emergency, too few to flood anyone. */
export const URGENT_ALERTS_PER_DAY = 3;

/** Window of the limit: a rolling day, so there is no midnight burst. */
export const URGENT_ALERT_WINDOW = '24 hours';

/**
 * "Near enough": organizations whose public position lies within this many km of the needing organization's
 * position as they may see it (its public position, or its region's cell when they see it anonymously).
 */
export const URGENT_ALERT_RADIUS_KM = 150;

/** Only these priorities can be urgent. */
export const URGENT_PRIORITIES: readonly NeedPriority[] = [NeedPriority.HIGH, NeedPriority.CRITICAL];
