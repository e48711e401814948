import { scorePair, type EngineOrg, type LocationPrecision } from '../../src/matching/index.js';
import { eastOfNairobi, org, NO_TRUST } from './fixtures.js';

const at = (id: string, km: number, precision: LocationPrecision, country = 'KE'): EngineOrg =>
  org(id, { issueAreaIds: ['land'], location: eastOfNairobi(km, precision), country });

const pair = (a: EngineOrg, b: EngineOrg) => scorePair(a, b, NO_TRUST)!;

describe('distance wording never finer than the coarser precision', () => {
  it('EXACT/EXACT names whole kilometres (at least 1)', () => {
    expect(pair(at('a', 0, 'EXACT'), at('b', 12.4, 'EXACT'))).toMatchObject({ distanceBand: 'about 12 km apart', distanceKm: 12 });
    expect(pair(at('a', 0, 'EXACT'), at('b', 0.2, 'EXACT'))).toMatchObject({ distanceBand: 'about 1 km apart', distanceKm: 1 });
  });

  it('CITY on either side gives a band and 10 km granularity, never "about N km"', () => {
    const s = pair(at('a', 0, 'EXACT'), at('b', 12.4, 'CITY'));
    expect(s.distanceBand).toBe('within ~25 km (same area)');
    expect(s.distanceKm).toBe(10);
    expect(s.reasons.map((r) => r.text)).toContain('within ~25 km (same area)');
    expect(pair(at('a', 0, 'CITY'), at('b', 60, 'EXACT')).distanceBand).toBe('within ~100 km');
  });

  it('REGION gives ~150 km bands and 100 km granularity', () => {
    const s = pair(at('a', 0, 'REGION'), at('b', 120, 'EXACT'));
    expect(s.distanceBand).toBe('within ~150 km (same region)');
    expect(s.distanceKm).toBe(100);
  });

  it('COUNTRY or a missing location says only same/different country', () => {
    expect(pair(at('a', 0, 'EXACT'), at('b', 3, 'COUNTRY'))).toMatchObject({ distanceBand: 'same country', distanceKm: null });
    const noLocation = org('c', { issueAreaIds: ['land'], location: null, country: 'UG' });
    expect(pair(at('a', 0, 'EXACT'), noLocation)).toMatchObject({ distanceBand: 'different countries', distanceKm: null });
  });

  it('holds for every precision combination and distance', () => {
    const precisions: LocationPrecision[] = ['EXACT', 'CITY', 'REGION', 'COUNTRY'];
    const step: Record<LocationPrecision, number | null> = { EXACT: 1, CITY: 10, REGION: 100, COUNTRY: null };
    const rank = (p: LocationPrecision) => precisions.indexOf(p);
    for (const pa of precisions) {
      for (const pb of precisions) {
        for (const km of [0.3, 4, 19, 26, 80, 140, 160, 480, 900, 5000]) {
          const s = pair(at('a', 0, pa), at('b', km, pb));
          const coarser = rank(pa) >= rank(pb) ? pa : pb;
          const texts = [s.distanceBand ?? '', ...s.reasons.map((r) => r.text)];
          if (coarser !== 'EXACT') expect(texts.some((t) => /about \d/.test(t))).toBe(false);
          if (step[coarser] === null) expect(s.distanceKm).toBeNull();
          else expect(s.distanceKm! % step[coarser]!).toBe(0);
        }
      }
    }
  });
});
