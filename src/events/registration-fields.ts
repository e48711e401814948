import type { EntityManager } from 'typeorm';
import { UserInputError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { Viewer } from '../core/viewer.js';
import { canSeeOrganization } from '../privacy/visibility.js';
import type { EventRow } from './event-view.js';
import type { RegistrationFields } from './event.inputs.js';
import type { RegistrationRow } from './registration-view.js';

// A registration's fields as stored, from an input over what it had (or the organization's defaults). Shared by
// self-registration, the organizer's add and update, and the CSV import, so every path applies the same rules.

export interface RegistrationValues {
  people: string[];
  contactEmail: string | null;
  seekingSkillIds: string[];
  offeringSkillIds: string[];
  /** 0-based, sorted; null = every round */
  availableRounds: number[] | null;
  doNotMeetIds: string[];
  maxMeetings: number | null;
}

/** The organization's open needs and capabilities: what it seeks and offers unless it says otherwise. */
export async function defaultSkills(tx: Pick<EntityManager, 'query'>, organizationId: string): Promise<{ seeking: string[]; offering: string[] }> {
  const [row]: { seeking: string[]; offering: string[] }[] = await tx.query(
    `SELECT ARRAY(SELECT DISTINCT skill_id FROM needs WHERE organization_id = $1 AND status = 'OPEN') AS seeking,
            ARRAY(SELECT skill_id FROM capabilities WHERE organization_id = $1) AS offering`,
    [organizationId],
  );
  return row;
}

async function knownSkills(tx: Pick<EntityManager, 'query'>, ids: string[], field: string): Promise<string[]> {
  const wanted = ids.map((id) => id.toLowerCase());
  const valid = wanted.filter(isUuid);
  const rows: { id: string }[] = valid.length ? await tx.query('SELECT id FROM skills WHERE id = ANY($1::uuid[])', [valid]) : [];
  const found = new Set(rows.map((r) => r.id));
  if (wanted.some((id) => !found.has(id))) throw new UserInputError('UNKNOWN_SKILL', field, 'No skill has one of these ids');
  return [...new Set(wanted)];
}

/**
 * Do-not-meet entries: organizations the registrant may name (acting for it). One it may not see answers exactly
 * like an id that does not exist, so the list cannot probe for PRIVATE organizations.
 */
async function knownOrganizations(tx: Pick<EntityManager, 'query'>, viewer: Viewer, ids: string[], self: string, field: string): Promise<string[]> {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (wanted.includes(self)) throw new UserInputError('SAME_ORGANIZATION', field, 'An organization cannot list itself');
  const valid = wanted.filter(isUuid);
  const rows: { id: string; visibility: string }[] = valid.length
    ? await tx.query('SELECT id, visibility FROM organizations WHERE id = ANY($1::uuid[])', [valid])
    : [];
  const acting = viewer.actingForOrganizations();
  const named = new Set(rows.filter((r) => canSeeOrganization(acting, r)).map((r) => r.id));
  if (wanted.some((id) => !named.has(id))) throw new UserInputError('UNKNOWN_ORGANIZATION', field, 'No organization you can see has one of these ids');
  return wanted;
}

export interface FieldContext {
  tx: Pick<EntityManager, 'query'>;
  /** Whose rights decide which do-not-meet entries can be named. */
  viewer: Viewer;
  event: Pick<EventRow, 'rounds'>;
  organizationId: string;
  /** What the registration had (update), or null (new: defaults from the organization). */
  before: RegistrationValues | null;
  /** Field path prefix, e.g. 'input' */
  path: string;
}

export async function registrationValues(c: FieldContext, input: RegistrationFields): Promise<RegistrationValues> {
  const defaults = c.before ? null : await defaultSkills(c.tx, c.organizationId);
  const rounds = input.availableRounds === undefined ? c.before?.availableRounds ?? null
    : input.availableRounds === null ? null : toRounds(input.availableRounds, c.event.rounds, `${c.path}.availableRounds`);
  return {
    people: input.people ? input.people.map((p) => p.trim()).filter(Boolean) : c.before?.people ?? [],
    contactEmail: input.contactEmail === undefined ? c.before?.contactEmail ?? null : input.contactEmail?.trim().toLowerCase() ?? null,
    seekingSkillIds: input.seekingSkillIds ? await knownSkills(c.tx, input.seekingSkillIds, `${c.path}.seekingSkillIds`) : c.before?.seekingSkillIds ?? defaults!.seeking,
    offeringSkillIds: input.offeringSkillIds ? await knownSkills(c.tx, input.offeringSkillIds, `${c.path}.offeringSkillIds`) : c.before?.offeringSkillIds ?? defaults!.offering,
    availableRounds: rounds,
    doNotMeetIds: input.doNotMeetOrganizationIds
      ? await knownOrganizations(c.tx, c.viewer, input.doNotMeetOrganizationIds, c.organizationId, `${c.path}.doNotMeetOrganizationIds`)
      : c.before?.doNotMeetIds ?? [],
    maxMeetings: input.maxMeetings === undefined ? c.before?.maxMeetings ?? null : input.maxMeetings,
  };
}

/** Rounds counted from 1 (as people write them) to stored 0-based rounds, each a round of the event. */
export function toRounds(rounds: number[], eventRounds: number, field: string): number[] {
  if (rounds.some((r) => !Number.isInteger(r) || r < 1 || r > eventRounds)) {
    throw new UserInputError('OUT_OF_RANGE', field, `Rounds are counted from 1 to ${eventRounds}`);
  }
  return [...new Set(rounds)].sort((a, b) => a - b).map((r) => r - 1);
}

export function valuesOf(row: RegistrationRow): RegistrationValues {
  return {
    people: row.people, contactEmail: row.contactEmail, seekingSkillIds: row.seekingSkillIds, offeringSkillIds: row.offeringSkillIds,
    availableRounds: row.availableRounds, doNotMeetIds: row.doNotMeetIds, maxMeetings: row.maxMeetings,
  };
}
