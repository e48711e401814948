import { B, cap, DEMO_COORDINATOR, DEMO_OWNER, type DemoOrganization, K, L, N, need, P, V } from './demo-types.js';

// Athens: asylum seekers arriving from the islands, pushbacks, detention, housing and anti-racism work.
const place = { country: 'GR', region: 'Attica', city: 'Athens' } as const;

export const ATHENS: DemoOrganization[] = [
  {
    ...place, slug: 'exarchia-solidarity-clinic', name: 'Solidarity Health Clinic of Exarchia', owner: DEMO_OWNER,
    mission: 'Volunteer doctors and psychologists caring for uninsured residents, refugees and migrants.',
    kind: K.COMMUNITY_GROUP, sizeBand: B.VOLUNTEER_ONLY, latitude: 37.9870, longitude: 23.7340, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['el', 'en', 'ar', 'fa'], contactEmail: 'clinic@solidarity-exarchia.example.org',
    issueAreas: ['refugee-resettlement', 'migrant-rights'], dealbreakerKinds: [K.FOUNDATION],
    capabilities: [
      cap('trauma-counselling', L.PROFICIENT, 4, false, 'Volunteer psychologists, Farsi and Arabic'),
      cap('volunteer-coordination', L.PROFICIENT, 20, false, 'Rota of 60 health volunteers'),
    ],
    needs: [
      need('document-translation', N.MEDIUM, 'refugee-resettlement', true, 'Medical leaflets in Farsi, Arabic, French'),
      need('supply-distribution', N.HIGH, undefined, false, 'Regular supply of medicines'),
    ],
  },
  {
    ...place, slug: 'hellenic-asylum-lawyers', name: 'Hellenic Asylum Lawyers Group', owner: DEMO_OWNER,
    mission: 'Free legal representation for asylum seekers on the mainland and the Aegean islands.',
    kind: K.LEGAL_AID, sizeBand: B.MEDIUM, latitude: 37.9780, longitude: 23.7350, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['el', 'en', 'fr', 'ar'], website: 'https://asylum-lawyers-gr.example.org',
    contactEmail: 'cases@asylum-lawyers-gr.example.org', verified: true,
    fundingDisclosure: 'Private foundations (70%), EU operating grant (30%).',
    issueAreas: ['refugee-resettlement', 'detention-monitoring', 'migrant-rights'],
    capabilities: [
      cap('asylum-representation', L.EXPERT, 12, true, 'Appeals and admissibility cases'),
      cap('strategic-litigation-support', L.EXPERT, 3, true, 'Cases at the European Court of Human Rights'),
      cap('detention-visits', L.PROFICIENT, 3, false, 'Visits to pre-removal centres'),
    ],
    needs: [
      need('interpretation', N.CRITICAL, 'refugee-resettlement', true, 'Pashto, Tigrinya and Lingala interpreters'),
      need('open-source-investigation', N.HIGH, 'migrant-rights', true, 'Evidence of pushbacks at sea'),
      need('staff-wellbeing', N.MEDIUM, undefined, true, 'Vicarious trauma support for lawyers'),
    ],
  },
  {
    ...place, slug: 'aegean-boat-report', name: 'Aegean Boat Report Collective',
    mission: 'Monitoring arrivals and pushbacks in the Aegean and alerting lawyers, journalists and UN bodies.',
    kind: K.NGO, sizeBand: B.SMALL, latitude: 37.9400, longitude: 23.6500, precision: P.COUNTRY,
    visibility: V.PRIVATE, anonymousSuggestions: true, languages: ['en', 'el'],
    contactEmail: 'alerts@aegean-report.example.org', issueAreas: ['migrant-rights', 'torture-prevention'],
    capabilities: [
      cap('open-source-investigation', L.EXPERT, 3, true, 'Geolocation of videos and boat tracks'),
      cap('human-rights-documentation', L.EXPERT, 4, true, 'Testimonies from survivors'),
    ],
    needs: [
      need('secure-communications', N.HIGH, undefined, true, 'Protect sources on the islands'),
      need('criminal-defence', N.HIGH, 'migrant-rights', false, 'Volunteers prosecuted for smuggling'),
    ],
  },
  {
    ...place, slug: 'stegi-housing-action', name: 'Stegi Housing Action',
    mission: 'Tenants, refugees and students organizing against evictions and for social housing in Athens.',
    kind: K.COMMUNITY_GROUP, sizeBand: B.VOLUNTEER_ONLY, latitude: 37.9950, longitude: 23.7250, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['el', 'en'], contactEmail: 'stegi@example.org',
    issueAreas: ['housing-rights', 'refugee-resettlement'],
    capabilities: [
      cap('community-organizing', L.PROFICIENT, 3, false, 'Tenant assemblies in five neighbourhoods'),
      cap('protest-monitoring', L.BASIC, 6, false, 'Eviction watch'),
    ],
    needs: [
      need('legal-clinics', N.HIGH, 'housing-rights', false, 'Tenancy law advice'),
      need('data-analysis', N.LOW, 'housing-rights', true, 'Map short-term rentals'),
    ],
  },
  {
    ...place, slug: 'panteion-migration-lab', name: 'Migration and Rights Lab',
    mission: 'University researchers working with NGOs on asylum procedures, detention and integration.',
    kind: K.ACADEMIC, sizeBand: B.SMALL, latitude: 37.9580, longitude: 23.7170, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['el', 'en'], website: 'https://migration-lab.example.org',
    contactEmail: 'lab@migration-lab.example.org', issueAreas: ['migrant-rights', 'detention-monitoring'],
    capabilities: [
      cap('field-research', L.EXPERT, 2, false, 'Interviews in camps and detention centres'),
      cap('report-writing', L.EXPERT, 3, true, 'Policy briefs and academic papers'),
      cap('survey-design', L.PROFICIENT, 2, true, 'Multilingual surveys'),
    ],
    needs: [
      need('outreach', N.MEDIUM, 'migrant-rights', false, 'Access to communities for a longitudinal study'),
    ],
  },
  {
    ...place, slug: 'anti-racism-observatory-gr', name: 'Observatory Against Racist Violence', owner: DEMO_COORDINATOR,
    mission: 'A network of 40 organizations recording racist attacks and pushing for prosecution of hate crimes.',
    kind: K.NETWORK, sizeBand: B.SMALL, latitude: 37.9800, longitude: 23.7300, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['el', 'en'], website: 'https://racism-observatory.example.org',
    contactEmail: 'network@racism-observatory.example.org', verified: true,
    issueAreas: ['migrant-rights', 'lgbtqi-rights'],
    capabilities: [
      cap('human-rights-documentation', L.EXPERT, 6, true, 'Common recording form for hate crimes'),
      cap('legislative-advocacy', L.PROFICIENT, 2, false, 'Work with the police hate crime units'),
      cap('trainer-of-trainers', L.PROFICIENT, 3, true, 'Training member organizations to record'),
    ],
    needs: [
      need('data-analysis', N.MEDIUM, 'migrant-rights', true, 'Annual statistics'),
      need('media-relations', N.LOW, undefined, true, 'Launch of the annual report'),
    ],
  },
  {
    ...place, slug: 'to-kouti-media', name: 'To Kouti Independent Media',
    mission: 'A reader-funded newsroom covering migration, policing and surveillance of journalists in Greece.',
    kind: K.MEDIA, sizeBand: B.SMALL, latitude: 37.9760, longitude: 23.7400, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['el', 'en'], website: 'https://tokouti.example.org',
    contactEmail: 'desk@tokouti.example.org', fundingDisclosure: 'Reader subscriptions only.',
    issueAreas: ['press-freedom', 'digital-rights'],
    capabilities: [
      cap('investigative-journalism', L.EXPERT, 2, true, 'Spyware and surveillance investigations'),
      cap('media-relations', L.PROFICIENT, 3, true, 'Syndication to European outlets'),
    ],
    needs: [
      need('incident-response', N.HIGH, 'press-freedom', true, 'Forensics on journalists\' phones'),
      need('donor-relations', N.LOW, undefined, true, 'Bridge funding'),
    ],
  },
  {
    ...place, slug: 'agape-refugee-ministry', name: 'Agape Refugee Ministry',
    mission: 'A church ministry offering language classes, childcare and accommodation to refugee families.',
    kind: K.FAITH_BASED, sizeBand: B.SMALL, latitude: 37.9700, longitude: 23.7200, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['el', 'en', 'fa'], contactEmail: 'agape@example.org',
    issueAreas: ['refugee-resettlement', 'child-rights'],
    capabilities: [
      cap('venue-provision', L.PROFICIENT, 3, false, 'Classrooms and a hall'),
      cap('human-rights-education', L.BASIC, 4, false, 'Know-your-rights sessions'),
      cap('mentoring', L.PROFICIENT, 10, false, 'Family mentors from the congregation'),
    ],
    needs: [
      need('asylum-representation', N.HIGH, 'refugee-resettlement', false, 'Referral partner for families'),
      need('trauma-counselling', N.MEDIUM, 'child-rights', false, 'Play therapy for children'),
    ],
  },
  {
    ...place, slug: 'piraeus-dockworkers-union', name: 'Piraeus Dockworkers Union',
    mission: 'Port workers defending safety standards and solidarity with migrant seafarers stranded in port.',
    kind: K.UNION, sizeBand: B.MEDIUM, latitude: 37.9420, longitude: 23.6460, precision: P.REGION,
    visibility: V.NETWORK, languages: ['el', 'en'], contactEmail: 'union@piraeus-dock.example.org',
    issueAreas: ['labour-rights', 'migrant-rights'],
    capabilities: [
      cap('labour-law', L.PROFICIENT, 3, false, 'Maritime labour conventions'),
      cap('transport', L.PROFICIENT, 4, false, 'Vans and a boat for port visits'),
      cap('event-staffing', L.PROFICIENT, 40, false, 'Stewards for demonstrations'),
    ],
    needs: [
      need('interpretation', N.MEDIUM, 'migrant-rights', false, 'Interpreters for seafarers'),
    ],
  },
];
