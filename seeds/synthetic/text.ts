import { CapabilityLevel, NeedPriority, OrganizationKind } from '../../src/core/enums.js';
import { pick, type Rng } from './random.js';

// Names and texts for synthetic organizations: varied enough that full-text and trigram search behave as on
// real data (many distinct words, shared vocabulary), cheap enough to make a million of them.

const KIND_NOUNS: Record<OrganizationKind, string[]> = {
  [OrganizationKind.NGO]: ['Initiative', 'Centre', 'Rights Foundation', 'Institute', 'Project', 'Association'],
  [OrganizationKind.COMMUNITY_GROUP]: ['Collective', 'Residents\' Committee', 'Neighbourhood Group', 'Circle', 'Assembly'],
  [OrganizationKind.FAITH_BASED]: ['Ministry', 'Interfaith Council', 'Parish Outreach', 'Fellowship', 'Mission'],
  [OrganizationKind.LEGAL_AID]: ['Legal Aid Clinic', 'Lawyers\' Collective', 'Law Centre', 'Justice Project'],
  [OrganizationKind.MEDIA]: ['Media Lab', 'Press Collective', 'Newsroom', 'Radio', 'Reporting Project'],
  [OrganizationKind.UNION]: ['Workers\' Union', 'Trade Union', 'Workers\' Federation', 'Labour Alliance'],
  [OrganizationKind.NETWORK]: ['Network', 'Coalition', 'Alliance', 'Platform'],
  [OrganizationKind.ACADEMIC]: ['Research Centre', 'Observatory', 'Law Clinic', 'Studies Programme'],
  [OrganizationKind.FOUNDATION]: ['Fund', 'Foundation', 'Trust', 'Solidarity Fund'],
};
const ADJECTIVES = [
  'Open', 'United', 'New', 'Free', 'Common', 'Bright', 'Bridge', 'Horizon', 'Solidarity', 'Dignity', 'Voices',
  'Hope', 'Unity', 'Equal', 'Rising', 'Open Doors', 'Roots', 'Harbour', 'Lighthouse', 'Compass', 'Seedling',
];
const AUDIENCES = [
  'women and girls', 'young people', 'displaced families', 'migrant workers', 'people in detention',
  'indigenous communities', 'persons with disabilities', 'informal workers', 'journalists', 'survivors of violence',
  'tenants', 'rural communities', 'LGBTQI+ people', 'human rights defenders', 'children',
];
const VERBS = [
  'Defending', 'Advancing', 'Protecting', 'Organizing for', 'Documenting violations of', 'Campaigning for',
  'Building community power for', 'Providing support on',
];
const FUNDERS = [
  'Member dues and individual donors.', 'Private foundations (60%) and individual donors (40%).',
  'A mix of UN sub-grants and foundation grants.', 'Crowdfunding and small local donations.',
  'European development agencies (50%), foundations (50%).', 'No institutional funding; volunteers only.',
];
const LEVEL_PHRASES: Record<CapabilityLevel, string[]> = {
  [CapabilityLevel.BASIC]: ['Some experience with', 'Can help a little with', 'Volunteers who know'],
  [CapabilityLevel.PROFICIENT]: ['Regular work on', 'A small team for', 'Years of practice in'],
  [CapabilityLevel.EXPERT]: ['Recognised expertise in', 'Senior specialists in', 'Train others in'],
};
const PRIORITY_PHRASES: Record<NeedPriority, string[]> = {
  [NeedPriority.LOW]: ['Would welcome help with', 'Exploring'],
  [NeedPriority.MEDIUM]: ['Looking for a partner for', 'Need support with'],
  [NeedPriority.HIGH]: ['Urgently need', 'Cannot continue without help on'],
  [NeedPriority.CRITICAL]: ['Emergency: need', 'Critical gap in'],
};

const titleCase = (text: string) => text.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());

export function nameFor(rng: Rng, kind: OrganizationKind, city: string, issueName: string): string {
  const noun = pick(rng, KIND_NOUNS[kind]);
  const issue = titleCase(issueName);
  switch (Math.floor(rng() * 3)) {
    case 0:
      return `${city} ${noun} for ${issue}`;
    case 1:
      return `${pick(rng, ADJECTIVES)} ${city} ${noun}`;
    default:
      return `${pick(rng, ADJECTIVES)} ${noun} for ${issue}`;
  }
}

export function missionFor(rng: Rng, issues: { name: string }[], city: string): string {
  const names = issues.map((i) => i.name.toLowerCase());
  const topics = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return `${pick(rng, VERBS)} ${topics} with ${pick(rng, AUDIENCES)} in and around ${city}.`;
}

export function describeCapability(rng: Rng, skill: string, level: CapabilityLevel): string {
  return `${pick(rng, LEVEL_PHRASES[level])} ${skill.toLowerCase()}`;
}

export function describeNeed(rng: Rng, skill: string, priority: NeedPriority): string {
  return `${pick(rng, PRIORITY_PHRASES[priority])} ${skill.toLowerCase()}`;
}

export function fundingDisclosure(rng: Rng): string {
  return pick(rng, FUNDERS);
}
