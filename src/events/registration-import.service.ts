import { parse } from 'csv-parse/sync';
import type { EntityManager } from 'typeorm';
import { UserInputError } from '../core/errors.js';
import type { RequestContext } from '../core/request-context.js';
import { canSeeOrganization } from '../privacy/visibility.js';
import { lockEventAsOrganizer } from './event-access.js';
import { EVENT_LIMITS, ImportLineStatus, RegistrationSource } from './event.enums.js';
import type { EventRegistrationImportInput, RegistrationFields } from './event.inputs.js';
import { assertChangeable } from './event.service.js';
import type { EventImportLine } from './event.types.js';
import { registrationValues, valuesOf } from './registration-fields.js';
import { REGISTRATION_COLUMNS, type RegistrationRow } from './registration-view.js';
import { writeRegistration } from './registration.service.js';

// Bulk registration from a CSV upload, all or nothing: every line is checked and reported (added, updated, or
// refused with a code and why), and the registrations are written only when no line is refused, in the one
// transaction of the mutation. Parsing is csv-parse's (RFC 4180: quoted fields, embedded commas and line breaks,
// a BOM); the rules are the same as for one registration (registration-fields.ts).

const COLUMNS = ['organization', 'contact', 'seeking', 'offering', 'availability', 'people', 'maxmeetings'] as const;
type Column = (typeof COLUMNS)[number];
type Line = Partial<Record<Column, string>>;

/** Thrown to roll the transaction back (a refused line, or a dry run) while the report is handed out. */
export class ImportNotApplied extends UserInputError {
  constructor(readonly lines: EventImportLine[], dryRun: boolean) {
    super(
      dryRun ? 'DRY_RUN' : 'IMPORT_REFUSED',
      'input.csv',
      dryRun ? 'Dry run: every line was checked, nothing was imported'
        : `${lines.filter((l) => l.status === ImportLineStatus.REFUSED).length} line(s) refused: nothing was imported`,
    );
  }
}

class LineError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

function parseCsv(csv: string): { line: number; record: Line }[] {
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(csv, {
      bom: true, trim: true, skip_empty_lines: true, info: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/[\s_-]+/g, '')),
    });
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    throw new UserInputError('INVALID_CSV', 'input.csv', `The file is not valid CSV${e.lines ? ` (line ${e.lines})` : ''}: ${String(e.message ?? '').slice(0, 200)}`);
  }
  if (parsed.length === 0) throw new UserInputError('INVALID_CSV', 'input.csv', 'The file has no lines after its header');
  if (parsed.length > EVENT_LIMITS.maxImportLines) {
    throw new UserInputError('TOO_MANY', 'input.csv', `At most ${EVENT_LIMITS.maxImportLines} lines per upload`);
  }
  const header = Object.keys(parsed[0].record);
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
  if (unknown.length) throw new UserInputError('INVALID_CSV', 'input.csv', `Unknown column(s): ${unknown.join(', ')}; expected ${COLUMNS.join(', ')}`);
  if (!header.includes('organization')) throw new UserInputError('INVALID_CSV', 'input.csv', 'The header must name an organization column');
  return parsed.map((p) => ({ line: p.info.lines, record: p.record as Line }));
}

const list = (cell: string | undefined) => (cell ?? '').split(/[;|]/).map((s) => s.trim()).filter(Boolean);

/** "1-3;5" -> [1, 2, 3, 5]; empty or "all" -> every round (undefined). */
function rounds(cell: string | undefined, max: number): number[] | undefined {
  if (!cell || /^all$/i.test(cell)) return undefined;
  const out: number[] = [];
  for (const part of list(cell)) {
    const m = /^(\d{1,3})(?:\s*-\s*(\d{1,3}))?$/.exec(part);
    if (!m) throw new LineError('INVALID_ROUNDS', `"${part}" is not a round or a range like 1-3`);
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (from < 1 || to > max || from > to) throw new LineError('INVALID_ROUNDS', `Rounds are counted from 1 to ${max}`);
    for (let r = from; r <= to; r++) out.push(r);
  }
  return [...new Set(out)];
}

interface OrgRow { id: string; slug: string; name: string; visibility: string }

