import { B, cap, DEMO_COORDINATOR, DEMO_DEFENDER, DEMO_OWNER, type DemoOrganization, K, L, N, need, P, V } from './demo-types.js';

// Kyiv: war crimes documentation, displaced people, detained civilians, and civic life under martial law.
const place = { country: 'UA', region: 'Kyiv City', city: 'Kyiv' } as const;

export const KYIV: DemoOrganization[] = [
  {
    ...place, slug: 'pravda-war-crimes-docs', name: 'Accountability Now Documentation Initiative', owner: DEMO_OWNER,
    mission: 'Documenting war crimes to international standards and preparing evidence for courts.',
    kind: K.NGO, sizeBand: B.LARGE, latitude: 50.4470, longitude: 30.5220, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['uk', 'en'], website: 'https://accountability-now.example.org',
    contactEmail: 'evidence@accountability-now.example.org', verified: true,
    fundingDisclosure: 'European governments (60%), foundations (40%).',
    issueAreas: ['torture-prevention', 'detention-monitoring'],
    capabilities: [
      cap('human-rights-documentation', L.EXPERT, 10, false, 'Mobile teams in de-occupied areas'),
      cap('open-source-investigation', L.EXPERT, 4, true, 'Verification of strike footage'),
      cap('trainer-of-trainers', L.EXPERT, 4, true, 'Documentation training for local groups'),
    ],
    needs: [
      need('trauma-counselling', N.HIGH, 'torture-prevention', false, 'Care for survivors interviewed by our teams'),
      need('staff-wellbeing', N.HIGH, undefined, true, 'Documenters report secondary trauma'),
    ],
  },
  {
    ...place, slug: 'dim-displaced-help', name: 'Dim Help Centre for Displaced People',
    mission: 'Housing, social benefits and legal aid for internally displaced families arriving in Kyiv.',
    kind: K.COMMUNITY_GROUP, sizeBand: B.SMALL, latitude: 50.4600, longitude: 30.4900, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['uk', 'ru'], contactEmail: 'dim@example.org',
    issueAreas: ['housing-rights', 'refugee-resettlement', 'disability-rights'],
    capabilities: [
      cap('supply-distribution', L.EXPERT, 20, false, 'Warehouse with 2,000 family kits'),
      cap('volunteer-coordination', L.PROFICIENT, 25, false, 'Volunteers for reception'),
      cap('outreach', L.PROFICIENT, 4, false, 'Elderly and disabled displaced people'),
    ],
    needs: [
      need('legal-clinics', N.HIGH, 'housing-rights', false, 'Compensation claims for destroyed homes'),
      need('grant-writing', N.MEDIUM, undefined, true, 'Move from emergency to longer-term funding'),
    ],
  },
  {
    ...place, slug: 'civilians-in-captivity', name: 'Families of Civilians in Captivity', owner: DEMO_DEFENDER,
    mission: 'Relatives of civilians detained in occupied territories searching for them and pressing for release.',
    kind: K.COMMUNITY_GROUP, sizeBand: B.VOLUNTEER_ONLY, latitude: 50.4300, longitude: 30.5400, precision: P.REGION,
    visibility: V.PRIVATE, anonymousSuggestions: true, languages: ['uk', 'ru', 'en'],
    contactEmail: 'families@captivity.example.org', issueAreas: ['detention-monitoring', 'torture-prevention'],
    capabilities: [
      cap('peer-support', L.PROFICIENT, 4, true, 'Support groups for 300 families'),
      cap('human-rights-documentation', L.BASIC, 3, true, 'Records of each disappearance'),
    ],
    needs: [
      need('un-mechanisms', N.CRITICAL, 'detention-monitoring', true, 'Submissions to the UN working group on disappearances'),
      need('media-relations', N.MEDIUM, 'detention-monitoring', true, 'Keep the cases visible abroad'),
    ],
  },
  {
    ...place, slug: 'hromada-legal-aid', name: 'Hromada Legal Aid Foundation',
    mission: 'Free lawyers for displaced people, veterans\' families and victims of war-related crimes.',
    kind: K.LEGAL_AID, sizeBand: B.MEDIUM, latitude: 50.4510, longitude: 30.5150, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['uk', 'en'], website: 'https://hromada-legal.example.org',
    contactEmail: 'help@hromada-legal.example.org', verified: true,
    issueAreas: ['housing-rights', 'refugee-resettlement', 'anti-corruption'],
    capabilities: [
      cap('legal-clinics', L.EXPERT, 15, true, 'Online and mobile consultations'),
      cap('strategic-litigation-support', L.PROFICIENT, 2, true, 'Test cases on property compensation'),
      cap('financial-reporting', L.PROFICIENT, 3, true, 'Audited accounts for institutional donors'),
    ],
    needs: [
      need('data-analysis', N.MEDIUM, 'housing-rights', true, 'Analysis of 40,000 consultations'),
      need('sign-language', N.LOW, 'disability-rights', true, 'Consultations for deaf clients'),
    ],
  },
  {
    ...place, slug: 'zmina-media-collective', name: 'Zmina Independent Media Collective',
    mission: 'Journalists reporting on human rights in wartime and from the occupied territories.',
    kind: K.MEDIA, sizeBand: B.SMALL, latitude: 50.4440, longitude: 30.5100, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['uk', 'en', 'ru'], website: 'https://zmina-media.example.org',
    contactEmail: 'editor@zmina-media.example.org', issueAreas: ['press-freedom', 'detention-monitoring'],
    capabilities: [
      cap('investigative-journalism', L.EXPERT, 2, true, 'Investigations into filtration camps'),
      cap('video-production', L.EXPERT, 3, true, 'Documentary production'),
      cap('document-translation', L.PROFICIENT, 3, true, 'Ukrainian-English translation'),
    ],
    needs: [
      need('incident-response', N.HIGH, 'press-freedom', true, 'Phishing attacks on the newsroom'),
      need('donor-relations', N.MEDIUM, undefined, true, 'Core funding'),
    ],
  },
  {
    ...place, slug: 'ukrainian-civic-coalition', name: 'Civic Resilience Coalition', owner: DEMO_COORDINATOR,
    mission: 'A coalition of 70 civil society organizations coordinating advocacy on reconstruction and the rule of law.',
    kind: K.NETWORK, sizeBand: B.MEDIUM, latitude: 50.4550, longitude: 30.5300, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['uk', 'en'], website: 'https://civic-resilience.example.org',
    contactEmail: 'coordination@civic-resilience.example.org', verified: true,
    issueAreas: ['anti-corruption', 'housing-rights', 'human-rights-education'],
    capabilities: [
      cap('legislative-advocacy', L.EXPERT, 4, false, 'Relations with parliamentary committees'),
      cap('policy-analysis', L.EXPERT, 3, true, 'Reconstruction and anti-corruption policy'),
      cap('workshop-facilitation', L.PROFICIENT, 4, true, 'Coalition strategy sessions'),
    ],
    needs: [
      need('community-organizing', N.MEDIUM, 'housing-rights', false, 'Residents\' voices in reconstruction plans'),
      need('survey-design', N.LOW, 'anti-corruption', true, 'Public trust survey'),
    ],
  },
  {
    ...place, slug: 'kyiv-mohyla-rights-school', name: 'Human Rights Summer School Kyiv',
    mission: 'A university programme training lawyers, journalists and activists in international humanitarian law.',
    kind: K.ACADEMIC, sizeBand: B.SMALL, latitude: 50.4650, longitude: 30.5200, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['uk', 'en'], website: 'https://rights-school-kyiv.example.org',
    contactEmail: 'school@rights-school-kyiv.example.org', issueAreas: ['human-rights-education', 'torture-prevention'],
    capabilities: [
      cap('human-rights-education', L.EXPERT, 6, true, 'Courses on humanitarian law'),
      cap('curriculum-design', L.EXPERT, 3, true, 'Modules for regional trainers'),
    ],
    needs: [
      need('interpretation', N.MEDIUM, 'human-rights-education', false, 'Interpreters for visiting lecturers'),
      need('venue-provision', N.LOW, undefined, false, 'Sheltered venue for in-person sessions'),
    ],
  },
  {
    ...place, slug: 'sviato-interchurch-aid', name: 'Interchurch Aid Kyiv',
    mission: 'Parishes of several churches running evacuation, shelters and pastoral care for war-affected people.',
    kind: K.FAITH_BASED, sizeBand: B.MEDIUM, latitude: 50.4400, longitude: 30.5600, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['uk', 'en', 'pl'], contactEmail: 'aid@interchurch-kyiv.example.org',
    issueAreas: ['refugee-resettlement', 'disability-rights'],
    capabilities: [
      cap('transport', L.EXPERT, 6, false, 'Evacuation buses from frontline towns'),
      cap('faith-leader-networks', L.EXPERT, 5, false, 'Parishes across the country'),
      cap('venue-provision', L.PROFICIENT, 4, false, 'Shelters in parish buildings'),
    ],
    needs: [
      need('trauma-counselling', N.HIGH, 'refugee-resettlement', false, 'Counsellors for evacuees'),
      need('financial-reporting', N.MEDIUM, undefined, true, 'Reporting for international church donors'),
    ],
  },
  {
    ...place, slug: 'profspilka-energy-workers', name: 'Energy Workers\' Trade Union',
    mission: 'Repair crews and power-plant workers defending labour rights and safety under shelling.',
    kind: K.UNION, sizeBand: B.VERY_LARGE, latitude: 50.4200, longitude: 30.4700, precision: P.REGION,
    visibility: V.NETWORK, languages: ['uk'], contactEmail: 'union@energy-workers.example.org',
    issueAreas: ['labour-rights'],
    capabilities: [
      cap('labour-law', L.EXPERT, 4, false, 'Martial-law labour legislation'),
      cap('event-staffing', L.PROFICIENT, 50, false, 'Members for community events'),
    ],
    needs: [
      need('trauma-counselling', N.HIGH, 'labour-rights', false, 'Repair crews after attacks'),
      need('media-relations', N.LOW, 'labour-rights', true, 'International solidarity campaign'),
    ],
  },
];
