import { rankOffersForNeeds, scoreOffer, type OfferSeeker, type RankableOffer } from '../../src/matching/offers/offer-ranking.js';
import { anonymousOfferView } from '../../src/privacy/anonymous-offer.js';

// The offer ranking engine on plain data: what it rewards, what it explains, and that an offer reduced to its
// card cannot score on what the card hides.

const seeker: OfferSeeker = {
  country: 'KE',
  location: { lat: -1.25, lng: 36.85, precision: 'CITY' },
  languages: ['sw', 'en'],
  issueAreaIds: ['area-refugees'],
  needs: [
    { id: 'n-grants', skillId: 'grant-writing', skillName: 'Grant writing', categoryId: 'FUNDRAISING', categoryName: 'Fundraising', priority: 'CRITICAL', remoteOk: true, issueAreaId: 'area-land' },
    { id: 'n-venue', skillId: 'venue', skillName: 'Venue provision', categoryId: 'LOGISTICS', categoryName: 'Logistics', priority: 'LOW', remoteOk: false, issueAreaId: null },
  ],
};

const offer = (over: Partial<RankableOffer> = {}): RankableOffer => ({
  id: 'o', skillId: 'grant-writing', skillName: 'Grant writing', categoryId: 'FUNDRAISING', categoryName: 'Fundraising',
  remote: true, level: null, country: 'KE', location: null, languages: [], issueAreaIds: [], ...over,
});

describe('offer ranking', () => {
  it('prefers the exact skill to a related one, a higher level to a lower one, and urgent needs to others', () => {
    const ranked = rankOffersForNeeds(seeker, [
      offer({ id: 'related', skillId: 'donor-relations', skillName: 'Donor relations' }),
      offer({ id: 'basic', level: 'BASIC' }),
      offer({ id: 'expert', level: 'EXPERT' }),
      offer({ id: 'venue', skillId: 'venue', skillName: 'Venue provision', categoryId: 'LOGISTICS', categoryName: 'Logistics', remote: false, location: { lat: -1.25, lng: 36.85, precision: 'CITY' } }),
      offer({ id: 'unrelated', skillId: 'transport', categoryId: 'TRANSPORT' }),
    ]);
    expect(ranked.map((r) => r.offerId)).toEqual(['expert', 'basic', 'related', 'venue']);
    expect(ranked.find((r) => r.offerId === 'related')!.reasons[0].code).toBe('MEETS_NEED_RELATED');
    expect(ranked.find((r) => r.offerId === 'venue')!.needId).toBe('n-venue');
  });

  it('explains itself with weights that add up to the score', () => {
    const result = scoreOffer(seeker, offer({ level: 'PROFICIENT', remote: false, location: { lat: -4.05, lng: 39.65, precision: 'CITY' }, languages: ['fr'], issueAreaIds: ['area-land'], issueAreaNames: { 'area-land': 'Land rights' } }))!;
    expect(result.reasons.map((r) => r.code)).toEqual(['MEETS_NEED', 'LEVEL', 'DISTANCE', 'SHARED_ISSUE', 'LANGUAGE']);
    expect(result.reasons.map((r) => r.text)).toEqual([
      'meets your CRITICAL need "Grant writing"',
      'the offering organization lists a PROFICIENT capability in Grant writing',
      'within ~500 km',
      'serves Land rights, the issue area of your need',
      'given in French, none of which you list',
    ]);
    expect(result.reasons.reduce((sum, r) => sum + r.weight, 0)).toBeCloseTo(result.score, 2);
    expect(result.distanceKm! % 10).toBe(0);
  });

  it('counts a remote offer as close when the need accepts remote help, and as far when it asks for help in person', () => {
    const remoteForGrants = scoreOffer(seeker, offer({ level: 'EXPERT' }))!;
    expect(remoteForGrants.reasons.find((r) => r.code === 'REMOTE')).toEqual({ code: 'REMOTE', text: 'can be taken part in remotely', weight: 0 });
    const venue = (over: Partial<RankableOffer>) => scoreOffer(seeker, offer({ skillId: 'venue', skillName: 'Venue provision', categoryId: 'LOGISTICS', level: 'EXPERT', ...over }))!;
    const remoteOnly = venue({ remote: true, location: null });
    const nearby = venue({ remote: false, location: { lat: -1.25, lng: 36.85, precision: 'CITY' } });
    expect(remoteOnly.reasons.find((r) => r.code === 'REMOTE')!.text).toBe('remote only, while your need asks for help in person');
    expect(nearby.score).toBeGreaterThan(remoteOnly.score);
  });

  it('an offer reduced to its card scores the same whatever its hidden issue areas, languages and place inside the cell', () => {
    const at = (lat: number, lng: number) => ({ lat, lng, precision: 'EXACT' as const });
    const rich = anonymousOfferView(offer({ remote: false, level: 'EXPERT', location: at(-1.2841, 36.8155), languages: ['sw'], issueAreaIds: ['area-land'] }));
    const plain = anonymousOfferView(offer({ remote: false, level: 'EXPERT', location: at(-1.95, 36.05), languages: ['fr'], issueAreaIds: [] }));
    expect(rich.location).toEqual({ lat: -1.5, lng: 36.5, precision: 'REGION' });
    const [a, b] = [scoreOffer(seeker, rich)!, scoreOffer(seeker, plain)!];
    expect(a).toEqual(b);
    expect(a.reasons.map((r) => r.code)).toEqual(['MEETS_NEED', 'LEVEL', 'DISTANCE']);
  });
});
