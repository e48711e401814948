import { B, cap, DEMO_COORDINATOR, DEMO_DEFENDER, DEMO_OWNER, type DemoOrganization, K, L, N, need, P, V } from './demo-types.js';

// Beirut: refugees from Syria, migrant domestic workers under kafala, the port blast, press and LGBTQI+ rights.
const place = { country: 'LB', region: 'Beirut Governorate', city: 'Beirut' } as const;

export const BEIRUT: DemoOrganization[] = [
  {
    ...place, slug: 'bayt-al-amal', name: 'Bayt al-Amal Refugee Support', owner: DEMO_OWNER,
    mission: 'Case management, education and legal referrals for Syrian and Palestinian refugee families.',
    kind: K.NGO, sizeBand: B.LARGE, latitude: 33.8886, longitude: 35.4955, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['ar', 'en', 'fr'], website: 'https://baytalamal.example.org',
    contactEmail: 'info@baytalamal.example.org', verified: true,
    fundingDisclosure: 'UN agencies (50%), European governments (35%), private donors (15%).',
    issueAreas: ['refugee-resettlement', 'child-rights', 'human-rights-education'],
    capabilities: [
      cap('outreach', L.EXPERT, 12, false, 'Case workers in Beirut, Tripoli and the Bekaa'),
      cap('supply-distribution', L.EXPERT, 25, false, 'Winter kits and school supplies'),
      cap('financial-reporting', L.EXPERT, 4, true, 'Multi-donor grant reporting'),
      cap('curriculum-design', L.PROFICIENT, 2, true, 'Catch-up education for out-of-school children'),
    ],
    needs: [
      need('asylum-representation', N.HIGH, 'refugee-resettlement', true, 'Resettlement dossiers for the most vulnerable'),
      need('staff-wellbeing', N.HIGH, undefined, false, 'Our teams have worked through two crises without rest'),
    ],
  },
  {
    ...place, slug: 'kafala-watch-collective', name: 'Kafala Watch Collective', owner: DEMO_DEFENDER,
    mission: 'Migrant domestic workers supporting each other to escape abuse and challenge the sponsorship system.',
    kind: K.COMMUNITY_GROUP, sizeBand: B.VOLUNTEER_ONLY, latitude: 33.8790, longitude: 35.5120, precision: P.COUNTRY,
    visibility: V.PRIVATE, anonymousSuggestions: true, languages: ['en', 'am', 'tl', 'ar'],
    contactEmail: 'collective@kafala-watch.example.org', issueAreas: ['migrant-rights', 'labour-rights', 'gender-equality'],
    capabilities: [
      cap('peer-support', L.EXPERT, 6, false, 'Sunday circles for Ethiopian, Kenyan and Filipina workers'),
      cap('interpretation', L.PROFICIENT, 4, true, 'Amharic, Oromo and Tagalog'),
    ],
    needs: [
      need('emergency-relocation', N.CRITICAL, 'migrant-rights', false, 'Shelter for workers who flee employers'),
      need('labour-law', N.HIGH, 'labour-rights', false, 'Claims for unpaid wages'),
      need('secure-communications', N.MEDIUM, undefined, true, 'Safe group chats'),
    ],
  },
  {
    ...place, slug: 'mirsad-press-freedom', name: 'Mirsad Press Freedom Centre',
    mission: 'Monitoring attacks on journalists in Lebanon and Syria and supporting reporters in danger.',
    kind: K.MEDIA, sizeBand: B.SMALL, latitude: 33.8960, longitude: 35.4800, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['ar', 'en', 'fr'], website: 'https://mirsad.example.org',
    contactEmail: 'alerts@mirsad.example.org', issueAreas: ['press-freedom', 'digital-rights'],
    capabilities: [
      cap('human-rights-documentation', L.EXPERT, 3, true, 'Database of violations against journalists'),
      cap('digital-security-training', L.EXPERT, 5, true, 'Training for newsrooms'),
      cap('media-relations', L.PROFICIENT, 3, true, 'Alerts to regional and international press'),
    ],
    needs: [
      need('criminal-defence', N.HIGH, 'press-freedom', false, 'Lawyers for summoned journalists'),
      need('donor-relations', N.MEDIUM, undefined, true, 'Core funding beyond project grants'),
    ],
  },
  {
    ...place, slug: 'darb-legal-agenda', name: 'Darb Legal Agenda', owner: DEMO_COORDINATOR,
    mission: 'Strategic litigation and legal research on detention, torture and the rights of refugees in Lebanon.',
    kind: K.LEGAL_AID, sizeBand: B.MEDIUM, latitude: 33.8920, longitude: 35.5060, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['ar', 'fr', 'en'], website: 'https://darb-legal.example.org',
    contactEmail: 'contact@darb-legal.example.org', verified: true,
    issueAreas: ['detention-monitoring', 'torture-prevention', 'refugee-resettlement'],
    capabilities: [
      cap('strategic-litigation-support', L.EXPERT, 3, true, 'Test cases before Lebanese courts'),
      cap('detention-visits', L.PROFICIENT, 2, false, 'Lawyer visits to pre-trial detainees'),
      cap('policy-analysis', L.EXPERT, 3, true, 'Commentary on draft laws'),
    ],
    needs: [
      need('field-research', N.MEDIUM, 'detention-monitoring', false, 'Interviews with former detainees'),
      need('social-media-campaigns', N.MEDIUM, 'torture-prevention', true, 'Campaign for the anti-torture law'),
    ],
  },
  {
    ...place, slug: 'qaws-rainbow-support', name: 'Qaws Rainbow Support Line', owner: DEMO_DEFENDER,
    mission: 'A helpline and safe referrals for LGBTQI+ people facing violence, arrest or family threats.',
    kind: K.NGO, sizeBand: B.SMALL, latitude: 33.8850, longitude: 35.5200, precision: P.COUNTRY,
    visibility: V.PRIVATE, anonymousSuggestions: false, languages: ['ar', 'en'],
    contactEmail: 'line@qaws.example.org', issueAreas: ['lgbtqi-rights', 'torture-prevention'],
    capabilities: [
      cap('peer-support', L.EXPERT, 5, true, 'Trained helpline volunteers'),
      cap('secure-communications', L.PROFICIENT, 3, true, 'Encrypted intake for at-risk callers'),
    ],
    needs: [
      need('trauma-counselling', N.HIGH, 'lgbtqi-rights', true, 'Affirming therapists for referrals'),
      need('emergency-relocation', N.HIGH, 'lgbtqi-rights', false, 'Safe housing after arrests'),
    ],
  },
  {
    ...place, slug: 'august-fourth-residents', name: 'Fourth of August Residents\' Committee',
    mission: 'Families of the port explosion demanding justice, accountability and safe rebuilding of their homes.',
    kind: K.COMMUNITY_GROUP, sizeBand: B.VOLUNTEER_ONLY, latitude: 33.8990, longitude: 35.5150, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['ar', 'fr'], contactEmail: 'committee@4august.example.org',
    issueAreas: ['housing-rights', 'anti-corruption'],
    capabilities: [
      cap('community-organizing', L.PROFICIENT, 3, false, 'Neighbourhood committees in Karantina and Mar Mikhael'),
      cap('venue-provision', L.BASIC, 1, false, 'A rebuilt community room'),
    ],
    needs: [
      need('strategic-litigation-support', N.CRITICAL, 'anti-corruption', true, 'Support for the investigation'),
      need('media-relations', N.MEDIUM, 'anti-corruption', true, 'International attention on the case'),
    ],
  },
  {
    ...place, slug: 'mashriq-rights-network', name: 'Mashriq Human Rights Network', owner: DEMO_COORDINATOR,
    mission: 'A regional network of rights groups in Lebanon, Syria, Jordan and Iraq sharing tools and advocacy.',
    kind: K.NETWORK, sizeBand: B.SMALL, latitude: 33.8700, longitude: 35.5000, precision: P.REGION,
    visibility: V.NETWORK, languages: ['ar', 'en'], website: 'https://mashriq-network.example.org',
    contactEmail: 'secretariat@mashriq-network.example.org', issueAreas: ['detention-monitoring', 'human-rights-education'],
    capabilities: [
      cap('un-mechanisms', L.EXPERT, 4, true, 'Joint submissions to the UPR'),
      cap('trainer-of-trainers', L.PROFICIENT, 3, true, 'Regional training programmes'),
      cap('interpretation', L.PROFICIENT, 2, true, 'Arabic-English conference interpretation'),
    ],
    needs: [
      need('open-source-investigation', N.MEDIUM, 'detention-monitoring', true, 'Verification of detention footage'),
      need('grant-writing', N.LOW, undefined, true, 'A joint regional proposal'),
    ],
  },
  {
    ...place, slug: 'nour-disability-access', name: 'Nour Disability Access Association',
    mission: 'Persons with disabilities campaigning for accessible cities, schools and emergency services.',
    kind: K.NGO, sizeBand: B.SMALL, latitude: 33.8750, longitude: 35.4890, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['ar', 'en'], contactEmail: 'nour@example.org',
    issueAreas: ['disability-rights', 'child-rights'],
    capabilities: [
      cap('sign-language', L.EXPERT, 3, true, 'Lebanese Sign Language interpreters'),
      cap('legislative-advocacy', L.PROFICIENT, 2, false, 'Advocacy on the disability law'),
    ],
    needs: [
      need('survey-design', N.MEDIUM, 'disability-rights', true, 'Accessibility audit of shelters'),
      need('video-production', N.LOW, 'disability-rights', true, 'Accessible explainer videos'),
    ],
  },
  {
    ...place, slug: 'beirut-interfaith-kitchen', name: 'Beirut Interfaith Kitchen',
    mission: 'Churches and mosques cooking together for displaced families and building trust across communities.',
    kind: K.FAITH_BASED, sizeBand: B.VOLUNTEER_ONLY, latitude: 33.8810, longitude: 35.5080, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['ar', 'fr', 'en'], contactEmail: 'kitchen@example.org',
    issueAreas: ['refugee-resettlement', 'housing-rights'],
    capabilities: [
      cap('faith-leader-networks', L.EXPERT, 4, false, 'Clergy from eight denominations'),
      cap('supply-distribution', L.PROFICIENT, 15, false, '800 hot meals a day'),
      cap('volunteer-coordination', L.PROFICIENT, 30, false, 'Weekend volunteers'),
    ],
    needs: [
      need('donor-relations', N.MEDIUM, undefined, true, 'Regular donors for food costs'),
    ],
  },
];
