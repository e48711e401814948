// Seeded random coalition instances, for tests and the quality bench only (not used by the service).
// The generator is reproducible: the same seed and options always give the same instance.
import type { CoalitionInput, EngineCapability, EngineOrg, Level } from '../types.js';

export const ALL_CATEGORIES = [
  'FUNDRAISING', 'POLICY', 'COMMUNITY_TIES', 'MONITORING_TOOLS', 'LEGAL_AID', 'COMMUNICATIONS', 'RESEARCH',
  'TRAINING', 'VOLUNTEERS', 'DIGITAL_SECURITY', 'PSYCHOSOCIAL_SUPPORT', 'TRANSLATION', 'LOGISTICS',
];
const KINDS = ['NGO', 'COMMUNITY_GROUP', 'FAITH_BASED', 'LEGAL_AID', 'MEDIA', 'UNION', 'NETWORK', 'ACADEMIC', 'FOUNDATION'];
const ISSUES = ['refugee-resettlement', 'press-freedom', 'land-rights', 'climate-justice', 'labour-rights', 'child-rights', 'digital-rights', 'housing-rights'];

/** mulberry32: small, fast, seeded; tests and the bench must be reproducible. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function sample<T>(rand: () => number, list: readonly T[], k: number): T[] {
  const copy = list.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, k);
}

export interface InstanceOptions {
  minCandidates?: number;
  maxCandidates?: number;
  conflictRate?: number;
  /** most capabilities per org (default 4); fewer makes coverage scarce and the search harder */
  maxCapabilities?: number;
}

export function randomInstance(seed: number, opts: InstanceOptions = {}): CoalitionInput {
  const rand = prng(seed);
  const lo = opts.minCandidates ?? 30;
  const hi = opts.maxCandidates ?? 60;
  const n = lo + Math.floor(rand() * (hi - lo + 1));
  const orgs: EngineOrg[] = [];
  for (let i = 0; i < n; i++) {
    const caps: EngineCapability[] = sample(rand, ALL_CATEGORIES, 1 + Math.floor(rand() * (opts.maxCapabilities ?? 4))).map((cat) => {
      const x = rand();
      const level: Level = x < 0.4 ? 'BASIC' : x < 0.75 ? 'PROFICIENT' : 'EXPERT';
      const s = Math.floor(rand() * 3);
      return { skillId: `${cat}-${s}`, skillName: `${cat.toLowerCase()} skill ${s}`, categoryId: cat, categoryName: cat, level, remote: rand() < 0.3, capacity: null };
    });
    orgs.push({
      id: `o${String(i).padStart(3, '0')}`,
      name: `Org ${i}`,
      kind: pick(rand, KINDS),
      communityBased: rand() < 0.3,
      country: 'KE',
      location: null,
      issueAreaIds: sample(rand, ISSUES, 1 + Math.floor(rand() * 3)),
      languages: ['en'],
      capabilities: caps,
      needs: [],
      dealbreakerKinds: [],
      dealbreakerOrgIds: [],
      pendingRequests: 0,
      verified: true,
    });
  }
  const collaborators = new Map<string, Set<string>>();
  const conflictRate = opts.conflictRate ?? 0.05;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (rand() < conflictRate) orgs[i].dealbreakerOrgIds!.push(orgs[j].id);
      if (rand() < 0.05) {
        for (const [a, b] of [[i, j], [j, i]]) {
          const set = collaborators.get(orgs[a].id) ?? new Set<string>();
          set.add(orgs[b].id);
          collaborators.set(orgs[a].id, set);
        }
      }
    }
  }
  const maxSize = 3 + Math.floor(rand() * 4);
  const mustInclude = rand() < 0.2 ? [pick(rand, orgs).id] : [];
  return {
    candidates: orgs,
    requiredCategoryIds: sample(rand, ALL_CATEGORIES, 6),
    issueAreaId: pick(rand, ISSUES),
    minSize: 3,
    maxSize,
    mustInclude,
    requireCommunityBased: rand() < 0.7,
    alternatives: 1,
    trust: { collaborators },
  };
}
