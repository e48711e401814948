import { stringify } from 'csv-stringify/sync';
import type { RequestContext } from '../core/request-context.js';
import { roundTimes, type EventRow } from './event-view.js';
import type { EventParty, EventRegistration } from './event.types.js';
import type { StoredReason } from './meeting.entity.js';
import { REGISTRATION_COLUMNS, toRegistrations, type RegistrationRow } from './registration-view.js';
import { MEETING_COLUMNS, type MeetingRow } from './schedule-store.js';

// The whole schedule as the organizers see it (every organization through toRegistrations, so a PRIVATE attendee is
// its anonymous card exactly as on the organizers' screens, with what its registration holds), for the CSV match
// list and the printable organizer sheet.

export interface ExportMeeting {
  round: number;
  startsAt: Date;
  endsAt: Date;
  table: number | null;
  score: number;
  locked: boolean;
  a: EventRegistration;
  b: EventRegistration;
  reasonsA: string[];
  reasonsB: string[];
}

export interface ScheduleExport {
  meetings: ExportMeeting[];
  /** Every active registration, by name, for the door list. */
  registrations: EventRegistration[];
}

/** How an organization prints: its name, or its anonymous card in words. */
export function partyLabel(party: EventParty): string {
  if (party.organization) return party.organization.name;
  const card = party.anonymous;
  if (!card) return 'Unknown organization';
  const where = [card.country, card.region].filter(Boolean).join(', ');
  return `Anonymous ${card.kind.toLowerCase().replace(/_/g, ' ')}${where ? ` (${where})` : ''}`;
}

export async function loadScheduleExport(ctx: RequestContext, row: EventRow): Promise<ScheduleExport> {
  const meetings: (MeetingRow & { reasonsA: StoredReason[]; reasonsB: StoredReason[] })[] = await ctx.db.query(
    `SELECT ${MEETING_COLUMNS}, m.reasons_a AS "reasonsA", m.reasons_b AS "reasonsB" FROM event_meetings m
     WHERE m.event_id = $1 ORDER BY m.round, m.table_number NULLS FIRST, m.score DESC, m.id`,
    [row.id],
  );
  const rows: RegistrationRow[] = await ctx.db.query(
    `SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r
     WHERE r.event_id = $1 AND (r.status = 'ACTIVE' OR r.id IN (SELECT registration_a_id FROM event_meetings WHERE event_id = $1
       UNION SELECT registration_b_id FROM event_meetings WHERE event_id = $1))`,
    [row.id],
  );
  const registrations = await toRegistrations(ctx, row.organizerId, rows);
  const byId = new Map(registrations.map((r) => [r.id, r]));
  const out: ExportMeeting[] = [];
  for (const m of meetings) {
    const a = byId.get(m.registrationAId);
    const b = byId.get(m.registrationBId);
    if (!a || !b) continue;
    out.push({
      round: m.round + 1, ...roundTimes(row, m.round), table: m.tableNumber === null ? null : m.tableNumber + 1, score: m.score, locked: m.locked,
      a, b, reasonsA: m.reasonsA.map((r) => r.text), reasonsB: m.reasonsB.map((r) => r.text),
    });
  }
  const active = registrations.filter((r) => r.status === 'ACTIVE').sort((x, y) => partyLabel(x).localeCompare(partyLabel(y)));
  return { meetings: out, registrations: active };
}

/**
 * A spreadsheet reads a cell that starts with = + - @ (or a tab or carriage return) as a formula: such a cell is
 * prefixed with an apostrophe, which spreadsheets show as text (OWASP's advice for CSV injection).
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function clockTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

export const CSV_COLUMNS = [
  'round', 'time', 'starts_at', 'table', 'organization_a', 'check_in_code_a', 'people_a', 'organization_b', 'check_in_code_b', 'people_b',
  'score', 'reasons_for_a', 'reasons_for_b', 'locked',
];

/** The match list as CSV (RFC 4180 by csv-stringify: quoting, embedded commas and line breaks; times in the given zone and UTC). */
export function matchListCsv(data: ScheduleExport, timeZone: string): string {
  const records = data.meetings.map((m) => [
    m.round,
    `${clockTime(m.startsAt, timeZone)}-${clockTime(m.endsAt, timeZone)}`,
    m.startsAt.toISOString(),
    m.table ?? '',
    partyLabel(m.a), m.a.checkInCode ?? '', m.a.people.join('; '),
    partyLabel(m.b), m.b.checkInCode ?? '', m.b.people.join('; '),
    m.score.toFixed(3),
    m.reasonsA.join('; '), m.reasonsB.join('; '),
    m.locked ? 'yes' : 'no',
  ].map((cell) => (typeof cell === 'string' ? neutralizeFormula(cell) : cell)));
  // A BOM so spreadsheets read the names as UTF-8; CRLF line ends as RFC 4180 has them.
  return stringify([CSV_COLUMNS, ...records], { bom: true, record_delimiter: 'windows' });
}
