import { EventRegistrationImportDocument, EventRegistrationsDocument } from '../generated/graphql.js';
import { addCapability, addNeed, createOrg, signUp, type TestUser } from '../support/factories.js';
import { createEvent } from '../support/event-factories.js';
import { errorCode, gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Bulk registration from a CSV upload: a line-by-line report, and nothing half-imported.

let app: TestApp;
let organizer: TestUser;
let other: TestUser;
let hostId: string;
const slugs: string[] = [];
const suffix = Math.random().toString(36).slice(2, 7);
beforeAll(async () => {
  app = await startTestApp();
  [organizer, other] = await Promise.all([signUp(app, 'Organizer'), signUp(app, 'Other')]);
  hostId = (await createOrg(app, organizer, { name: 'Import Host', kind: 'NETWORK' })).id;
  for (const name of ['Amani Trust', 'Haki Yetu', 'Sauti Media']) {
    const org = await createOrg(app, other, { name: `${name} ${suffix}`, slug: `${name.toLowerCase().replace(' ', '-')}-${suffix}` });
    await addCapability(app, other, org.id, 'grant-writing', 'EXPERT');
    await addNeed(app, other, org.id, 'legal-clinics', 'HIGH');
    slugs.push(org.slug);
  }
  await createOrg(app, other, { name: `Hidden ${suffix}`, slug: undefined, visibility: 'PRIVATE' });
});
afterAll(() => app?.close());

const importCsv = (eventId: string, csv: string, dryRun?: boolean, token = organizer.token) =>
  gql(app, EventRegistrationImportDocument, { input: { eventId, csv, dryRun } }, token);

async function count(eventId: string): Promise<number> {
  return ok(await gql(app, EventRegistrationsDocument, { id: eventId }, organizer.token)).event.registrations.totalCount;
}

it('imports every line when all are valid: slugs or names, contact, skills, availability, people', async () => {
  const event = await createEvent(app, organizer, hostId);
  const csv = [
    'Organization,Contact,Seeking,Offering,Availability,People,maxMeetings',
    `${slugs[0]},events@amani.example.org,legal-clinics;data-analysis,grant-writing,1-2;4,"Wanjiru K.;Otieno M.",3`,
    `"haki yetu ${suffix}",,,,,,`,
    `${slugs[2]},,media-relations,,all,,`,
  ].join('\n');
  const payload = ok(await importCsv(event.id, csv)).eventRegistrationImport;
  expect(payload.userErrors).toEqual([]);
  expect(payload.imported).toBe(3);
  expect(payload.lines.map((l) => [l.line, l.status, l.code])).toEqual([[2, 'ADDED', null], [3, 'ADDED', null], [4, 'ADDED', null]]);
  const regs = ok(await gql(app, EventRegistrationsDocument, { id: event.id }, organizer.token)).event.registrations.nodes;
  const first = regs.find((r) => r.organization?.name.startsWith('Amani'))!;
  expect(first).toMatchObject({
    source: 'IMPORT', contactEmail: 'events@amani.example.org', availableRounds: [1, 2, 4], people: ['Wanjiru K.', 'Otieno M.'], maxMeetings: 3,
  });
  expect(first.seeking.map((s) => s.slug).sort()).toEqual(['data-analysis', 'legal-clinics']);
  // Empty cells take the organization's open needs and capabilities.
  const second = regs.find((r) => r.organization?.name.startsWith('Haki'))!;
  expect([second.seeking.map((s) => s.slug), second.offering.map((s) => s.slug), second.availableRounds]).toEqual([['legal-clinics'], ['grant-writing'], null]);
  // Uploading again updates instead of duplicating.
  const again = ok(await importCsv(event.id, `organization,maxMeetings\n${slugs[1]},2`)).eventRegistrationImport;
  expect(again.lines.map((l) => l.status)).toEqual(['UPDATED']);
  expect(await count(event.id)).toBe(3);
});

it('refuses the whole file when any line is refused, reporting each line and why', async () => {
  const event = await createEvent(app, organizer, hostId, { capacity: 3 });
  const csv = [
    'organization,contact,seeking,offering,availability',
    `${slugs[0]},ok@example.org,,,`,
    'no-such-organization,,,,',
    `Hidden ${suffix},,,,`,
    `${slugs[1]},not-an-email,,,`,
    `${slugs[2]},,no-such-skill,,`,
    `${slugs[0]},,,,`,
    "Import Host,,,,9",
  ].join('\r\n');
  const payload = ok(await importCsv(event.id, csv)).eventRegistrationImport;
  expect(payload.imported).toBe(0);
  expect(payload.userErrors.map((e) => [e.code, e.field])).toEqual([['IMPORT_REFUSED', 'input.csv']]);
  expect(payload.lines.map((l) => [l.line, l.status, l.code])).toEqual([
    [2, 'ADDED', null],
    [3, 'REFUSED', 'UNKNOWN_ORGANIZATION'],
    // A PRIVATE organization the organizer may not see is refused exactly like one that does not exist.
    [4, 'REFUSED', 'UNKNOWN_ORGANIZATION'],
    [5, 'REFUSED', 'INVALID_EMAIL'],
    [6, 'REFUSED', 'UNKNOWN_SKILL'],
    [7, 'REFUSED', 'DUPLICATE_LINE'],
    [8, 'REFUSED', 'INVALID_ROUNDS'],
  ]);
  expect(payload.lines[1].message).toMatch(/no organization you can see/i);
  expect(await count(event.id)).toBe(0); // nothing half-imported: line 2 was rolled back too
  // A dry run reports and writes nothing even when every line is fine.
  const dry = ok(await importCsv(event.id, `organization\n${slugs[0]}\n${slugs[1]}`, true)).eventRegistrationImport;
  expect([dry.imported, dry.lines.map((l) => l.status), dry.userErrors.map((e) => e.code)]).toEqual([0, ['ADDED', 'ADDED'], ['DRY_RUN']]);
  expect(await count(event.id)).toBe(0);
  // The capacity counts the whole file.
  const full = ok(await importCsv(event.id, `organization\n${slugs.join('\n')}\nimport-host`)).eventRegistrationImport;
  expect(full.lines.map((l) => l.code)).toEqual([null, null, null, 'EVENT_FULL']);
  expect(await count(event.id)).toBe(0);
});

it('answers broken files, unknown columns and strangers clearly', async () => {
  const event = await createEvent(app, organizer, hostId);
  const broken = ok(await importCsv(event.id, 'organization\n"unclosed')).eventRegistrationImport;
  expect(broken.userErrors.map((e) => e.code)).toEqual(['INVALID_CSV']);
  const columns = ok(await importCsv(event.id, 'organisation,colour\nx,y')).eventRegistrationImport;
  expect(columns.userErrors.map((e) => e.code)).toEqual(['INVALID_CSV']);
  expect(columns.userErrors[0].message).toMatch(/organisation/);
  expect(errorCode(await importCsv(event.id, `organization\n${slugs[0]}`, false, other.token))).toBe('NOT_FOUND'); // a DRAFT it cannot see
});
