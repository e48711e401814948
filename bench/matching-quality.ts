// Quality of the coalition heuristic against the exact optimum on small random instances.
// Run: npx ts-node --transpile-only bench/matching-quality.ts [instances] [seed]
// Ratios are heuristic objective / exact objective of the SAME coalitionObjective.
import { coalitionObjective, suggestCoalitions } from '../src/matching/index.js';
import { exactBestCoalition } from '../src/matching/reference/exact-coalition.js';
import { randomInstance, type InstanceOptions } from '../src/matching/reference/random-instances.js';

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
