// Quality of the coalition heuristic against the exact optimum on small random instances.
// Run: npx ts-node --transpile-only bench/matching-quality.ts [instances] [seed]
// Ratios are heuristic objective / exact objective of the SAME coalitionObjective.
import { coalitionObjective, exactBestCoalition, suggestCoalitions } from '../src/matching/index.js';
import type { CoalitionInput, EngineCapability, EngineOrg, Level } from '../src/matching/index.js';

export const ALL_CATEGORIES = [
  'FUNDRAISING', 'POLICY', 'COMMUNITY_TIES', 'MONITORING_TOOLS', 'LEGAL_AID', 'COMMUNICATIONS', 'RESEARCH',
  'TRAINING', 'VOLUNTEERS', 'DIGITAL_SECURITY', 'PSYCHOSOCIAL_SUPPORT', 'TRANSLATION', 'LOGISTICS',
];
const KINDS = ['NGO', 'COMMUNITY_GROUP', 'FAITH_BASED', 'LEGAL_AID', 'MEDIA', 'UNION', 'NETWORK', 'ACADEMIC', 'FOUNDATION'];
const ISSUES = ['refugee-resettlement', 'press-freedom', 'land-rights', 'climate-justice', 'labour-rights', 'child-rights', 'digital-rights', 'housing-rights'];

/** mulberry32: small, fast, seeded; the bench must be reproducible. */
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

export interface QualityReport {
  instances: number;
  compared: number;
  infeasible: number;
  meanRatio: number;
  worstRatio: number;
  optimalShare: number;
  heuristicMsMean: number;
  heuristicMsMax: number;
  exactMsMean: number;
  exactMsMax: number;
}

export function runQualityBench(opts: { instances?: number; seed?: number; instance?: InstanceOptions } = {}): QualityReport {
  const instances = opts.instances ?? 100;
  const seed = opts.seed ?? 20261121;
  const ratios: number[] = [];
  let infeasible = 0;
  let optimal = 0;
  const hTimes: number[] = [];
  const eTimes: number[] = [];
  for (let k = 0; k < instances; k++) {
    const input = randomInstance(seed + k * 7919, opts.instance);
    let t0 = performance.now();
    const alt = suggestCoalitions(input)[0];
    hTimes.push(performance.now() - t0);
    t0 = performance.now();
    const exact = exactBestCoalition(input);
    eTimes.push(performance.now() - t0);
    if (!exact) {
      infeasible++;
      if (alt) throw new Error(`instance ${k}: heuristic found a coalition the exact solver calls infeasible`);
      continue;
    }
    if (!alt) { ratios.push(0); continue; }
    // Re-evaluate from the member list with the public function, so both sides use the same objective.
    const byId = new Map(input.candidates.map((o) => [o.id, o]));
    const h = coalitionObjective(alt.memberIds.map((id) => byId.get(id)!), input);
    const e = coalitionObjective(exact.memberIds.map((id) => byId.get(id)!), input);
    if (Math.abs(e - exact.score) > 1e-6) throw new Error(`instance ${k}: exact score mismatch`);
    if (h > e + 1e-6) throw new Error(`instance ${k}: heuristic ${h} beats "exact" ${e}`);
    if (h >= e - 1e-9) optimal++;
    ratios.push(h / e);
  }
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  return {
    instances,
    compared: ratios.length,
    infeasible,
    meanRatio: mean(ratios),
    worstRatio: ratios.length ? Math.min(...ratios) : 1,
    optimalShare: ratios.length ? optimal / ratios.length : 1,
    heuristicMsMean: mean(hTimes),
    heuristicMsMax: Math.max(...hTimes),
    exactMsMean: mean(eTimes),
    exactMsMax: Math.max(...eTimes),
  };
}

if (require.main === module) {
  const instances = Number(process.argv[2] ?? 100);
  const seed = Number(process.argv[3] ?? 20261121);
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  const variants: [string, InstanceOptions][] = [
    ['standard (30-60 candidates, 1-4 capabilities, 5% conflicts)', {}],
    ['scarce (30-60 candidates, 1-2 capabilities, 10% conflicts)', { maxCapabilities: 2, conflictRate: 0.1 }],
  ];
  const rows: Record<string, Record<string, string>> = {};
  for (const [label, instance] of variants) {
    const r = runQualityBench({ instances, seed, instance });
    rows[label] = {
      compared: `${r.compared}/${r.instances}`,
      'mean ratio': pct(r.meanRatio),
      'worst ratio': pct(r.worstRatio),
      'exact hits': pct(r.optimalShare),
      'heuristic ms mean/max': `${r.heuristicMsMean.toFixed(1)}/${r.heuristicMsMax.toFixed(1)}`,
      'exact ms mean/max': `${r.exactMsMean.toFixed(1)}/${r.exactMsMax.toFixed(1)}`,
    };
  }
  console.log(`coalition heuristic vs exact optimum of coalitionObjective (seed ${seed}, choose 3..6, 6 of 13 categories)`);
  console.table(rows);
}
