import { LocationPrecision as P } from '../../src/core/enums.js';
import { OfferAudience as A, OfferFormat as F } from '../../src/offers/offer.enums.js';

// Demo offers: what some of the demo organizations share, in every state an offer can read (OPEN, FULL, CLOSED,
// EXPIRED) and every audience, so `npm start` shows the exchange at work. Times are relative to the day the demo
// is loaded. Each has a stable key (offer requests in the demo refer to offers by it).

export interface DemoOffer {
  key: string;
  /** Slug of the offering demo organization (for a PRIVATE one, its demo key). */
  organization: string;
  skill: string;
  title: string;
  description: string;
  format: F;
  /** Null: unlimited. */
  seats: number | null;
  /** Places already taken (accepted requests the demo does not list); a FULL offer has all of them taken. */
  seatsTaken?: number;
  remote: boolean;
  /** Where it happens, in the organization's country; never more precise than the organization's location. */
  place?: { region: string; city?: string; latitude: number; longitude: number; precision: P };
  issueAreas: string[];
  languages: string[];
  audience: A;
  /** Days from the load: negative ones are already past (an EXPIRED offer). */
  startsInDays?: number;
  endsInDays?: number;
  deadlineInDays?: number;
  /** Closed by its organization. */
  closed?: boolean;
}

