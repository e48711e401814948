import {
  CapabilityLevel, LocationPrecision, NeedPriority, NeedStatus, OrganizationKind, SizeBand, Visibility,
} from '../../src/core/enums.js';

// The demo set is plain typed data: reviewers read it like a fixture, and the loader is the only code that
// knows how it maps onto tables. Slugs (skills, issue areas) are resolved to ids at load time.

export interface DemoCapability {
  skill: string;
  level: CapabilityLevel;
  /** How many partners or people the organization can serve at once; null when it does not say. */
  capacity: number | null;
  remote: boolean;
  description: string;
}

export interface DemoNeed {
  skill: string;
  priority: NeedPriority;
  issueArea?: string;
  status?: NeedStatus;
  remoteOk: boolean;
  /** ISO date (YYYY-MM-DD). */
  neededBy?: string;
  description: string;
}

export interface DemoOrganization {
  /** The URL name; for a PRIVATE organization only the demo key (it is stored with a random slug). */
  slug: string;
  name: string;
  mission: string;
  kind: OrganizationKind;
  sizeBand: SizeBand;
  country: string;
  region: string;
  city: string;
  /** The position as the organization entered it; the public position is always derived with coarsen(). */
  latitude: number;
  longitude: number;
  precision: LocationPrecision;
  visibility: Visibility;
  anonymousSuggestions?: boolean;
  languages: string[];
  website?: string;
  contactEmail?: string;
  fundingDisclosure?: string;
  verified?: boolean;
  dealbreakerKinds?: OrganizationKind[];
  issueAreas: string[];
  capabilities: DemoCapability[];
  needs: DemoNeed[];
  /** Email of the demo user who owns it (see DEMO_USERS); most demo organizations have no members. */
  owner?: string;
}

export interface DemoUser {
  email: string;
  displayName: string;
}

// Short constructors keep the city files readable: one capability or need per line.
export const cap = (
  skill: string, level: CapabilityLevel, capacity: number | null, remote: boolean, description: string,
): DemoCapability => ({ skill, level, capacity, remote, description });

export const need = (
  skill: string, priority: NeedPriority, issueArea: string | undefined, remoteOk: boolean, description: string,
  extra: { status?: NeedStatus; neededBy?: string } = {},
): DemoNeed => ({ skill, priority, issueArea, remoteOk, description, ...extra });

export {
  CapabilityLevel as L, LocationPrecision as P, NeedPriority as N, NeedStatus as S, OrganizationKind as K,
  SizeBand as B, Visibility as V,
};

// Demo accounts. Emails are lower-case because users.email is compared lower-cased everywhere.
export const DEMO_OWNER = 'demo-owner@example.org';
export const DEMO_DEFENDER = 'demo-defender@example.org';
export const DEMO_COORDINATOR = 'demo-coordinator@example.org';
