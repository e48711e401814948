import { scorePair, suggestPartners } from '../../src/matching/index.js';
import { cap, eastOfNairobi, need, NO_TRUST, org, trustGraph } from './fixtures.js';

const grantWriting = 'FUNDRAISING:Grant writing';

describe('partner suggestions: planted scenarios', () => {
  const requester = org('req', {
    issueAreaIds: ['refugee'],
    needs: [need(grantWriting, 'CRITICAL')],
  });

  it('ranks the nearby EXPERT fundraiser on the same issue first, with checkable reasons', () => {
    const nearExpert = org('z-near-expert', {
      name: 'Near Expert',
      location: eastOfNairobi(12),
      issueAreaIds: ['refugee'],
      capabilities: [cap(grantWriting, 'EXPERT')],
    });
    const farProficient = org('a-far-proficient', {
      location: eastOfNairobi(800),
      issueAreaIds: ['refugee'],
      capabilities: [cap(grantWriting, 'PROFICIENT')],
    });
    const nearUnrelated = org('b-near-unrelated', {
      location: eastOfNairobi(3),
      issueAreaIds: ['refugee'],
      capabilities: [cap('LEGAL_AID:Asylum casework', 'EXPERT')],
    });
    const result = suggestPartners(requester, [farProficient, nearUnrelated, nearExpert], NO_TRUST, { limit: 10 });
    expect(result.map((s) => s.orgId)).toEqual(['z-near-expert', 'a-far-proficient', 'b-near-unrelated']);
    const top = result[0];
    expect(top.reasons[0]).toMatchObject({ code: 'COVERS_NEED', text: "covers your CRITICAL need 'Grant writing' with an EXPERT capability" });
    expect(top.reasons.map((r) => r.text)).toEqual(
      expect.arrayContaining(['both work on Refugee resettlement', 'about 12 km apart']),
    );
    expect(top.distanceKm).toBe(12);
    expect(top.parts.coveredByThem).toBeCloseTo(1, 6);
    // reasons sorted by weight, descending
    const weights = top.reasons.map((r) => r.weight);
    expect([...weights].sort((x, y) => y - x)).toEqual(weights);
  });

  it('explains a related (same category) capability and the reverse direction', () => {
    const candidate = org('cand', {
      capabilities: [cap('FUNDRAISING:Donor research', 'PROFICIENT', { categoryName: 'Fundraising' })],
      needs: [need('COMMUNICATIONS:Press releases', 'HIGH')],
    });
    const me = org('me', {
      needs: [need(grantWriting, 'HIGH')],
      capabilities: [cap('COMMUNICATIONS:Press releases', 'PROFICIENT')],
    });
    const s = scorePair(me, candidate, NO_TRUST)!;
    const texts = s.reasons.map((r) => r.text);
    expect(texts).toContain("covers your HIGH need 'Grant writing' with a PROFICIENT related capability 'Donor research' (Fundraising)");
    expect(texts).toContain("they need 'Press releases' which you offer (PROFICIENT)");
    // exact skill is worth 1.0, same category 0.4: PROFICIENT (0.75) x 0.4 of the need
    expect(s.parts.coveredByThem).toBeCloseTo(0.75 * 0.4, 6);
    expect(s.parts.coversTheirNeeds).toBeCloseTo(0.75, 6);
  });

  it('prefers mutual benefit over one-way benefit of the same size', () => {
    const me = org('me', {
      needs: [need('RESEARCH:Surveys', 'HIGH'), need('POLICY:Advocacy', 'HIGH')],
      capabilities: [cap('LEGAL_AID:Casework', 'EXPERT')],
    });
    // Same total: mutual covers half of my needs and half of theirs (0.5 + 0.5); one-way covers all of
    // mine and none of theirs (1 + 0). Its id sorts first, so only the mutual bonus can put z-mutual ahead.
    const mutual = org('z-mutual', {
      capabilities: [cap('RESEARCH:Surveys', 'EXPERT')],
      needs: [need('LEGAL_AID:Casework', 'HIGH'), need('TRANSLATION:Arabic', 'HIGH')],
    });
    const oneWay = org('a-one-way', {
      capabilities: [cap('RESEARCH:Surveys', 'EXPERT'), cap('POLICY:Advocacy', 'EXPERT')],
      needs: [need('TRANSLATION:Arabic', 'HIGH')],
    });
    expect(scorePair(me, mutual, NO_TRUST)!.parts).toMatchObject({ coveredByThem: 0.5, coversTheirNeeds: 0.5 });
    expect(scorePair(me, oneWay, NO_TRUST)!.parts).toMatchObject({ coveredByThem: 1, coversTheirNeeds: 0 });
    const result = suggestPartners(me, [oneWay, mutual], NO_TRUST, {});
    expect(result.map((s) => s.orgId)).toEqual(['z-mutual', 'a-one-way']);
    expect(result[0].reasons.map((r) => r.code)).toContain('MUTUAL_BENEFIT');
  });

  it('does not penalise a remote capability for distance', () => {
    const me = org('me', { needs: [need(grantWriting, 'HIGH')] });
    const expert = (id: string, km: number, remote: boolean) =>
      org(id, { location: eastOfNairobi(km), country: km > 1000 ? 'IN' : 'KE', capabilities: [cap(grantWriting, 'EXPERT', { remote })] });
    const remoteFar = expert('a-remote-far', 5000, true);
    const localFar = expert('b-local-far', 5000, false);
    const localNear = expert('c-local-near', 5, false);
    const scores = Object.fromEntries(
      [remoteFar, localFar, localNear].map((o) => [o.id, scorePair(me, o, NO_TRUST)!.score]),
    );
    expect(scores['a-remote-far']).toBeGreaterThan(scores['b-local-far']);
    expect(scores['a-remote-far']).toBeCloseTo(scores['c-local-near'], 10);
    const ranked = suggestPartners(me, [localFar, localNear, remoteFar], NO_TRUST, {}).map((s) => s.orgId);
    expect(ranked).toEqual(['a-remote-far', 'c-local-near', 'b-local-far']);
    expect(scorePair(me, remoteFar, NO_TRUST)!.reasons[0].text).toBe(
      "covers your HIGH need 'Grant writing' with an EXPERT capability, offered remotely",
    );
  });

  it('ignores distance for needs marked remote-ok', () => {
    const me = org('me', { needs: [need(grantWriting, 'HIGH', { remoteOk: true })] });
    const far = org('far', { location: eastOfNairobi(5000), capabilities: [cap(grantWriting, 'EXPERT')] });
    const near = org('near', { location: eastOfNairobi(5), capabilities: [cap(grantWriting, 'EXPERT')] });
    expect(scorePair(me, far, NO_TRUST)!.score).toBeCloseTo(scorePair(me, near, NO_TRUST)!.score, 10);
  });

  it('drops a saturated org below an otherwise identical one', () => {
    const me = org('me', { needs: [need(grantWriting, 'HIGH')] });
    const flooded = org('a-flooded', { capabilities: [cap(grantWriting, 'EXPERT')], pendingRequests: 50 });
    const calm = org('b-calm', { capabilities: [cap(grantWriting, 'EXPERT')], pendingRequests: 0 });
    const result = suggestPartners(me, [flooded, calm], NO_TRUST, {});
    expect(result.map((s) => s.orgId)).toEqual(['b-calm', 'a-flooded']);
    expect(result[1].parts.saturationPenalty).toBeGreaterThan(0);
    expect(result[1].reasons.at(-1)).toMatchObject({ code: 'SATURATED', text: 'is answering many requests at the moment' });
    // The words never carry the count.
    expect(result[1].reasons.at(-1)!.text).not.toMatch(/\d/);
    // log-shaped: the 50th request costs far less than the first few
    const p = (n: number) => scorePair(me, { ...calm, pendingRequests: n }, NO_TRUST)!.parts.saturationPenalty;
    expect(p(2) - p(1)).toBeGreaterThan(p(50) - p(49));
  });

  it('names friends in common, direct collaboration and shared languages', () => {
    const me = org('me', { issueAreaIds: ['press'], languages: ['ar', 'en'] });
    const other = org('other', { issueAreaIds: ['press'], languages: ['ar', 'fr'] });
    const trust = trustGraph([['me', 'k1'], ['other', 'k1'], ['me', 'other']], { k1: 'Kituo Legal' });
    const s = scorePair(me, other, trust)!;
    const texts = s.reasons.map((r) => r.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'you both worked with Kituo Legal',
        'you have worked together before',
        'speaks Arabic like you',
        'both work on Press freedom',
      ]),
    );
    expect(s.parts.trust).toBeCloseTo(0.6 + 0.4 / 3, 10);
  });
});

