import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';

// Check-in codes: six characters printed on each attendee's agenda and typed by a volunteer at the door. Drawn
// from an alphabet without look-alikes (no 0/O, 1/I), unique within an event (event_registrations_checkin_code_key).
// A code only lets the organizers and their volunteers mark an arrival: knowing another attendee's code gives an
// attendee nothing, so it needs no more entropy than typing allows.

export const CHECK_IN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CHECK_IN_CODE_LENGTH = 6;

export function newCheckInCode(): string {
  let code = '';
  for (let i = 0; i < CHECK_IN_CODE_LENGTH; i++) code += CHECK_IN_ALPHABET[randomInt(CHECK_IN_ALPHABET.length)];
  return code;
}

/** What a volunteer typed, as stored: upper case, spaces and dashes dropped. */
export function normalizeCheckInCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * Gives a registration its code when it has none. The caller holds the event row lock (every registration write
 * does), so the check for a collision and the write cannot race; a collision (about one in a million) draws again.
 */
export async function assignCheckInCode(tx: Pick<EntityManager, 'query'>, eventId: string, registrationId: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const [, affected]: [unknown, number] = await tx.query(
      `UPDATE event_registrations SET checkin_code = $3 WHERE id = $1 AND checkin_code IS NULL
         AND NOT EXISTS (SELECT 1 FROM event_registrations x WHERE x.event_id = $2 AND x.checkin_code = $3)`,
      [registrationId, eventId, newCheckInCode()],
    );
    if (affected > 0) return;
    const [current]: { code: string | null }[] = await tx.query('SELECT checkin_code AS code FROM event_registrations WHERE id = $1', [registrationId]);
    if (!current || current.code !== null) return;
  }
  throw new Error('could not draw a free check-in code');
}
