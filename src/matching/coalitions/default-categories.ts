// Default capability categories a coalition on an issue usually needs, used when the organizer has not
// listed them. Each list is a starting point (5-7 categories), ordered by how central the category is.

const DEFAULTS: Record<string, string[]> = {
  'refugee-resettlement': ['COMMUNITY_TIES', 'LEGAL_AID', 'TRANSLATION', 'PSYCHOSOCIAL_SUPPORT', 'LOGISTICS', 'FUNDRAISING'],
  'human-rights-education': ['TRAINING', 'RESEARCH', 'COMMUNICATIONS', 'COMMUNITY_TIES', 'FUNDRAISING'],
  'detention-monitoring': ['MONITORING_TOOLS', 'LEGAL_AID', 'RESEARCH', 'PSYCHOSOCIAL_SUPPORT', 'POLICY', 'DIGITAL_SECURITY'],
  'freedom-of-assembly': ['MONITORING_TOOLS', 'LEGAL_AID', 'COMMUNICATIONS', 'VOLUNTEERS', 'DIGITAL_SECURITY', 'COMMUNITY_TIES'],
  'press-freedom': ['LEGAL_AID', 'DIGITAL_SECURITY', 'COMMUNICATIONS', 'MONITORING_TOOLS', 'POLICY', 'FUNDRAISING'],
  'gender-equality': ['POLICY', 'COMMUNITY_TIES', 'PSYCHOSOCIAL_SUPPORT', 'TRAINING', 'COMMUNICATIONS', 'FUNDRAISING'],
  'land-rights': ['LEGAL_AID', 'COMMUNITY_TIES', 'RESEARCH', 'MONITORING_TOOLS', 'POLICY', 'TRANSLATION'],
  'climate-justice': ['POLICY', 'RESEARCH', 'COMMUNITY_TIES', 'COMMUNICATIONS', 'VOLUNTEERS', 'FUNDRAISING'],
  'disability-rights': ['POLICY', 'LEGAL_AID', 'TRAINING', 'COMMUNITY_TIES', 'COMMUNICATIONS', 'LOGISTICS'],
  'lgbtqi-rights': ['DIGITAL_SECURITY', 'PSYCHOSOCIAL_SUPPORT', 'LEGAL_AID', 'COMMUNITY_TIES', 'POLICY', 'COMMUNICATIONS'],
  'labour-rights': ['LEGAL_AID', 'COMMUNITY_TIES', 'POLICY', 'RESEARCH', 'TRAINING', 'TRANSLATION'],
  'anti-corruption': ['RESEARCH', 'MONITORING_TOOLS', 'LEGAL_AID', 'DIGITAL_SECURITY', 'COMMUNICATIONS', 'POLICY'],
  'indigenous-rights': ['COMMUNITY_TIES', 'LEGAL_AID', 'TRANSLATION', 'RESEARCH', 'POLICY', 'FUNDRAISING'],
  'housing-rights': ['LEGAL_AID', 'COMMUNITY_TIES', 'POLICY', 'VOLUNTEERS', 'RESEARCH', 'COMMUNICATIONS'],
  'digital-rights': ['DIGITAL_SECURITY', 'POLICY', 'RESEARCH', 'TRAINING', 'LEGAL_AID', 'COMMUNICATIONS'],
  'migrant-rights': ['LEGAL_AID', 'TRANSLATION', 'COMMUNITY_TIES', 'PSYCHOSOCIAL_SUPPORT', 'POLICY', 'LOGISTICS'],
  'child-rights': ['PSYCHOSOCIAL_SUPPORT', 'LEGAL_AID', 'COMMUNITY_TIES', 'TRAINING', 'POLICY', 'MONITORING_TOOLS'],
  'torture-prevention': ['MONITORING_TOOLS', 'LEGAL_AID', 'PSYCHOSOCIAL_SUPPORT', 'RESEARCH', 'POLICY', 'DIGITAL_SECURITY'],
};

/** What most campaigns need whatever the issue: money, reach, roots, policy, evidence, people. */
const FALLBACK = ['FUNDRAISING', 'COMMUNICATIONS', 'COMMUNITY_TIES', 'POLICY', 'RESEARCH', 'VOLUNTEERS'];

export function defaultCategoriesForIssue(issueAreaSlug: string): string[] {
  const key = issueAreaSlug.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return [...(DEFAULTS[key] ?? FALLBACK)];
}
