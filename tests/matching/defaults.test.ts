import { defaultCategoriesForIssue } from '../../src/matching/index.js';

const CATEGORIES = new Set([
  'FUNDRAISING', 'POLICY', 'COMMUNITY_TIES', 'MONITORING_TOOLS', 'LEGAL_AID', 'COMMUNICATIONS', 'RESEARCH',
  'TRAINING', 'VOLUNTEERS', 'DIGITAL_SECURITY', 'PSYCHOSOCIAL_SUPPORT', 'TRANSLATION', 'LOGISTICS',
]);
const SLUGS = [
  'refugee-resettlement', 'human-rights-education', 'detention-monitoring', 'freedom-of-assembly', 'press-freedom',
  'gender-equality', 'land-rights', 'climate-justice', 'disability-rights', 'lgbtqi-rights', 'labour-rights',
  'anti-corruption', 'indigenous-rights', 'housing-rights', 'digital-rights', 'migrant-rights', 'child-rights',
  'torture-prevention',
];

describe('defaultCategoriesForIssue', () => {
  it('gives 5-6 known, distinct categories for every issue and a fallback', () => {
    for (const slug of [...SLUGS, 'something-else']) {
      const cats = defaultCategoriesForIssue(slug);
      expect(cats.length).toBeGreaterThanOrEqual(5);
      expect(cats.length).toBeLessThanOrEqual(6);
      expect(new Set(cats).size).toBe(cats.length);
      for (const c of cats) expect(CATEGORIES.has(c)).toBe(true);
    }
  });

  it('fits the issue', () => {
    expect(defaultCategoriesForIssue('refugee-resettlement')).toEqual(expect.arrayContaining(['LEGAL_AID', 'TRANSLATION', 'COMMUNITY_TIES']));
    expect(defaultCategoriesForIssue('press-freedom')).toEqual(expect.arrayContaining(['DIGITAL_SECURITY', 'LEGAL_AID']));
    expect(defaultCategoriesForIssue('detention-monitoring')[0]).toBe('MONITORING_TOOLS');
    expect(defaultCategoriesForIssue('unknown')).toEqual(defaultCategoriesForIssue('another-unknown'));
    // callers get a copy, not the shared table
    defaultCategoriesForIssue('land-rights').push('X');
    expect(defaultCategoriesForIssue('land-rights')).not.toContain('X');
  });
});
