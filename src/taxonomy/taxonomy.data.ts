// The starting taxonomy. A migration loads it (idempotently); admins extend it through the API afterwards.

export interface CategorySeed {
  id: string;
  name: string;
  description: string;
  skills: [slug: string, name: string][];
}

export const CATEGORY_SEEDS: CategorySeed[] = [
  { id: 'FUNDRAISING', name: 'Fundraising', description: 'Raising and managing money for the work', skills: [
    ['grant-writing', 'Grant writing'], ['donor-relations', 'Donor relations'],
    ['crowdfunding', 'Crowdfunding'], ['financial-reporting', 'Financial reporting to funders']] },
  { id: 'POLICY', name: 'Policy and advocacy', description: 'Changing laws, policies and practice', skills: [
    ['policy-analysis', 'Policy analysis'], ['legislative-advocacy', 'Legislative advocacy'],
    ['un-mechanisms', 'UN human rights mechanisms'], ['strategic-litigation-support', 'Strategic litigation support']] },
  { id: 'COMMUNITY_TIES', name: 'Community ties', description: 'Trust and reach in affected communities', skills: [
    ['community-organizing', 'Community organizing'], ['outreach', 'Outreach to hard-to-reach groups'],
    ['diaspora-networks', 'Diaspora networks'], ['faith-leader-networks', 'Faith leader networks']] },
  { id: 'MONITORING_TOOLS', name: 'Monitoring tools', description: 'Documenting and monitoring violations', skills: [
    ['human-rights-documentation', 'Human rights documentation'], ['trial-monitoring', 'Trial monitoring'],
    ['detention-visits', 'Detention visits'], ['open-source-investigation', 'Open-source investigation'],
    ['protest-monitoring', 'Protest monitoring']] },
  { id: 'LEGAL_AID', name: 'Legal aid', description: 'Legal advice and representation', skills: [
    ['asylum-representation', 'Asylum representation'], ['criminal-defence', 'Criminal defence'],
    ['legal-clinics', 'Legal clinics'], ['labour-law', 'Labour law advice']] },
  { id: 'COMMUNICATIONS', name: 'Communications and media', description: 'Telling the story', skills: [
    ['media-relations', 'Media relations'], ['social-media-campaigns', 'Social media campaigns'],
    ['investigative-journalism', 'Investigative journalism'], ['video-production', 'Video production']] },
  { id: 'RESEARCH', name: 'Research', description: 'Evidence for the work', skills: [
    ['field-research', 'Field research'], ['data-analysis', 'Data analysis'],
    ['survey-design', 'Survey design'], ['report-writing', 'Report writing']] },
  { id: 'TRAINING', name: 'Training', description: 'Building others\' skills', skills: [
    ['human-rights-education', 'Human rights education'], ['trainer-of-trainers', 'Training of trainers'],
    ['workshop-facilitation', 'Workshop facilitation'], ['curriculum-design', 'Curriculum design']] },
  { id: 'VOLUNTEERS', name: 'Volunteers', description: 'People power', skills: [
    ['volunteer-coordination', 'Volunteer coordination'], ['event-staffing', 'Event staffing'],
    ['mentoring', 'Mentoring']] },
  { id: 'DIGITAL_SECURITY', name: 'Digital security', description: 'Keeping people and data safe online', skills: [
    ['digital-security-training', 'Digital security training'], ['secure-communications', 'Secure communications set-up'],
    ['incident-response', 'Digital incident response']] },
  { id: 'PSYCHOSOCIAL_SUPPORT', name: 'Psychosocial support', description: 'Care for survivors and staff', skills: [
    ['trauma-counselling', 'Trauma counselling'], ['peer-support', 'Peer support groups'],
    ['staff-wellbeing', 'Staff wellbeing and burnout prevention']] },
  { id: 'TRANSLATION', name: 'Translation and interpretation', description: 'Working across languages', skills: [
    ['interpretation', 'Interpretation'], ['document-translation', 'Document translation'],
    ['sign-language', 'Sign language interpretation']] },
  { id: 'LOGISTICS', name: 'Logistics', description: 'Places, transport and supplies', skills: [
    ['venue-provision', 'Venue provision'], ['transport', 'Transport'],
    ['emergency-relocation', 'Emergency relocation'], ['supply-distribution', 'Supply distribution']] },
];

export const ISSUE_AREA_SEEDS: [slug: string, name: string][] = [
  ['refugee-resettlement', 'Refugee resettlement'],
  ['human-rights-education', 'Human rights education'],
  ['detention-monitoring', 'Detention monitoring'],
  ['freedom-of-assembly', 'Freedom of assembly'],
  ['press-freedom', 'Press freedom'],
  ['gender-equality', 'Gender equality'],
  ['land-rights', 'Land rights'],
  ['climate-justice', 'Climate justice'],
  ['disability-rights', 'Disability rights'],
  ['lgbtqi-rights', 'LGBTQI+ rights'],
  ['labour-rights', 'Labour rights'],
  ['anti-corruption', 'Anti-corruption'],
  ['indigenous-rights', 'Indigenous peoples\' rights'],
  ['housing-rights', 'Housing rights'],
  ['digital-rights', 'Digital rights'],
  ['migrant-rights', 'Migrant rights'],
  ['child-rights', 'Children\'s rights'],
  ['torture-prevention', 'Torture prevention'],
];