describe('partner suggestions: exclusions and ordering', () => {
  const me = org('me', { kind: 'NGO', issueAreaIds: ['land'], dealbreakerKinds: ['MEDIA'], dealbreakerOrgIds: ['banned'] });
  const base = { issueAreaIds: ['land'] };
  const media = org('media', { ...base, kind: 'MEDIA' });
  const refusesNgos = org('refuses-ngos', { ...base, kind: 'UNION', dealbreakerKinds: ['NGO'] });
  const banned = org('banned', { ...base });
  const refusesMe = org('refuses-me', { ...base, dealbreakerOrgIds: ['me'] });
  const fine = org('fine', { ...base });
  const nothingInCommon = org('nothing', { issueAreaIds: ['press'] });

  it('never suggests a dealbreaker pair, in either direction, by kind or by id', () => {
    for (const blocked of [media, refusesNgos, banned, refusesMe]) {
      expect(scorePair(me, blocked, NO_TRUST)).toBeNull();
      expect(scorePair(blocked, me, NO_TRUST)).toBeNull();
    }
    const ids = suggestPartners(me, [media, refusesNgos, banned, refusesMe, fine, me, nothingInCommon], NO_TRUST, {}).map((s) => s.orgId);
    expect(ids).toEqual(['fine']);
  });

  it('sorts by score then id, honours limit and minScore, and agrees with scorePair', () => {
    const pool = Array.from({ length: 40 }, (_, i) =>
      org(`c${String(i).padStart(2, '0')}`, {
        location: eastOfNairobi((i * 37) % 900),
        issueAreaIds: i % 3 === 0 ? ['land'] : ['press'],
        capabilities: i % 2 === 0 ? [cap('LEGAL_AID:Land titles', i % 4 === 0 ? 'EXPERT' : 'BASIC')] : [],
        needs: i % 5 === 0 ? [need('RESEARCH:Mapping', 'MEDIUM')] : [],
        pendingRequests: i % 7,
      }),
    );
    const requester = org('me2', {
      issueAreaIds: ['land'],
      needs: [need('LEGAL_AID:Land titles', 'HIGH')],
      capabilities: [cap('RESEARCH:Mapping', 'PROFICIENT')],
    });
    const all = suggestPartners(requester, pool, NO_TRUST, { limit: 100 });
    const expected = pool
      .map((o) => scorePair(requester, o, NO_TRUST)!)
      .filter((s) => s.parts.coveredByThem + s.parts.coversTheirNeeds + s.parts.sharedIssues + s.parts.trust > 0)
      .sort((a, b) => b.score - a.score || (a.orgId < b.orgId ? -1 : 1));
    expect(all.map((s) => s.orgId)).toEqual(expected.map((s) => s.orgId));
    expect(all.map((s) => s.score)).toEqual(expected.map((s) => s.score));
    const top5 = suggestPartners(requester, pool, NO_TRUST, { limit: 5 });
    expect(top5.map((s) => s.orgId)).toEqual(expected.slice(0, 5).map((s) => s.orgId));
    const threshold = expected[10].score;
    const above = suggestPartners(requester, pool, NO_TRUST, { limit: 100, minScore: threshold });
    expect(above.every((s) => s.score >= threshold)).toBe(true);
    expect(above.length).toBe(expected.filter((s) => s.score >= threshold).length);
  });
});