export async function importRegistrations(ctx: RequestContext, tx: EntityManager, input: EventRegistrationImportInput): Promise<{ lines: EventImportLine[]; imported: number }> {
  const { row, viewer } = await lockEventAsOrganizer(ctx, tx, input.eventId);
  assertChangeable(row, 'input.eventId');
  const records = parseCsv(input.csv);
  // Organizations by slug or exact name (any case), among those the organizer may name: a PRIVATE one it may not
  // name is "unknown", exactly like one that does not exist.
  const names = records.map((r) => (r.record.organization ?? '').trim()).filter(Boolean);
  const candidates: OrgRow[] = await tx.query(
    'SELECT id, slug, name, visibility FROM organizations WHERE slug = ANY($1::text[]) OR lower(name) = ANY($2::text[])',
    [names, names.map((n) => n.toLowerCase())],
  );
  const acting = viewer.actingForOrganizations();
  const visible = candidates.filter((o) => canSeeOrganization(acting, o));
  const skillSlugs = [...new Set(records.flatMap((r) => [...list(r.record.seeking), ...list(r.record.offering)]))];
  const skills: { id: string; slug: string }[] = skillSlugs.length ? await tx.query('SELECT id, slug FROM skills WHERE slug = ANY($1::text[])', [skillSlugs]) : [];
  const skillIds = new Map(skills.map((s) => [s.slug, s.id]));
  const toSkillIds = (cell: string | undefined): string[] | undefined => {
    const slugs = list(cell);
    if (slugs.length === 0) return undefined;
    const unknown = slugs.filter((s) => !skillIds.has(s));
    if (unknown.length) throw new LineError('UNKNOWN_SKILL', `Unknown skill(s): ${unknown.join(', ')}`);
    return slugs.map((s) => skillIds.get(s)!);
  };

  const lines: EventImportLine[] = [];
  const seen = new Set<string>();
  let imported = 0;
  for (const { line, record } of records) {
    const written = (record.organization ?? '').trim();
    try {
      if (!written) throw new LineError('REQUIRED', 'The organization is missing');
      const bySlug = visible.filter((o) => o.slug === written);
      const matches = bySlug.length ? bySlug : visible.filter((o) => o.name.toLowerCase() === written.toLowerCase());
      if (matches.length === 0) throw new LineError('UNKNOWN_ORGANIZATION', 'No organization you can see has this slug or name');
      if (matches.length > 1) throw new LineError('AMBIGUOUS_NAME', 'Several organizations have this name: use the slug');
      const org = matches[0];
      if (seen.has(org.id)) throw new LineError('DUPLICATE_LINE', 'This organization is already on an earlier line');
      seen.add(org.id);
      const contact = record.contact?.trim();
      if (contact && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact)) throw new LineError('INVALID_EMAIL', 'The contact is not an email address');
      const max = record.maxmeetings?.trim();
      if (max && !/^\d{1,2}$/.test(max)) throw new LineError('INVALID_NUMBER', 'maxMeetings must be a whole number');
      const fields: RegistrationFields = {
        people: record.people ? list(record.people) : undefined,
        contactEmail: contact || undefined,
        seekingSkillIds: toSkillIds(record.seeking),
        offeringSkillIds: toSkillIds(record.offering),
        availableRounds: rounds(record.availability, row.rounds),
        maxMeetings: max ? Number(max) : undefined,
      };
      const [before]: RegistrationRow[] = await tx.query(
        `SELECT ${REGISTRATION_COLUMNS} FROM event_registrations r WHERE r.event_id = $1 AND r.organization_id = $2 AND r.status = 'ACTIVE'`,
        [row.id, org.id],
      );
      const values = await registrationValues({ tx, viewer, event: row, organizationId: org.id, before: before ? valuesOf(before) : null, path: `line ${line}` }, fields);
      const result = await writeRegistration(tx, row, org.id, values, RegistrationSource.IMPORT, viewer.userId, { update: true, field: 'input.csv' });
      imported++;
      lines.push({ line, organization: written, status: result.added ? ImportLineStatus.ADDED : ImportLineStatus.UPDATED, code: null, message: null });
    } catch (error) {
      if (!(error instanceof LineError) && !(error instanceof UserInputError)) throw error;
      lines.push({ line, organization: written.slice(0, 200), status: ImportLineStatus.REFUSED, code: error instanceof LineError ? error.code : error.code, message: error.message });
    }
  }
  if (input.dryRun || lines.some((l) => l.status === ImportLineStatus.REFUSED)) throw new ImportNotApplied(lines, Boolean(input.dryRun));
  return { lines, imported };
}
