import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { EventDocumentLinkDocument } from '../generated/graphql.js';
import { createOrg, signUp, type TestUser } from '../support/factories.js';
import { agendaOf, startedEvent } from '../support/events-after-fixtures.js';
import { gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The printable agenda proven to print: a real headless Chromium (Debian's `chromium`; .ci/run installs it) opens the
// signed link, the page's scripts would run if any got in (none does: a name with <script> is text), it is printed to
// PDF, and the PDF's text (extracted by pdfjs-dist) holds the names, rounds, times and code, and nothing hidden.

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

let app: TestApp;
let organizer: TestUser;
let hostId: string;
let profile: string;
let browser: BrowserContext;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
  app = await startTestApp();
  organizer = await signUp(app, 'Print organizer');
  hostId = (await createOrg(app, organizer, { name: 'Print Host Network', kind: 'NETWORK' })).id;
  profile = mkdtempSync(join(tmpdir(), 'coalesce-chromium-'));
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await app?.close();
});

function pdfText(pdf: Buffer): { pages: number; text: string } {
  return JSON.parse(execFileSync(process.execPath, [join(__dirname, '../support/pdf-text.mjs')], { input: pdf, maxBuffer: 10 * 1024 * 1024 }).toString());
}

it('an attendee\'s agenda renders in Chromium, prints to PDF with its names, rounds, times and code, and a <script> name stays text', async () => {
  const hostile = '<script>window.pwned=1</script>';
  const { event, attendees } = await startedEvent(app, organizer, hostId, 5, {
    org: (i) => ({ name: i === 0 ? `Amani Legal ${hostile}` : i === 4 ? 'Hidden Refuge Circle' : `Partner Org ${i}`, ...(i === 4 ? { visibility: 'PRIVATE' as const } : {}) }),
    registration: (i) => ({ people: i === 0 ? ['Wanjiru Otieno', '<img src=x onerror="window.pwned=2">'] : [`Delegate ${i}`] }),
  });
  const me = attendees[0];
  const agenda = await agendaOf(app, event.id, me);
  const link = ok(await gql(app, EventDocumentLinkDocument, { id: event.id, kind: 'AGENDA', organizationId: me.org.id, timeZone: 'Africa/Nairobi' }, me.user.token)).event.documentLink;

  const page = await browser.newPage();
  const response = await page.goto(`${app.baseUrl}${link.url}`);
  expect(response?.status()).toBe(200);
  expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(await page.locator('script, img').count()).toBe(0);
  expect(await page.locator('h2').first().textContent()).toBe(`Agenda of Amani Legal ${hostile}`);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.close();
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  const { pages, text } = pdfText(pdf);
  const flat = text.replace(/\s+/g, ' ');
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(flat).toContain('Networking day');
  expect(flat).toContain(`Agenda of Amani Legal ${hostile}`);
  expect(flat).toContain('Wanjiru Otieno');
  // The code is printed letter-spaced (easier to read out at the door): its letters, in order.
  expect(/Check-in code: ([A-Z0-9 ]+?) Round/.exec(flat)?.[1].replace(/ /g, '')).toBe(agenda.registration.checkInCode);
  // Every round with its time in Nairobi (UTC+3), and every counterpart as the agenda names it.
  const hhmm = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Nairobi', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  for (const item of agenda.items) {
    expect(flat).toContain(hhmm(item.startsAt));
    for (const c of item.with) expect(flat).toContain(c.organization ? c.organization.name : 'Anonymous ngo');
  }
  expect(agenda.items.length).toBe(4);
  expect(flat).toMatch(/Round Time Table You meet 1 /);
  // Nothing hidden: the PRIVATE attendee is never named, and neither is anyone this agenda does not meet.
  expect(flat).not.toContain('Hidden Refuge Circle');
  const met = new Set(agenda.items.flatMap((i) => i.with.map((c) => c.organization?.id)));
  for (const other of attendees.slice(1, 4)) {
    if (!met.has(other.org.id)) expect(flat).not.toContain(other.org.name);
  }
}, 120_000);
