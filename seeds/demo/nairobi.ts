import { B, cap, DEMO_COORDINATOR, DEMO_DEFENDER, DEMO_OWNER, type DemoOrganization, K, L, N, need, P, S, V } from './demo-types.js';

// Nairobi: land and housing struggles in informal settlements, refugees from the region, police accountability.
const place = { country: 'KE', region: 'Nairobi County', city: 'Nairobi' } as const;

export const NAIROBI: DemoOrganization[] = [
  {
    ...place, slug: 'mtaa-haki-collective', name: 'Mtaa Haki Collective', owner: DEMO_OWNER,
    mission: 'Residents of Mathare and Kibera organizing for secure tenure, water and an end to forced evictions.',
    kind: K.COMMUNITY_GROUP, sizeBand: B.SMALL, latitude: -1.2621, longitude: 36.8590, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['sw', 'en'], website: 'https://mtaa-haki.example.org',
    contactEmail: 'info@mtaa-haki.example.org', verified: true, issueAreas: ['housing-rights', 'land-rights'],
    capabilities: [
      cap('community-organizing', L.EXPERT, 6, false, 'Settlement assemblies and door-to-door mobilisation in four wards'),
      cap('outreach', L.EXPERT, 4, false, 'Trusted reach to tenants and hawkers who avoid formal NGOs'),
      cap('venue-provision', L.BASIC, 2, false, 'Community hall for up to 80 people, weekends'),
    ],
    needs: [
      need('legal-clinics', N.CRITICAL, 'housing-rights', false, 'Lawyers for eviction notices before the court deadline'),
      need('grant-writing', N.HIGH, undefined, true, 'First institutional grant application'),
      need('report-writing', N.MEDIUM, 'land-rights', true, 'Turn our eviction records into a publishable report'),
    ],
  },
  {
    ...place, slug: 'kituo-cha-sheria-wazi', name: 'Sheria Wazi Legal Aid Centre',
    mission: 'Free legal representation for people facing eviction, unlawful arrest and labour exploitation.',
    kind: K.LEGAL_AID, sizeBand: B.MEDIUM, latitude: -1.2833, longitude: 36.8219, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['en', 'sw'], website: 'https://sheria-wazi.example.org',
    contactEmail: 'intake@sheria-wazi.example.org', verified: true,
    fundingDisclosure: 'Bar association grants (55%), individual donors (30%), a European foundation (15%).',
    issueAreas: ['housing-rights', 'labour-rights', 'detention-monitoring'],
    capabilities: [
      cap('legal-clinics', L.EXPERT, 10, false, 'Weekly walk-in clinics in three settlements'),
      cap('criminal-defence', L.EXPERT, 5, false, 'Representation after protest and loitering arrests'),
      cap('labour-law', L.PROFICIENT, 4, true, 'Advice for domestic and casual workers'),
      cap('strategic-litigation-support', L.PROFICIENT, 2, true, 'Constitutional petitions on evictions'),
    ],
    needs: [
      need('data-analysis', N.HIGH, 'housing-rights', true, 'Analyse five years of case files to show patterns'),
      need('staff-wellbeing', N.MEDIUM, undefined, true, 'Burnout support for a stretched legal team'),
    ],
  },
  {
    ...place, slug: 'refuge-link-east-africa', name: 'RefugeLink East Africa', owner: DEMO_COORDINATOR,
    mission: 'A network of refugee-led groups in Nairobi and the camps coordinating protection and resettlement casework.',
    kind: K.NETWORK, sizeBand: B.MEDIUM, latitude: -1.2921, longitude: 36.7823, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['en', 'sw', 'so', 'fr'], website: 'https://refugelink.example.org',
    contactEmail: 'secretariat@refugelink.example.org', issueAreas: ['refugee-resettlement', 'migrant-rights'],
    capabilities: [
      cap('diaspora-networks', L.EXPERT, 8, true, 'Somali, Congolese and South Sudanese community leaders'),
      cap('interpretation', L.PROFICIENT, 6, true, 'Somali, Swahili, Lingala and Arabic interpreters'),
      cap('un-mechanisms', L.PROFICIENT, 3, true, 'Shadow reporting to the UN treaty bodies'),
    ],
    needs: [
      need('asylum-representation', N.CRITICAL, 'refugee-resettlement', true, 'Lawyers for rejected status determinations'),
      need('trauma-counselling', N.HIGH, 'refugee-resettlement', false, 'Counsellors for new arrivals from Sudan'),
      need('financial-reporting', N.MEDIUM, undefined, true, 'Donor reporting for a pooled network fund'),
    ],
  },
  {
    ...place, slug: 'sauti-ya-habari', name: 'Sauti ya Habari Media Lab',
    mission: 'Independent journalists investigating land grabs and public procurement in Kenya.',
    kind: K.MEDIA, sizeBand: B.SMALL, latitude: -1.2995, longitude: 36.7915, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['en', 'sw'], website: 'https://sauti-habari.example.org',
    contactEmail: 'tips@sauti-habari.example.org', issueAreas: ['press-freedom', 'anti-corruption', 'land-rights'],
    capabilities: [
      cap('investigative-journalism', L.EXPERT, 2, true, 'Long-form investigations with document trails'),
      cap('video-production', L.PROFICIENT, 3, false, 'Short documentaries and explainer videos'),
      cap('open-source-investigation', L.PROFICIENT, 2, true, 'Satellite imagery and company records'),
    ],
    needs: [
      need('secure-communications', N.HIGH, 'press-freedom', true, 'Secure set-up after our phones were targeted'),
      need('criminal-defence', N.MEDIUM, 'press-freedom', false, 'On-call lawyer for defamation threats'),
    ],
  },
  {
    ...place, slug: 'upendo-faith-women', name: 'Upendo Faith Women\'s Fellowship',
    mission: 'Church women supporting survivors of gender-based violence and their children in Eastlands.',
    kind: K.FAITH_BASED, sizeBand: B.VOLUNTEER_ONLY, latitude: -1.2870, longitude: 36.8890, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['sw', 'en'], contactEmail: 'upendo@example.org',
    issueAreas: ['gender-equality', 'child-rights'], dealbreakerKinds: [K.UNION],
    capabilities: [
      cap('faith-leader-networks', L.EXPERT, 5, false, 'Pastors and imams across twelve congregations'),
      cap('peer-support', L.PROFICIENT, 3, false, 'Weekly survivors\' circles'),
    ],
    needs: [
      need('trauma-counselling', N.HIGH, 'gender-equality', false, 'Professional supervision for our peer supporters'),
      need('legal-clinics', N.MEDIUM, 'gender-equality', false, 'Protection orders and custody advice'),
    ],
  },
  {
    ...place, slug: 'usalama-defenders-desk', name: 'Usalama Defenders Desk', owner: DEMO_DEFENDER,
    mission: 'Emergency support for human rights defenders facing threats, abduction or surveillance.',
    kind: K.NGO, sizeBand: B.SMALL, latitude: -1.3030, longitude: 36.8120, precision: P.COUNTRY,
    visibility: V.PRIVATE, anonymousSuggestions: true, languages: ['en', 'sw'],
    contactEmail: 'desk@usalama.example.org', issueAreas: ['torture-prevention', 'freedom-of-assembly'],
    capabilities: [
      cap('emergency-relocation', L.EXPERT, 3, false, 'Safe houses and travel within 24 hours'),
      cap('incident-response', L.PROFICIENT, 4, true, 'Device checks after suspected spyware'),
      cap('human-rights-documentation', L.PROFICIENT, 5, true, 'Threat logs usable in court'),
    ],
    needs: [
      need('donor-relations', N.HIGH, undefined, true, 'Discreet donors for an emergency fund'),
      need('trauma-counselling', N.HIGH, 'torture-prevention', true, 'Counselling for released detainees'),
    ],
  },
  {
    ...place, slug: 'kazi-bora-workers-union', name: 'Kazi Bora Domestic Workers Union',
    mission: 'A union of domestic and care workers fighting for contracts, minimum wage and safe migration to the Gulf.',
    kind: K.UNION, sizeBand: B.MEDIUM, latitude: -1.2700, longitude: 36.8400, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['sw', 'en'], website: 'https://kazi-bora.example.org',
    contactEmail: 'organizers@kazi-bora.example.org', fundingDisclosure: 'Member dues and an international union federation.',
    issueAreas: ['labour-rights', 'migrant-rights', 'gender-equality'],
    capabilities: [
      cap('labour-law', L.PROFICIENT, 5, false, 'Contract reviews and wage claims'),
      cap('community-organizing', L.EXPERT, 8, false, 'Estate-by-estate worker committees'),
      cap('event-staffing', L.PROFICIENT, 30, false, 'Marshals and stewards for public events'),
    ],
    needs: [
      need('social-media-campaigns', N.MEDIUM, 'labour-rights', true, 'A campaign on the domestic workers bill'),
      need('survey-design', N.LOW, 'migrant-rights', true, 'Survey of returnees from the Gulf'),
    ],
  },
  {
    ...place, slug: 'maarifa-rights-institute', name: 'Maarifa Rights Research Institute',
    mission: 'University-based research on policing, land and urban governance, open to community co-researchers.',
    kind: K.ACADEMIC, sizeBand: B.MEDIUM, latitude: -1.2795, longitude: 36.8168, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['en'], website: 'https://maarifa.example.org',
    contactEmail: 'research@maarifa.example.org', verified: true, issueAreas: ['land-rights', 'housing-rights', 'anti-corruption'],
    capabilities: [
      cap('field-research', L.EXPERT, 3, false, 'Participatory research with settlement residents'),
      cap('survey-design', L.EXPERT, 4, true, 'Household and panel surveys'),
      cap('data-analysis', L.PROFICIENT, 3, true, 'Statistics and GIS'),
      cap('curriculum-design', L.PROFICIENT, 2, true, 'Short courses for activists'),
    ],
    needs: [
      need('community-organizing', N.MEDIUM, 'land-rights', false, 'Community partners to co-own a tenure study'),
      need('media-relations', N.LOW, undefined, true, 'Get findings into the national press', { status: S.MET }),
    ],
  },
  {
    ...place, slug: 'green-belt-youth-forum', name: 'Green Belt Youth Climate Forum',
    mission: 'Young people defending Nairobi\'s forests and rivers and demanding climate finance that reaches communities.',
    kind: K.COMMUNITY_GROUP, sizeBand: B.VOLUNTEER_ONLY, latitude: -1.3200, longitude: 36.7600, precision: P.REGION,
    visibility: V.NETWORK, languages: ['en', 'sw'], contactEmail: 'hello@greenbelt-youth.example.org',
    issueAreas: ['climate-justice', 'freedom-of-assembly'],
    capabilities: [
      cap('volunteer-coordination', L.PROFICIENT, 40, false, 'Tree-planting and clean-up volunteers'),
      cap('social-media-campaigns', L.EXPERT, 3, true, 'Youth-led online campaigns'),
    ],
    needs: [
      need('protest-monitoring', N.HIGH, 'freedom-of-assembly', false, 'Monitors for climate marches'),
      need('grant-writing', N.MEDIUM, 'climate-justice', true, 'First small grant'),
      need('digital-security-training', N.MEDIUM, undefined, true, 'Training after account takeovers'),
    ],
  },
];
