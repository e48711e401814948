import type { DataSource, EntityManager } from 'typeorm';
import { markNeedUrgent } from '../src/alerts/urgent-alert.service.js';
import { matchOffer, matchOrganization } from '../src/saved-searches/saved-search-matching.service.js';
import { createSavedSearch } from '../src/saved-searches/saved-search.service.js';
import { demoContextFor } from './demo-context.js';
import { DEMO_COORDINATOR, DEMO_OWNER } from './demo-data.js';

// Urgent-need alerts and saved searches in the demo, so `npm start` shows both to the demo owner:
// - RefugeLink East Africa (demo coordinator, Nairobi) marks its CRITICAL need for asylum representation urgent; it
//   accepts remote help, so it reaches, among others, the Hellenic Asylum Lawyers Group (demo owner, Athens), which
//   offers that skill remotely: urgentNeedAlerts(organizationId) shows the alert with its reasons.
// - Mtaa Haki Collective (demo owner, Nairobi) keeps two saved searches: legal clinics near Mathare (organizations)
//   and security or documentation trainings (offers). Their matches are what the matcher would have found had the
//   demo organizations and offers appeared after the searches: every organization and offer is matched once, with
//   the real matching (saved-search-matching.service.ts), so savedSearches shows them unseen.
// Through the services, each in its own transaction; skipped when already done (idempotent) or when the demo
// organizations are absent.

const URGENT = { organization: 'refuge-link-east-africa', skill: 'asylum-representation' };
const SEARCHING = 'mtaa-haki-collective';
const MATHARE = { latitude: -1.2621, longitude: 36.859 };
export const DEMO_SAVED_SEARCHES = ['Legal clinics near Mathare', 'Security and documentation trainings'] as const;

async function seedUrgentNeed(ds: DataSource, log: (msg: string) => void): Promise<void> {
  const [need]: { id: string; organizationId: string; urgent: boolean }[] = await ds.query(
    `SELECT n.id, n.organization_id AS "organizationId", n.urgent_at IS NOT NULL AS urgent FROM needs n JOIN organizations o ON o.id = n.organization_id
     JOIN skills s ON s.id = n.skill_id WHERE o.slug = $1 AND s.slug = $2 AND n.status = 'OPEN'`,
    [URGENT.organization, URGENT.skill],
  );
  if (!need || need.urgent) return;
  const coordinator = await demoContextFor(ds, DEMO_COORDINATOR);
  if (!coordinator.viewer.isMemberOf(need.organizationId)) return; // a real organization that took the demo slug
  await ds.transaction((tx) => markNeedUrgent(coordinator, tx, { needId: need.id }));
  const [{ recipients }]: { recipients: number }[] = await ds.query(
    `SELECT count(*)::int AS recipients FROM urgent_alert_recipients r JOIN urgent_alerts a ON a.id = r.alert_id WHERE a.need_id = $1`, [need.id]);
  log(`demo urgent need: ${URGENT.organization} ${URGENT.skill}, alerted ${recipients} organizations`);
}

async function skillIds(tx: EntityManager, slugs: string[]): Promise<string[]> {
  const rows: { id: string }[] = await tx.query('SELECT id FROM skills WHERE slug = ANY($1::text[]) ORDER BY slug', [slugs]);
  return rows.map((r) => r.id);
}

async function seedSavedSearches(ds: DataSource, log: (msg: string) => void): Promise<void> {
  const [org]: { id: string }[] = await ds.query('SELECT id FROM organizations WHERE slug = $1', [SEARCHING]);
  if (!org) return;
  const ctx = await demoContextFor(ds, DEMO_OWNER);
  if (!ctx.viewer.isMemberOf(org.id)) return; // a real organization that took the demo slug
  const existing = await ds.query('SELECT 1 FROM saved_searches WHERE organization_id = $1 AND name = ANY($2::text[])', [org.id, [...DEMO_SAVED_SEARCHES]]);
  if (existing.length) return;
  const matches = await ds.transaction(async (tx) => {
    await createSavedSearch(ctx, tx, {
      organizationId: org.id, name: DEMO_SAVED_SEARCHES[0],
      organizationFilter: { skillIdsOffered: await skillIds(tx, ['legal-clinics']), near: { ...MATHARE, radiusKm: 30 } },
    } as never);
    await createSavedSearch(ctx, tx, {
      organizationId: org.id, name: DEMO_SAVED_SEARCHES[1],
      offerFilter: { skillIds: await skillIds(tx, ['digital-security-training', 'human-rights-documentation']), openOnly: true },
    } as never);
    // The backlog, matched as the matcher matches new subjects (a subject matches a search once). Only when these
    // are the only saved searches (a fresh demo database): anyone else's search keeps matching new subjects only.
    const [{ others }]: { others: number }[] = await tx.query('SELECT count(*)::int AS others FROM saved_searches WHERE organization_id <> $1', [org.id]);
    if (others > 0) return 0;
    let count = 0;
    const organizations: { id: string }[] = await tx.query('SELECT id FROM organizations ORDER BY created_at, id');
    for (const { id } of organizations) count += await matchOrganization(tx, id);
    const offers: { id: string }[] = await tx.query('SELECT id FROM offers ORDER BY created_at, id');
    for (const { id } of offers) count += await matchOffer(tx, id);
    return count;
  });
  log(`demo saved searches: ${DEMO_SAVED_SEARCHES.length} for ${SEARCHING}, ${matches} matches`);
}

/** Seeds the demo urgent need and saved searches; each part is skipped when present. */
export async function seedDemoAlerts(ds: DataSource, log: (msg: string) => void = () => undefined): Promise<void> {
  await seedUrgentNeed(ds, log);
  await seedSavedSearches(ds, log);
}
