import { B, cap, DEMO_DEFENDER, DEMO_OWNER, type DemoOrganization, K, L, N, need, P, S, V } from './demo-types.js';

// Istanbul: the largest refugee population in the world, pressure on assembly, press and LGBTQI+ groups.
const place = { country: 'TR', region: 'Istanbul', city: 'Istanbul' } as const;

export const ISTANBUL: DemoOrganization[] = [
  {
    ...place, slug: 'kopru-refugee-solidarity', name: 'Köprü Refugee Solidarity Association', owner: DEMO_OWNER,
    mission: 'Legal counselling, Turkish classes and work-permit support for Syrian, Afghan and African refugees.',
    kind: K.NGO, sizeBand: B.MEDIUM, latitude: 41.0190, longitude: 28.9400, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['tr', 'ar', 'fa', 'en'], website: 'https://kopru.example.org',
    contactEmail: 'info@kopru.example.org', verified: true,
    fundingDisclosure: 'European foundations (65%), UN sub-grants (35%).',
    issueAreas: ['refugee-resettlement', 'migrant-rights', 'labour-rights'],
    capabilities: [
      cap('asylum-representation', L.PROFICIENT, 6, false, 'Temporary protection and deportation cases'),
      cap('interpretation', L.EXPERT, 8, true, 'Arabic, Farsi, Dari and French'),
      cap('human-rights-education', L.PROFICIENT, 5, false, 'Know-your-rights sessions'),
    ],
    needs: [
      need('labour-law', N.HIGH, 'labour-rights', false, 'Refugees in textile workshops without contracts'),
      need('grant-writing', N.MEDIUM, undefined, true, 'Diversify beyond two donors'),
    ],
  },
  {
    ...place, slug: 'ozgur-basin-gozlem', name: 'Free Press Monitoring Desk',
    mission: 'Tracking prosecutions of journalists and providing trial observation and legal referrals.',
    kind: K.MEDIA, sizeBand: B.SMALL, latitude: 41.0370, longitude: 28.9850, precision: P.CITY,
    visibility: V.NETWORK, languages: ['tr', 'en', 'ku'], contactEmail: 'desk@basin-gozlem.example.org',
    issueAreas: ['press-freedom', 'freedom-of-assembly'],
    capabilities: [
      cap('trial-monitoring', L.EXPERT, 6, false, 'Observers at journalist trials every week'),
      cap('report-writing', L.PROFICIENT, 2, true, 'Monthly press freedom report'),
      cap('media-relations', L.EXPERT, 3, true, 'Contacts in international press bodies'),
    ],
    needs: [
      need('criminal-defence', N.HIGH, 'press-freedom', false, 'Lawyers for newly detained reporters'),
      need('secure-communications', N.HIGH, 'press-freedom', true, 'Secure channels with detained journalists\' families'),
    ],
  },
  {
    ...place, slug: 'gokkusagi-dayanisma', name: 'Gökkuşağı Solidarity Circle', owner: DEMO_DEFENDER,
    mission: 'LGBTQI+ peer support, legal referrals and safe spaces in a hostile environment.',
    kind: K.COMMUNITY_GROUP, sizeBand: B.VOLUNTEER_ONLY, latitude: 41.0330, longitude: 28.9770, precision: P.COUNTRY,
    visibility: V.PRIVATE, anonymousSuggestions: true, languages: ['tr', 'en'],
    contactEmail: 'circle@gokkusagi.example.org', issueAreas: ['lgbtqi-rights', 'freedom-of-assembly'],
    capabilities: [
      cap('peer-support', L.EXPERT, 5, true, 'Online and offline peer groups'),
      cap('secure-communications', L.PROFICIENT, 2, true, 'Safe messaging practice for members'),
    ],
    needs: [
      need('criminal-defence', N.CRITICAL, 'freedom-of-assembly', false, 'Pride march detainees'),
      need('trauma-counselling', N.HIGH, 'lgbtqi-rights', true, 'Affirming psychologists'),
      need('venue-provision', N.MEDIUM, undefined, false, 'Discreet meeting space'),
    ],
  },
  {
    ...place, slug: 'barolar-insan-haklari', name: 'Lawyers for Human Rights Istanbul',
    mission: 'A lawyers\' collective litigating torture, detention and assembly cases up to the Constitutional Court.',
    kind: K.LEGAL_AID, sizeBand: B.MEDIUM, latitude: 41.0420, longitude: 28.9870, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['tr', 'en'], website: 'https://lawyers-hr-ist.example.org',
    contactEmail: 'office@lawyers-hr-ist.example.org', verified: true,
    issueAreas: ['torture-prevention', 'detention-monitoring', 'freedom-of-assembly'],
    capabilities: [
      cap('criminal-defence', L.EXPERT, 8, false, 'Defence in mass trials'),
      cap('strategic-litigation-support', L.EXPERT, 3, true, 'Individual applications to Strasbourg'),
      cap('detention-visits', L.EXPERT, 4, false, 'Visits to police custody'),
    ],
    needs: [
      need('trauma-counselling', N.MEDIUM, 'torture-prevention', false, 'Medical and psychological reports for torture cases'),
      need('document-translation', N.MEDIUM, undefined, true, 'Translations of case files into English'),
    ],
  },
  {
    ...place, slug: 'tarlabasi-neighbourhood', name: 'Tarlabaşı Neighbourhood Association',
    mission: 'Long-time residents, Kurdish and Roma families and migrants resisting displacement by urban renewal.',
    kind: K.COMMUNITY_GROUP, sizeBand: B.VOLUNTEER_ONLY, latitude: 41.0380, longitude: 28.9780, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['tr', 'ku', 'ar'], contactEmail: 'komsu@tarlabasi.example.org',
    issueAreas: ['housing-rights', 'child-rights'],
    capabilities: [
      cap('community-organizing', L.EXPERT, 3, false, 'Trusted by every street in the district'),
      cap('outreach', L.EXPERT, 4, false, 'Reach to undocumented families'),
      cap('venue-provision', L.BASIC, 1, false, 'Children\'s centre after hours'),
    ],
    needs: [
      need('legal-clinics', N.HIGH, 'housing-rights', false, 'Expropriation advice'),
      need('volunteer-coordination', N.LOW, 'child-rights', false, 'Homework club volunteers'),
    ],
  },
  {
    ...place, slug: 'bogazici-rights-centre', name: 'Bosphorus Human Rights Research Centre',
    mission: 'Research and teaching on refugee law, minority rights and digital freedoms.',
    kind: K.ACADEMIC, sizeBand: B.SMALL, latitude: 41.0840, longitude: 29.0510, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['tr', 'en'], website: 'https://bosphorus-hrc.example.org',
    contactEmail: 'centre@bosphorus-hrc.example.org', issueAreas: ['refugee-resettlement', 'digital-rights'],
    capabilities: [
      cap('policy-analysis', L.EXPERT, 3, true, 'Refugee and internet law analysis'),
      cap('curriculum-design', L.PROFICIENT, 2, true, 'Summer schools for young activists'),
      cap('survey-design', L.PROFICIENT, 2, true, 'Refugee livelihoods surveys'),
    ],
    needs: [
      need('diaspora-networks', N.MEDIUM, 'refugee-resettlement', false, 'Introductions to Afghan community leaders'),
      need('video-production', N.LOW, undefined, true, 'Recorded lectures', { status: S.CLOSED }),
    ],
  },
  {
    ...place, slug: 'dayanisma-workers-platform', name: 'Textile Workers Solidarity Platform',
    mission: 'Unions and workers\' groups fighting unpaid wages, child labour and unsafe workshops in the garment sector.',
    kind: K.UNION, sizeBand: B.MEDIUM, latitude: 41.0500, longitude: 28.8600, precision: P.REGION,
    visibility: V.PUBLIC, languages: ['tr', 'ar'], contactEmail: 'platform@textile-solidarity.example.org',
    issueAreas: ['labour-rights', 'child-rights', 'migrant-rights'],
    capabilities: [
      cap('labour-law', L.EXPERT, 5, false, 'Wage theft claims'),
      cap('field-research', L.PROFICIENT, 2, false, 'Workshop inspections by workers'),
    ],
    needs: [
      need('interpretation', N.HIGH, 'migrant-rights', false, 'Arabic interpreters for Syrian workers'),
      need('social-media-campaigns', N.MEDIUM, 'labour-rights', true, 'Brand accountability campaign'),
    ],
  },
  {
    ...place, slug: 'hayat-women-cooperative', name: 'Hayat Women\'s Cooperative',
    mission: 'Turkish and Syrian women running a cooperative kitchen and a shelter referral line.',
    kind: K.COMMUNITY_GROUP, sizeBand: B.SMALL, latitude: 40.9900, longitude: 29.0290, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['tr', 'ar'], contactEmail: 'hayat@example.org',
    issueAreas: ['gender-equality', 'refugee-resettlement'], dealbreakerKinds: [K.UNION],
    capabilities: [
      cap('peer-support', L.PROFICIENT, 4, false, 'Women\'s circles in two languages'),
      cap('supply-distribution', L.BASIC, 5, false, 'Cooked meals for families in need'),
    ],
    needs: [
      need('financial-reporting', N.MEDIUM, undefined, true, 'Accounts for our first grant'),
      need('legal-clinics', N.HIGH, 'gender-equality', false, 'Divorce and custody advice'),
    ],
  },
  {
    ...place, slug: 'sivil-alan-fonu', name: 'Civic Space Solidarity Fund',
    mission: 'Rapid small grants for groups whose bank accounts are frozen or who face sudden legal costs.',
    kind: K.FOUNDATION, sizeBand: B.SMALL, latitude: 41.0600, longitude: 29.0100, precision: P.CITY,
    visibility: V.NETWORK, languages: ['tr', 'en'], contactEmail: 'fund@civic-space.example.org',
    fundingDisclosure: 'Individual donors in Türkiye and the diaspora; no foreign government money.',
    issueAreas: ['freedom-of-assembly', 'press-freedom'],
    capabilities: [
      cap('donor-relations', L.EXPERT, 5, true, 'Rapid response grants within a week'),
      cap('financial-reporting', L.PROFICIENT, 4, true, 'Simple reporting templates for grantees'),
    ],
    needs: [
      need('incident-response', N.MEDIUM, undefined, true, 'Audit of our donor database security'),
    ],
  },
];
