import { B, cap, DEMO_DEFENDER, DEMO_OWNER, type DemoOrganization, K, L, N, need, P, S, V } from './demo-types.js';

// Bogotá: the peace process, social leaders under threat, displaced and Venezuelan migrant communities.
const place = { country: 'CO', region: 'Bogotá D.C.', city: 'Bogotá' } as const;

export const BOGOTA: DemoOrganization[] = [
  {
    ...place, slug: 'tejido-de-paz', name: 'Corporación Tejido de Paz', owner: DEMO_OWNER,
    mission: 'Accompanying victims of the armed conflict in claims for truth, reparation and land restitution.',
    kind: K.NGO, sizeBand: B.MEDIUM, latitude: 4.6097, longitude: -74.0817, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['es', 'en'], website: 'https://tejidodepaz.example.org',
    contactEmail: 'contacto@tejidodepaz.example.org', verified: true,
    fundingDisclosure: 'Two European development agencies and a Colombian foundation; no government funding.',
    issueAreas: ['land-rights', 'indigenous-rights', 'human-rights-education'],
    capabilities: [
      cap('human-rights-documentation', L.EXPERT, 4, true, 'Victims\' testimonies for the transitional justice system'),
      cap('strategic-litigation-support', L.PROFICIENT, 2, true, 'Land restitution claims'),
      cap('workshop-facilitation', L.PROFICIENT, 5, false, 'Memory and reconciliation workshops'),
    ],
    needs: [
      need('open-source-investigation', N.HIGH, 'land-rights', true, 'Satellite evidence of dispossession'),
      need('video-production', N.MEDIUM, 'human-rights-education', false, 'Short films with survivors'),
    ],
  },
  {
    ...place, slug: 'colectivo-juridico-dignidad', name: 'Colectivo Jurídico Dignidad', owner: DEMO_OWNER,
    mission: 'Lawyers defending social leaders, protesters and political prisoners before national and Inter-American courts.',
    kind: K.LEGAL_AID, sizeBand: B.SMALL, latitude: 4.6280, longitude: -74.0650, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['es'], website: 'https://dignidad-juridica.example.org',
    contactEmail: 'abogados@dignidad-juridica.example.org', issueAreas: ['freedom-of-assembly', 'torture-prevention'],
    capabilities: [
      cap('criminal-defence', L.EXPERT, 6, false, 'Defence of protesters charged with terrorism offences'),
      cap('trial-monitoring', L.EXPERT, 4, false, 'Observers at high-profile trials'),
      cap('un-mechanisms', L.PROFICIENT, 2, true, 'Petitions to the Inter-American Commission'),
    ],
    needs: [
      need('media-relations', N.HIGH, 'freedom-of-assembly', true, 'Press strategy around key verdicts'),
      need('incident-response', N.HIGH, undefined, true, 'Help after a break-in at our office'),
      need('crowdfunding', N.LOW, undefined, true, 'Bail fund campaign', { status: S.CLOSED }),
    ],
  },
  {
    ...place, slug: 'lideres-sociales-seguros', name: 'Red de Protección a Líderes Sociales', owner: DEMO_DEFENDER,
    mission: 'Collective protection for rural social leaders under death threat: early warning, relocation and care.',
    kind: K.NETWORK, sizeBand: B.SMALL, latitude: 4.6500, longitude: -74.1000, precision: P.COUNTRY,
    visibility: V.PRIVATE, anonymousSuggestions: true, languages: ['es'],
    contactEmail: 'proteccion@lideres-seguros.example.org', issueAreas: ['land-rights', 'indigenous-rights'],
    capabilities: [
      cap('emergency-relocation', L.EXPERT, 2, false, 'Temporary relocation of threatened leaders'),
      cap('community-organizing', L.EXPERT, 6, false, 'Guardia-style community protection schemes'),
    ],
    needs: [
      need('digital-security-training', N.CRITICAL, undefined, true, 'Phones of rural leaders are being tracked'),
      need('peer-support', N.HIGH, undefined, false, 'Care for families of murdered leaders'),
      need('donor-relations', N.MEDIUM, undefined, true, 'Funding that does not expose names'),
    ],
  },
  {
    ...place, slug: 'puentes-migrantes', name: 'Fundación Puentes Migrantes',
    mission: 'Orientation, legal status and jobs for Venezuelan migrants and returning Colombians in Bogotá.',
    kind: K.NGO, sizeBand: B.LARGE, latitude: 4.5981, longitude: -74.0760, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['es', 'en'], website: 'https://puentesmigrantes.example.org',
    contactEmail: 'info@puentesmigrantes.example.org', verified: true,
    fundingDisclosure: 'UN agency sub-grants (60%), corporate donors (25%), individual donors (15%).',
    issueAreas: ['migrant-rights', 'refugee-resettlement', 'child-rights'],
    capabilities: [
      cap('outreach', L.EXPERT, 10, false, 'Mobile teams at bus terminals and informal settlements'),
      cap('supply-distribution', L.PROFICIENT, 20, false, 'Food and hygiene kits'),
      cap('financial-reporting', L.EXPERT, 3, true, 'Reporting to multilateral donors'),
      cap('volunteer-coordination', L.PROFICIENT, 50, false, 'A pool of 200 trained volunteers'),
    ],
    needs: [
      need('asylum-representation', N.HIGH, 'migrant-rights', false, 'Status regularisation appeals'),
      need('trauma-counselling', N.MEDIUM, 'child-rights', false, 'Psychosocial care for children in transit'),
    ],
  },
  {
    ...place, slug: 'radio-comunal-la-voz', name: 'Radio Comunal La Voz del Barrio',
    mission: 'A community radio in Ciudad Bolívar giving airtime to youth, women and displaced families.',
    kind: K.MEDIA, sizeBand: B.VOLUNTEER_ONLY, latitude: 4.5550, longitude: -74.1500, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['es'], contactEmail: 'lavoz@example.org',
    issueAreas: ['press-freedom', 'housing-rights'],
    capabilities: [
      cap('media-relations', L.PROFICIENT, 3, false, 'Airtime and interviews for partners'),
      cap('video-production', L.BASIC, 2, false, 'Simple video for social media'),
      cap('venue-provision', L.BASIC, 1, false, 'Small studio for recordings'),
    ],
    needs: [
      need('grant-writing', N.HIGH, 'press-freedom', true, 'Licence renewal and equipment grant'),
      need('digital-security-training', N.MEDIUM, 'press-freedom', false, 'Secure storage of sources'),
    ],
  },
  {
    ...place, slug: 'mujeres-tierra-viva', name: 'Asociación Mujeres Tierra Viva',
    mission: 'Campesina and Afro-Colombian women defending territory, seeds and water against extractive projects.',
    kind: K.COMMUNITY_GROUP, sizeBand: B.SMALL, latitude: 4.7100, longitude: -74.2300, precision: P.REGION,
    visibility: V.NETWORK, languages: ['es'], contactEmail: 'tierraviva@example.org',
    issueAreas: ['climate-justice', 'gender-equality', 'land-rights'], dealbreakerKinds: [K.FOUNDATION],
    capabilities: [
      cap('community-organizing', L.EXPERT, 4, false, 'Women\'s committees in twelve veredas'),
      cap('field-research', L.BASIC, 2, false, 'Community water monitoring'),
    ],
    needs: [
      need('policy-analysis', N.HIGH, 'climate-justice', true, 'Read environmental licences with us'),
      need('interpretation', N.LOW, undefined, true, 'English interpretation for an international hearing'),
    ],
  },
  {
    ...place, slug: 'observatorio-andino-ddhh', name: 'Observatorio Andino de Derechos Humanos', owner: DEMO_OWNER,
    mission: 'A university observatory that maps violence against defenders and publishes open data.',
    kind: K.ACADEMIC, sizeBand: B.MEDIUM, latitude: 4.6380, longitude: -74.0840, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['es', 'en', 'pt'], website: 'https://observatorio-andino.example.org',
    contactEmail: 'datos@observatorio-andino.example.org', verified: true,
    issueAreas: ['land-rights', 'freedom-of-assembly', 'anti-corruption'],
    capabilities: [
      cap('data-analysis', L.EXPERT, 4, true, 'Open database of attacks on defenders since 2016'),
      cap('report-writing', L.EXPERT, 3, true, 'Quarterly and thematic reports'),
      cap('trainer-of-trainers', L.PROFICIENT, 2, true, 'Documentation methodology for local monitors'),
    ],
    needs: [
      need('outreach', N.MEDIUM, 'land-rights', false, 'Community monitors in the Pacific region'),
      need('document-translation', N.LOW, undefined, true, 'English versions of reports'),
    ],
  },
  {
    ...place, slug: 'sindicato-recicladores', name: 'Sindicato de Recicladores de Oficio',
    mission: 'Waste pickers organizing for recognition, fair pay for recycling and protection from police abuse.',
    kind: K.UNION, sizeBand: B.LARGE, latitude: 4.6700, longitude: -74.1200, precision: P.CITY,
    visibility: V.PUBLIC, languages: ['es'], contactEmail: 'sindicato@recicladores.example.org',
    issueAreas: ['labour-rights', 'climate-justice'],
    capabilities: [
      cap('community-organizing', L.EXPERT, 10, false, 'Organizing in 40 sorting centres'),
      cap('event-staffing', L.PROFICIENT, 60, false, 'Large mobilisations'),
      cap('transport', L.BASIC, 3, false, 'Trucks and carts for events'),
    ],
    needs: [
      need('labour-law', N.HIGH, 'labour-rights', false, 'Contract disputes with the city'),
      need('survey-design', N.MEDIUM, 'labour-rights', true, 'Census of informal waste pickers'),
    ],
  },
  {
    ...place, slug: 'fondo-semillas-andinas', name: 'Fondo Semillas Andinas',
    mission: 'A small grant-maker funding grassroots women, indigenous and LGBTQI+ groups in the Andes.',
    kind: K.FOUNDATION, sizeBand: B.SMALL, latitude: 4.6760, longitude: -74.0480, precision: P.EXACT,
    visibility: V.PUBLIC, languages: ['es', 'en'], website: 'https://semillas-andinas.example.org',
    contactEmail: 'convocatorias@semillas-andinas.example.org',
    fundingDisclosure: 'Endowment and three private foundations; grants published yearly.',
    issueAreas: ['gender-equality', 'lgbtqi-rights', 'indigenous-rights'],
    capabilities: [
      cap('grant-writing', L.EXPERT, 8, true, 'Coaching grassroots groups through applications'),
      cap('donor-relations', L.EXPERT, 3, true, 'Introductions to aligned funders'),
      cap('mentoring', L.PROFICIENT, 6, true, 'Organizational mentoring for new groups'),
    ],
    needs: [
      need('data-analysis', N.LOW, undefined, true, 'Impact analysis of our portfolio'),
    ],
  },
];
