import { LocationPrecision, OrganizationKind, Visibility } from '../../src/core/enums.js';
import { coarsen } from '../../src/privacy/location-rules.js';
import { CATEGORY_SEEDS, ISSUE_AREA_SEEDS } from '../../src/taxonomy/taxonomy.data.js';
import { DEMO_ORGANIZATIONS, DEMO_USERS } from '../../seeds/demo-data.js';

// Pure checks of the demo set (no database): a typo in a slug would otherwise only surface when the service
// seeds an empty database at start-up.

const skillSlugs = new Set(CATEGORY_SEEDS.flatMap((c) => c.skills.map(([slug]) => slug)));
const issueSlugs = new Set(ISSUE_AREA_SEEDS.map(([slug]) => slug));

describe('demo data', () => {
  it('is large and spread over several countries', () => {
    expect(DEMO_ORGANIZATIONS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(DEMO_ORGANIZATIONS.map((o) => o.country)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(DEMO_ORGANIZATIONS.map((o) => o.kind))).toEqual(new Set(Object.values(OrganizationKind)));
  });

  it('includes at-risk organizations and coarse locations', () => {
    const priv = DEMO_ORGANIZATIONS.filter((o) => o.visibility === Visibility.PRIVATE);
    expect(priv.length).toBeGreaterThanOrEqual(6);
    expect(priv.some((o) => o.anonymousSuggestions)).toBe(true);
    expect(DEMO_ORGANIZATIONS.filter((o) => o.visibility === Visibility.NETWORK).length).toBeGreaterThanOrEqual(3);
    for (const precision of Object.values(LocationPrecision)) {
      expect(DEMO_ORGANIZATIONS.filter((o) => o.precision === precision).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('has unique slugs and sane profiles', () => {
    const slugs = DEMO_ORGANIZATIONS.map((o) => o.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const org of DEMO_ORGANIZATIONS) {
      expect(org.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(org.slug.startsWith('syn-')).toBe(false); // reserved for synthetic data, which --reset deletes
      expect(org.issueAreas.length).toBeGreaterThanOrEqual(1);
      expect(org.issueAreas.length).toBeLessThanOrEqual(4);
      expect(org.capabilities.length).toBeGreaterThanOrEqual(2);
      expect(org.capabilities.length).toBeLessThanOrEqual(5);
      expect(org.needs.length).toBeGreaterThanOrEqual(1);
      expect(org.needs.length).toBeLessThanOrEqual(4);
      expect(org.languages.every((l) => /^[a-z]{2,3}$/.test(l))).toBe(true);
      if (org.website) expect(new URL(org.website).hostname).toMatch(/(^|\.)example\.org$/);
      if (org.contactEmail) expect(org.contactEmail).toMatch(/@([a-z0-9-]+\.)*example\.org$/);
      // One capability per skill: the table has a unique (organization, skill) key.
      expect(new Set(org.capabilities.map((c) => c.skill)).size).toBe(org.capabilities.length);
      expect(coarsen({ latitude: org.latitude, longitude: org.longitude }, org.precision) === null)
        .toBe(org.precision === LocationPrecision.COUNTRY);
    }
  });

  it('refers only to skills and issue areas of the taxonomy', () => {
    for (const org of DEMO_ORGANIZATIONS) {
      for (const slug of org.issueAreas) expect([org.slug, issueSlugs.has(slug)]).toEqual([org.slug, true]);
      for (const c of org.capabilities) expect([org.slug, skillSlugs.has(c.skill)]).toEqual([org.slug, true]);
      for (const n of org.needs) {
        expect([org.slug, skillSlugs.has(n.skill)]).toEqual([org.slug, true]);
        if (n.issueArea) expect([org.slug, issueSlugs.has(n.issueArea)]).toEqual([org.slug, true]);
      }
    }
  });

  it('gives every owner a demo account with a lower-case email', () => {
    const emails = new Set(DEMO_USERS.map((u) => u.email));
    for (const email of emails) expect(email).toBe(email.toLowerCase());
    const owners = DEMO_ORGANIZATIONS.flatMap((o) => (o.owner ? [o.owner] : []));
    expect(owners.length).toBeGreaterThan(0);
    for (const owner of owners) expect(emails.has(owner)).toBe(true);
  });
});
