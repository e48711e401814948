import { B, cap, DEMO_COORDINATOR, DEMO_DEFENDER, DEMO_OWNER, type DemoOrganization, K, L, N, need, P, S, V } from './demo-types.js';

// Manila: drug-war killings, red-tagging of activists, urban poor housing, indigenous land and climate disasters.
const place = { country: 'PH', region: 'Metro Manila', city: 'Manila' } as const;

export const MANILA: DemoOrganization[] = [
  {
    ...place, slug: 'bantay-karapatan-quezon', name: 'Bantay Karapatan Documentation Centre', owner: DEMO_OWNER,
    mission: 'Documenting extrajudicial killings and supporting families seeking justice.',
    kind: K.NGO, sizeBand: B.MEDIUM, latitude: 14.6507, longitude: 121.0490, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['tl', 'en'], website: 'https://bantay-karapatan.example.org',
    contactEmail: 'docs@bantay-karapatan.example.org', verified: true,
    issueAreas: ['torture-prevention', 'detention-monitoring'],
    capabilities: [
      cap('human-rights-documentation', L.EXPERT, 5, true, 'Case files on 1,200 killings'),
      cap('report-writing', L.PROFICIENT, 2, true, 'Submissions to the International Criminal Court'),
      cap('un-mechanisms', L.PROFICIENT, 2, true, 'Special procedures communications'),
    ],
    needs: [
      need('trauma-counselling', N.HIGH, 'torture-prevention', false, 'Grief counselling for widows and children'),
      need('data-analysis', N.MEDIUM, undefined, true, 'Pattern analysis across police precincts'),
    ],
  },
  {
    ...place, slug: 'tahanan-urban-poor', name: 'Samahan ng Tahanan Urban Poor Alliance',
    mission: 'Informal settler families in Tondo and along the Pasig fighting demolitions and for in-city relocation.',
    kind: K.COMMUNITY_GROUP, sizeBand: B.VOLUNTEER_ONLY, latitude: 14.6130, longitude: 120.9670, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['tl'], contactEmail: 'tahanan@example.org',
    issueAreas: ['housing-rights', 'climate-justice'],
    capabilities: [
      cap('community-organizing', L.EXPERT, 5, false, 'Block organizers in 30 communities'),
      cap('outreach', L.PROFICIENT, 4, false, 'House-to-house surveys'),
    ],
    needs: [
      need('legal-clinics', N.CRITICAL, 'housing-rights', false, 'Advice on demolition notices'),
      need('policy-analysis', N.MEDIUM, 'housing-rights', true, 'Review of the city\'s relocation plan'),
      need('crowdfunding', N.LOW, undefined, true, 'Typhoon repair fund', { status: S.MET }),
    ],
  },
  {
    ...place, slug: 'lumad-solidarity-manila', name: 'Lumad Solidarity Support Group', owner: DEMO_DEFENDER,
    mission: 'Support for indigenous Lumad teachers and students displaced from Mindanao and red-tagged.',
    kind: K.NETWORK, sizeBand: B.SMALL, latitude: 14.6000, longitude: 121.0000, precision: P.COUNTRY,
    visibility: V.PRIVATE, anonymousSuggestions: true, languages: ['tl', 'en', 'ceb'],
    contactEmail: 'support@lumad-solidarity.example.org', issueAreas: ['indigenous-rights', 'child-rights', 'land-rights'],
    capabilities: [
      cap('emergency-relocation', L.PROFICIENT, 2, false, 'Sanctuary for displaced students'),
      cap('human-rights-education', L.PROFICIENT, 3, false, 'Bakwit schools curriculum'),
    ],
    needs: [
      need('criminal-defence', N.CRITICAL, 'indigenous-rights', false, 'Teachers facing fabricated charges'),
      need('secure-communications', N.HIGH, undefined, true, 'Protection from surveillance'),
    ],
  },
  {
    ...place, slug: 'pinoy-media-watch', name: 'Pinoy Media Watch',
    mission: 'Independent newsroom and fact-checkers covering human rights and disinformation.',
    kind: K.MEDIA, sizeBand: B.MEDIUM, latitude: 14.5547, longitude: 121.0244, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['en', 'tl'], website: 'https://pinoy-mediawatch.example.org',
    contactEmail: 'newsroom@pinoy-mediawatch.example.org', issueAreas: ['press-freedom', 'digital-rights'],
    fundingDisclosure: 'Reader memberships (40%), journalism foundations (60%).',
    capabilities: [
      cap('investigative-journalism', L.EXPERT, 3, true, 'Investigations into police operations'),
      cap('open-source-investigation', L.EXPERT, 2, true, 'Disinformation network analysis'),
      cap('social-media-campaigns', L.PROFICIENT, 3, true, 'Audience of two million'),
    ],
    needs: [
      need('criminal-defence', N.HIGH, 'press-freedom', false, 'Cyber-libel cases against reporters'),
      need('staff-wellbeing', N.MEDIUM, undefined, true, 'Online harassment support for journalists'),
    ],
  },
  {
    ...place, slug: 'manggagawa-unity-federation', name: 'Manggagawa Unity Federation',
    mission: 'Factory and gig workers organizing for regularisation, safe workplaces and the right to strike.',
    kind: K.UNION, sizeBand: B.LARGE, latitude: 14.5794, longitude: 120.9800, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['tl', 'en'], contactEmail: 'federation@manggagawa.example.org',
    issueAreas: ['labour-rights', 'freedom-of-assembly'], dealbreakerKinds: [K.FOUNDATION],
    capabilities: [
      cap('labour-law', L.EXPERT, 6, false, 'Cases before the labour arbiters'),
      cap('event-staffing', L.EXPERT, 80, false, 'Picket lines and rallies'),
      cap('workshop-facilitation', L.PROFICIENT, 4, false, 'Shop-steward training'),
    ],
    needs: [
      need('protest-monitoring', N.HIGH, 'freedom-of-assembly', false, 'Observers at picket lines'),
      need('digital-security-training', N.MEDIUM, undefined, true, 'Organizers are being red-tagged online'),
    ],
  },
  {
    ...place, slug: 'bahaghari-legal-clinic', name: 'Bahaghari Legal Clinic',
    mission: 'A university legal clinic giving free advice to LGBTQI+ people, women and informal workers.',
    kind: K.ACADEMIC, sizeBand: B.SMALL, latitude: 14.6538, longitude: 121.0685, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['en', 'tl'], website: 'https://bahaghari-clinic.example.org',
    contactEmail: 'clinic@bahaghari.example.org', verified: true,
    issueAreas: ['lgbtqi-rights', 'gender-equality'],
    capabilities: [
      cap('legal-clinics', L.PROFICIENT, 8, true, 'Law students supervised by faculty'),
      cap('curriculum-design', L.EXPERT, 2, true, 'Human rights law modules'),
      cap('mentoring', L.PROFICIENT, 6, true, 'Mentoring young lawyers'),
    ],
    needs: [
      need('outreach', N.MEDIUM, 'lgbtqi-rights', false, 'Reach trans women in Quezon City'),
    ],
  },
  {
    ...place, slug: 'bagyo-resilience-network', name: 'Bagyo Climate Resilience Network', owner: DEMO_COORDINATOR,
    mission: 'Coastal communities, churches and scientists preparing for typhoons and demanding loss-and-damage finance.',
    kind: K.NETWORK, sizeBand: B.MEDIUM, latitude: 14.5200, longitude: 121.0300, precision: P.REGION,
    visibility: V.NETWORK, languages: ['tl', 'en', 'ceb'], website: 'https://bagyo-network.example.org',
    contactEmail: 'network@bagyo.example.org', issueAreas: ['climate-justice', 'housing-rights'],
    capabilities: [
      cap('supply-distribution', L.EXPERT, 30, false, 'Pre-positioned relief goods'),
      cap('transport', L.PROFICIENT, 5, false, 'Boats and trucks after typhoons'),
      cap('policy-analysis', L.PROFICIENT, 2, true, 'Loss-and-damage negotiations'),
    ],
    needs: [
      need('media-relations', N.MEDIUM, 'climate-justice', true, 'International media ahead of COP'),
      need('financial-reporting', N.MEDIUM, undefined, true, 'Pooled fund accounting'),
    ],
  },
  {
    ...place, slug: 'sisters-of-mercy-outreach', name: 'Mercy Sisters Community Outreach',
    mission: 'Religious sisters providing sanctuary, food and pastoral care to families of victims of violence.',
    kind: K.FAITH_BASED, sizeBand: B.SMALL, latitude: 14.5896, longitude: 120.9750, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['tl', 'en'], contactEmail: 'outreach@mercy-sisters.example.org',
    issueAreas: ['torture-prevention', 'child-rights'],
    capabilities: [
      cap('venue-provision', L.PROFICIENT, 2, false, 'Convent hall and guest rooms'),
      cap('peer-support', L.PROFICIENT, 3, false, 'Circles for bereaved mothers'),
      cap('faith-leader-networks', L.EXPERT, 4, false, 'Dioceses across Luzon'),
    ],
    needs: [
      need('human-rights-documentation', N.MEDIUM, 'torture-prevention', true, 'Record testimonies properly'),
    ],
  },
  {
    ...place, slug: 'kabataan-digital-rights', name: 'Kabataan Digital Rights Project',
    mission: 'Young technologists teaching safe, free internet use and fighting online surveillance laws.',
    kind: K.NGO, sizeBand: B.SMALL, latitude: 14.5764, longitude: 121.0851, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['en', 'tl'], website: 'https://kabataan-digital.example.org',
    contactEmail: 'hello@kabataan-digital.example.org', issueAreas: ['digital-rights', 'human-rights-education'],
    capabilities: [
      cap('digital-security-training', L.EXPERT, 6, true, 'Workshops for activists and journalists'),
      cap('incident-response', L.PROFICIENT, 3, true, 'Account recovery and phishing triage'),
    ],
    needs: [
      need('legislative-advocacy', N.HIGH, 'digital-rights', false, 'Lobbying against the SIM registration law'),
      need('grant-writing', N.MEDIUM, undefined, true, 'Multi-year funding'),
    ],
  },
];
