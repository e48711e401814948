import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';
import { MembershipRole, NeedStatus, Visibility } from '../src/core/enums.js';
import { randomSlug } from '../src/core/slug.js';
import {
  type CapabilityRow, insertCapabilities, insertIssueAreaLinks, insertMemberships, insertNeeds, insertOrganizations,
  loadTaxonomyIds, type NeedRow, type OrganizationRow, type QueryFn,
} from './bulk-insert.js';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS, type DemoOrganization } from './demo-data.js';
import { seedDemoCoalitions } from './demo-coalitions.js';
import { seedDemoGovernance } from './demo-governance.js';
import { seedDemoVouches } from './demo-vouches.js';
import { seedDemoAlerts } from './demo-alerts.js';
import { seedDemoEvent } from './demo-event.js';
import { insertDemoOffers } from './load-demo-offers.js';
import { insertDemoRequests } from './load-demo-requests.js';

// Two processes starting at once against one empty database (two API replicas, or `npm start` next to
// `npm run seed`) must not both seed: a transaction-scoped advisory lock serializes them, and the second one
// then finds every slug taken and inserts nothing.
const SEED_LOCK_KEY = 'coalesce:demo-seed';

function lookup(map: Map<string, string>, slug: string, what: string, org: string): string {
  const id = map.get(slug);
  // A slug missing from the taxonomy is a bug in the demo data, not something to skip quietly.
  if (!id) throw new Error(`Demo organization ${org} refers to unknown ${what} "${slug}"`);
  return id;
}

/** PRIVATE demo organizations are stored with a random slug, like any PRIVATE organization: theirs is only a key. */
const isPrivate = (org: DemoOrganization) => org.visibility === Visibility.PRIVATE;

function organizationRow(org: DemoOrganization, id: string): OrganizationRow {
  return {
    id, slug: isPrivate(org) ? randomSlug() : org.slug, name: org.name, mission: org.mission, kind: org.kind, sizeBand: org.sizeBand,
    country: org.country, region: org.region, city: org.city, latitude: org.latitude, longitude: org.longitude,
    locationPrecision: org.precision, visibility: org.visibility, anonymousSuggestions: org.anonymousSuggestions ?? false,
    languages: org.languages, website: org.website ?? null, contactEmail: org.contactEmail?.toLowerCase() ?? null,
    fundingDisclosure: org.fundingDisclosure ?? null, verified: org.verified ?? false,
    dealbreakerKinds: org.dealbreakerKinds ?? [], createdAt: new Date(),
  };
}

/**
 * Loads the demo users and organizations, in one transaction. Idempotent: organizations are matched by slug
 * (PRIVATE ones, whose stored slug is random, by name) and users by email, and only what is missing is inserted
 * (an existing account keeps its password).
 * Memberships are created only for organizations inserted by this call, so a demo account can never become
 * owner of a real organization that happens to use a demo slug.
 *
 * @returns organizations: how many organizations this call inserted; inserted: whether it inserted anything.
 */
export async function loadDemoData(
  ds: DataSource, log: (msg: string) => void = () => undefined,
): Promise<{ organizations: number; inserted: boolean }> {
  const result = await loadDemoOrganizations(ds, log);
  // The demo event goes through the event services, which read the organizations committed above.
  await seedDemoEvent(ds, log);
  await seedDemoCoalitions(ds, log);
  await seedDemoGovernance(ds, log);
  await seedDemoVouches(ds, log);
  await seedDemoAlerts(ds, log);
  return result;
}

