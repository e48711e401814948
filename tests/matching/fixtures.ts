// Small builders so each test states only what matters to it.
import type { EngineCapability, EngineNeed, EngineOrg, Level, Priority, TrustGraph } from '../../src/matching/index.js';

export const NAIROBI = { lat: -1.2864, lng: 36.8172 };

export function cap(skillId: string, level: Level, extra: Partial<EngineCapability> = {}): EngineCapability {
  const categoryId = extra.categoryId ?? skillId.split(':')[0];
  return {
    skillId,
    skillName: extra.skillName ?? skillId.split(':')[1] ?? skillId,
    categoryId,
    categoryName: extra.categoryName ?? categoryId,
    level,
    remote: false,
    capacity: null,
    ...extra,
  };
}

export function need(skillId: string, priority: Priority, extra: Partial<EngineNeed> = {}): EngineNeed {
  const categoryId = extra.categoryId ?? skillId.split(':')[0];
  return {
    id: `need-${skillId}-${priority}`,
    skillId,
    skillName: extra.skillName ?? skillId.split(':')[1] ?? skillId,
    categoryId,
    categoryName: extra.categoryName ?? categoryId,
    priority,
    remoteOk: false,
    issueAreaId: null,
    ...extra,
  };
}

export function org(id: string, extra: Partial<EngineOrg> = {}): EngineOrg {
  return {
    id,
    name: extra.name ?? `Org ${id}`,
    kind: 'NGO',
    communityBased: false,
    country: 'KE',
    location: { ...NAIROBI, precision: 'EXACT' },
    issueAreaIds: [],
    issueAreaNames: { refugee: 'Refugee resettlement', press: 'Press freedom', land: 'Land rights' },
    languages: ['en'],
    capabilities: [],
    needs: [],
    dealbreakerKinds: [],
    dealbreakerOrgIds: [],
    pendingRequests: 0,
    verified: true,
    ...extra,
  };
}

/** A point `km` kilometres east of Nairobi (along the equator, 1 degree of longitude ~ 111.2 km). */
export function eastOfNairobi(km: number, precision: 'EXACT' | 'CITY' | 'REGION' | 'COUNTRY' = 'EXACT') {
  return { lat: NAIROBI.lat, lng: NAIROBI.lng + km / 111.16, precision };
}

export function trustGraph(pairs: [string, string][], names: Record<string, string> = {}): TrustGraph {
  const collaborators = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    if (!collaborators.has(a)) collaborators.set(a, new Set());
    if (!collaborators.has(b)) collaborators.set(b, new Set());
    collaborators.get(a)!.add(b);
    collaborators.get(b)!.add(a);
  }
  return { collaborators, names: new Map(Object.entries(names)) };
}

export const NO_TRUST: TrustGraph = { collaborators: new Map() };
