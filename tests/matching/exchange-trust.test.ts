import { scorePair, suggestPartners, type PairHistory, type TrustGraph } from '../../src/matching/index.js';
import { directTrust, feedbackShift } from '../../src/matching/partners/partner-score.js';
import { cap, need, NO_TRUST, org, trustGraph } from './fixtures.js';

// The partner score's trust part with the requester's own history: done skill exchanges count as working together,
// and the requester's own ratings (of exchanges and collaborations) move that trust up or down.

const grantWriting = 'FUNDRAISING:Grant writing';
const me = org('me', { issueAreaIds: ['press'], needs: [need(grantWriting, 'HIGH')] });
const helper = (id: string) => org(id, { issueAreaIds: ['press'], capabilities: [cap(grantWriting, 'PROFICIENT')] });
const rated = (exchanged: boolean, ...ratings: number[]): PairHistory => ({ exchanged, ratingSum: ratings.reduce((a, b) => a + b, 0), ratingCount: ratings.length });
const withHistory = (entries: [string, PairHistory][], base: TrustGraph = NO_TRUST): TrustGraph => ({ ...base, history: new Map(entries) });

describe('trust from the requester\'s own history', () => {
  it('follows the documented formula: 0.6 for worked together, moved by 0.8 x (mean - 3) / 2 x n / (n + 1)', () => {
    expect(feedbackShift(undefined)).toBe(0);
    expect(feedbackShift(rated(true))).toBe(0);
    expect(directTrust(true, false, rated(true, 4))).toBeCloseTo(0.8, 10);
    expect(directTrust(true, false, rated(true, 5))).toBeCloseTo(1, 10);
    expect(directTrust(true, false, rated(true, 1))).toBeCloseTo(0.2, 10);
    expect(directTrust(true, false, rated(true, 3, 3))).toBeCloseTo(0.6, 10);
    expect(directTrust(true, false, rated(true, 1, 1, 1))).toBeCloseTo(0, 10);
    expect(directTrust(true, false, rated(true, ...Array(99).fill(1)))).toBeCloseTo(-0.192, 10);
    expect(directTrust(false, true, undefined)).toBe(0.5);
    expect(directTrust(false, false, undefined)).toBe(0);
  });

  it('a good exchange raises trust, a poor one lowers it, compared with the same exchange unrated', () => {
    const trust = withHistory([['good', rated(true, 5)], ['plain', rated(true)], ['poor', rated(true, 1)]]);
    const [good, plain, poor] = ['good', 'plain', 'poor'].map((id) => scorePair(me, helper(id), trust)!);
    expect(good.parts.trust).toBeCloseTo(1, 10);
    expect(plain.parts.trust).toBeCloseTo(0.6, 10);
    expect(poor.parts.trust).toBeCloseTo(0.2, 10);
    expect(good.score).toBeGreaterThan(plain.score);
    expect(plain.score).toBeGreaterThan(poor.score);
    expect(good.reasons.find((r) => r.code === 'EXCHANGED_SKILLS')).toMatchObject({ text: 'you exchanged skills before; rated well' });
    expect(plain.reasons.find((r) => r.code === 'EXCHANGED_SKILLS')).toMatchObject({ text: 'you exchanged skills before' });
    expect(poor.reasons.find((r) => r.code === 'EXCHANGED_SKILLS')).toMatchObject({ text: 'you exchanged skills before; rated poorly' });
    const ranked = suggestPartners(me, [helper('poor'), helper('plain'), helper('good'), helper('stranger')], trust, { limit: 10 });
    expect(ranked.map((s) => s.orgId)).toEqual(['good', 'plain', 'poor', 'stranger']);
  });

  it('ratings of a collaboration count the same way, and its reason says how it went', () => {
    const trust = withHistory([['partner', rated(false, 2, 2)]], trustGraph([['me', 'partner']]));
    const s = scorePair(me, helper('partner'), trust)!;
    expect(s.parts.trust).toBeCloseTo(0.6 + 0.8 * -0.5 * (2 / 3), 10);
    expect(s.reasons.find((r) => r.code === 'WORKED_TOGETHER')).toMatchObject({ text: 'you have worked together before; rated poorly' });
    expect(s.reasons.some((r) => r.code === 'EXCHANGED_SKILLS')).toBe(false);
  });

  it('many poor ratings make an organization that offers nothing else no suggestion at all', () => {
    const idle = org('idle', { issueAreaIds: ['other'] });
    const trust = withHistory([['idle', rated(true, 1, 1, 1, 1)]]);
    expect(scorePair(me, idle, trust)!.parts.trust).toBeLessThan(0);
    expect(suggestPartners(me, [idle], trust, { limit: 10 })).toEqual([]);
    expect(suggestPartners(me, [idle], withHistory([['idle', rated(true, 5)]]), { limit: 10 }).map((s) => s.orgId)).toEqual(['idle']);
  });
});