async function loadDemoOrganizations(
  ds: DataSource, log: (msg: string) => void,
): Promise<{ organizations: number; inserted: boolean }> {
  return ds.transaction(async (manager) => {
    const query: QueryFn = (sql, params) => manager.query(sql, params);
    await query('SELECT pg_advisory_xact_lock(hashtext($1))', [SEED_LOCK_KEY]);

    const taxonomy = await loadTaxonomyIds(query);
    // Resolve every slug before writing anything, so bad data fails without a half-written transaction.
    for (const org of DEMO_ORGANIZATIONS) {
      org.issueAreas.forEach((s) => lookup(taxonomy.issueAreas, s, 'issue area', org.slug));
      org.capabilities.forEach((c) => lookup(taxonomy.skills, c.skill, 'skill', org.slug));
      org.needs.forEach((n) => {
        lookup(taxonomy.skills, n.skill, 'skill', org.slug);
        if (n.issueArea) lookup(taxonomy.issueAreas, n.issueArea, 'issue area', org.slug);
      });
    }

    const userIds = new Map<string, string>();
    let usersInserted = 0;
    for (const user of DEMO_USERS) {
      const email = user.email.toLowerCase();
      const existing = (await query('SELECT id FROM users WHERE email = $1', [email])) as { id: string }[];
      if (existing.length > 0) {
        userIds.set(email, existing[0].id);
        continue;
      }
      // argon2id with the library's defaults, the same as accounts created through the API.
      const passwordHash = await hash(DEMO_PASSWORD);
      const rows = (await query(
        // Demo accounts count as confirmed, so they can sign in at once.
        `INSERT INTO users (email, display_name, password_hash, email_verified_at) VALUES ($1, $2, $3, now()) RETURNING id`,
        [email, user.displayName, passwordHash],
      )) as { id: string }[];
      userIds.set(email, rows[0].id);
      usersInserted++;
    }

    // A demo slug someone reserved (see reserved_slugs) counts as taken too.
    const slugs = DEMO_ORGANIZATIONS.filter((o) => !isPrivate(o)).map((o) => o.slug);
    const taken = (await query(
      'SELECT slug FROM organizations WHERE slug = ANY($1::text[]) UNION SELECT slug FROM reserved_slugs WHERE slug = ANY($1::text[])',
      [slugs],
    )) as { slug: string }[];
    const takenSlugs = new Set(taken.map((t) => t.slug));
    const privateNames = DEMO_ORGANIZATIONS.filter(isPrivate).map((o) => o.name);
    const named = (await query('SELECT DISTINCT name FROM organizations WHERE name = ANY($1::text[])', [privateNames])) as {
      name: string;
    }[];
    const takenNames = new Set(named.map((n) => n.name));
    const present = (o: DemoOrganization) => (isPrivate(o) ? takenNames.has(o.name) : takenSlugs.has(o.slug));
    const missing = DEMO_ORGANIZATIONS.filter((o) => !present(o));
    const idBySlug = new Map(missing.map((o) => [o.slug, randomUUID()]));
    const insertedIds = await insertOrganizations(query, missing.map((o) => organizationRow(o, idBySlug.get(o.slug)!)));
    const inserted = missing.filter((o) => insertedIds.has(idBySlug.get(o.slug)!));

    const capabilities: CapabilityRow[] = [];
    const needs: NeedRow[] = [];
    const links: { organizationId: string; issueAreaId: string }[] = [];
    const memberships: { organizationId: string; userId: string; role: string }[] = [];
    for (const org of inserted) {
      const organizationId = idBySlug.get(org.slug)!;
      for (const slug of org.issueAreas) links.push({ organizationId, issueAreaId: taxonomy.issueAreas.get(slug)! });
      for (const c of org.capabilities) {
        capabilities.push({
          organizationId, skillId: taxonomy.skills.get(c.skill)!, level: c.level, capacity: c.capacity,
          remote: c.remote, description: c.description,
        });
      }
      for (const n of org.needs) {
        needs.push({
          organizationId, skillId: taxonomy.skills.get(n.skill)!, priority: n.priority,
          issueAreaId: n.issueArea ? taxonomy.issueAreas.get(n.issueArea)! : null, neededBy: n.neededBy ?? null,
          status: n.status ?? NeedStatus.OPEN, remoteOk: n.remoteOk, description: n.description,
        });
      }
      const ownerId = org.owner ? userIds.get(org.owner.toLowerCase()) : undefined;
      if (ownerId) memberships.push({ organizationId, userId: ownerId, role: MembershipRole.OWNER });
    }
    await insertIssueAreaLinks(query, links);
    await insertCapabilities(query, capabilities);
    await insertNeeds(query, needs);
    await insertMemberships(query, memberships);
    const offerIds = await insertDemoOffers(query, inserted.map((org) => ({
      org, id: idBySlug.get(org.slug)!, ownerId: org.owner ? userIds.get(org.owner.toLowerCase()) ?? null : null,
    })), taxonomy);
    const requests = await insertDemoRequests(query, offerIds, new Map(inserted.map((org) => [org.slug, idBySlug.get(org.slug)!])), taxonomy.skills);

    log(
      `demo data: ${inserted.length} organizations inserted (${DEMO_ORGANIZATIONS.length - missing.length} already present), ` +
        `${usersInserted} users inserted, ${capabilities.length} capabilities, ${needs.length} needs, ${offerIds.size} offers, ${requests} offer requests`,
    );
    return { organizations: inserted.length, inserted: inserted.length > 0 || usersInserted > 0 };
  });
}