export const DEMO_OFFERS: DemoOffer[] = [
  {
    key: 'sheria-eviction-clinic', organization: 'kituo-cha-sheria-wazi', skill: 'legal-clinics', format: F.WORKSHOP,
    title: 'Eviction-notice clinic for community paralegals',
    description: 'Two Saturday mornings: reading an eviction notice, the deadlines that matter, and filing for an injunction. Bring real cases.',
    seats: 20, remote: false, place: { region: 'Nairobi County', city: 'Nairobi', latitude: -1.2833, longitude: 36.8219, precision: P.EXACT },
    issueAreas: ['housing-rights', 'land-rights'], languages: ['sw', 'en'], audience: A.PUBLIC,
    startsInDays: 12, endsInDays: 19, deadlineInDays: 9,
  },
  {
    key: 'refugelink-interpreters', organization: 'refuge-link-east-africa', skill: 'interpretation', format: F.VOLUNTEERS,
    title: 'Somali and Lingala interpreters for asylum interviews',
    description: 'Trained volunteer interpreters for status-determination interviews and legal consultations, in person or by phone.',
    seats: null, remote: true, place: { region: 'Nairobi County', city: 'Nairobi', latitude: -1.2921, longitude: 36.7823, precision: P.CITY },
    issueAreas: ['refugee-resettlement'], languages: ['so', 'sw', 'fr'], audience: A.NETWORK,
  },
  {
    key: 'mtaa-hall', organization: 'mtaa-haki-collective', skill: 'venue-provision', format: F.RESOURCE,
    title: 'Community hall in Mathare for weekend meetings',
    description: 'Space for up to 80 people with chairs and a sound system; both weekends this month are booked.',
    seats: 2, seatsTaken: 2, remote: false, place: { region: 'Nairobi County', city: 'Nairobi', latitude: -1.2621, longitude: 36.8590, precision: P.CITY },
    issueAreas: ['housing-rights'], languages: ['sw'], audience: A.PUBLIC, endsInDays: 30,
  },
  {
    key: 'usalama-relocation-advice', organization: 'usalama-defenders-desk', skill: 'emergency-relocation', format: F.ADVICE,
    title: 'Confidential advice on emergency relocation',
    description: 'For groups whose members face threats: planning a safe temporary move and what to prepare before you need it.',
    seats: 5, remote: true, issueAreas: ['torture-prevention'], languages: ['en', 'sw'], audience: A.ANONYMOUS, deadlineInDays: 45,
  },
  {
    key: 'tejido-documentation-workshop', organization: 'tejido-de-paz', skill: 'human-rights-documentation', format: F.WORKSHOP,
    title: 'Documenting land conflicts: a workshop for community leaders',
    description: 'Three sessions on recording testimonies, protecting sources and building a case file that courts accept.',
    seats: 25, remote: false, place: { region: 'Bogotá D.C.', city: 'Bogotá', latitude: 4.6097, longitude: -74.0817, precision: P.CITY },
    issueAreas: ['land-rights', 'indigenous-rights'], languages: ['es'], audience: A.PUBLIC,
    startsInDays: 20, endsInDays: 34, deadlineInDays: 14,
  },
  {
    key: 'lideres-safe-routes', organization: 'lideres-sociales-seguros', skill: 'emergency-relocation', format: F.SECONDMENT,
    title: 'A protection officer seconded for three months',
    description: 'An experienced protection officer joins your team to set up early warning and relocation routes for threatened leaders.',
    seats: 1, remote: false, place: { region: 'Bogotá D.C.', latitude: 4.65, longitude: -74.1, precision: P.COUNTRY },
    issueAreas: ['land-rights'], languages: ['es'], audience: A.ANONYMOUS,
    startsInDays: 30, endsInDays: 120, deadlineInDays: 21,
  },
  {
    key: 'radio-la-voz-toolkit', organization: 'radio-comunal-la-voz', skill: 'media-relations', format: F.TOOLKIT,
    title: 'Community radio toolkit: covering evictions safely',
    description: 'Scripts, consent forms and a checklist for reporting on evictions without exposing residents.',
    seats: null, remote: true, issueAreas: ['press-freedom', 'housing-rights'], languages: ['es'], audience: A.PUBLIC,
  },
  {
    key: 'mirsad-digital-security', organization: 'mirsad-press-freedom', skill: 'digital-security-training', format: F.WORKSHOP,
    title: 'Digital security for newsrooms under surveillance',
    description: 'Device hygiene, secure messaging and source protection, adapted to small newsrooms. Online, four evenings.',
    seats: 15, remote: true, issueAreas: ['press-freedom', 'digital-rights'], languages: ['ar', 'en'], audience: A.NETWORK,
    startsInDays: 8, endsInDays: 29, deadlineInDays: 6,
  },
  {
    key: 'kafala-peer-support', organization: 'kafala-watch-collective', skill: 'peer-support', format: F.MENTORING,
    title: 'Mentoring for peer-support groups of domestic workers',
    description: 'Our facilitators accompany a new peer-support group through its first three months.',
    seats: 3, remote: true, issueAreas: ['migrant-rights', 'labour-rights'], languages: ['en', 'am', 'ar'], audience: A.PARTNERS,
  },
  {
    key: 'hellenic-asylum-mentoring', organization: 'hellenic-asylum-lawyers', skill: 'asylum-representation', format: F.MENTORING,
    title: 'Asylum appeals mentoring for newly qualified lawyers',
    description: 'Pairing with a senior lawyer for two appeals, from the file to the hearing. This round is closed.',
    seats: 6, remote: true, issueAreas: ['refugee-resettlement', 'migrant-rights'], languages: ['el', 'en'], audience: A.PUBLIC,
    endsInDays: 60, closed: true,
  },
  {
    key: 'panteion-report-review', organization: 'panteion-migration-lab', skill: 'report-writing', format: F.ADVICE,
    title: 'Peer review of research reports on detention',
    description: 'Academic review of methodology and wording before you publish. Requests closed last week.',
    seats: 4, remote: true, issueAreas: ['detention-monitoring'], languages: ['el', 'en'], audience: A.PUBLIC,
    deadlineInDays: -7, endsInDays: 40,
  },
  {
    key: 'pravda-osint-training', organization: 'pravda-war-crimes-docs', skill: 'open-source-investigation', format: F.WORKSHOP,
    title: 'Open-source investigation of attacks on civilians',
    description: 'Verifying photos and videos, geolocation and archiving for evidence. Remote, six sessions.',
    seats: 30, remote: true, issueAreas: ['torture-prevention', 'detention-monitoring'], languages: ['uk', 'en'], audience: A.PUBLIC,
    startsInDays: 15, endsInDays: 57, deadlineInDays: 10,
  },
  {
    key: 'kabataan-security-clinic', organization: 'kabataan-digital-rights', skill: 'digital-security-training', format: F.WORKSHOP,
    title: 'Digital security clinic for youth organizers',
    description: 'Hands-on afternoon: phones, accounts and what to do after an arrest. In Quezon City.',
    seats: 25, remote: false, place: { region: 'Metro Manila', city: 'Quezon City', latitude: 14.5764, longitude: 121.0851, precision: P.CITY },
    issueAreas: ['digital-rights'], languages: ['en', 'tl'], audience: A.PUBLIC, startsInDays: 5, endsInDays: 6, deadlineInDays: 3,
  },
  {
    key: 'barolar-detention-visits', organization: 'barolar-insan-haklari', skill: 'detention-visits', format: F.MENTORING,
    title: 'Accompanied detention visits for new monitors',
    description: 'New monitors join our lawyers on visits and learn to document conditions and interviews.',
    seats: 4, remote: false, place: { region: 'Istanbul', city: 'Istanbul', latitude: 41.0420, longitude: 28.9870, precision: P.CITY },
    issueAreas: ['torture-prevention', 'detention-monitoring'], languages: ['tr'], audience: A.NETWORK, deadlineInDays: 25,
  },
];
