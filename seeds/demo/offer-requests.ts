// Demo offer requests: organizations asking for places in the demo offers (seeds/demo/offers.ts, by key), in every
// state a request can read, so `npm start` shows both sides of the exchange: requests to answer, accepted ones
// whose contact details the two sides now see, a decline only the requester sees, requests that expired or were
// cancelled with their offer, and done exchanges rated by both sides (which feed the partner score's trust).
// Times are relative to the day the demo is loaded.

export interface DemoOfferRequest {
  /** Key of the demo offer asked for. */
  offer: string;
  /** Slug of the requesting demo organization. */
  requester: string;
  message: string;
  seats: number;
  /** As stored; a PENDING one of a closed or lapsed offer reads CANCELLED or EXPIRED. */
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  /** Skill slug of the requester's open need it serves. */
  need?: string;
  askedDaysAgo: number;
  /** A side marked the exchange done that many days ago. */
  doneDaysAgo?: number;
  requesterRating?: { rating: number; comment?: string };
  offererRating?: { rating: number; comment?: string };
}

export const DEMO_OFFER_REQUESTS: DemoOfferRequest[] = [
  // Nairobi: the eviction clinic has one request waiting and one accepted.
  {
    offer: 'sheria-eviction-clinic', requester: 'mtaa-haki-collective', seats: 3, status: 'PENDING', need: 'legal-clinics', askedDaysAgo: 2,
    message: 'Three of our ward organisers keep the eviction records; they would bring the notices from Mathare.',
  },
  {
    offer: 'sheria-eviction-clinic', requester: 'refuge-link-east-africa', seats: 2, status: 'ACCEPTED', askedDaysAgo: 5,
    message: 'Two caseworkers support refugee tenants facing eviction in Eastleigh.',
  },
  // Bogotá: a done exchange rated well by both sides, a decline, and a workshop with a request to answer.
  {
    offer: 'radio-la-voz-toolkit', requester: 'mtaa-haki-collective', seats: 1, status: 'ACCEPTED', askedDaysAgo: 40, doneDaysAgo: 20,
    message: 'We want to start a community radio slot about evictions.',
    requesterRating: { rating: 5, comment: 'Clear, practical and generous with their time.' },
    offererRating: { rating: 4, comment: 'Well prepared; they came back with a first programme.' },
  },
  {
    offer: 'pravda-osint-training', requester: 'tejido-de-paz', seats: 2, status: 'DECLINED', askedDaysAgo: 6,
    message: 'Two documenters would follow the training remotely, in English.',
  },
  {
    offer: 'tejido-documentation-workshop', requester: 'mujeres-tierra-viva', seats: 4, status: 'PENDING', need: 'policy-analysis', askedDaysAgo: 1,
    message: 'Four women land defenders would like to document the licences affecting our farms.',
  },
  {
    offer: 'tejido-documentation-workshop', requester: 'colectivo-juridico-dignidad', seats: 2, status: 'ACCEPTED', askedDaysAgo: 4,
    message: 'Our lawyers need testimonies that hold up in court.',
  },
  // Beirut: a PRIVATE organization asks for a place in a NETWORK workshop (the offering side sees who asks).
  {
    offer: 'mirsad-digital-security', requester: 'usalama-defenders-desk', seats: 1, status: 'PENDING', askedDaysAgo: 3,
    message: 'One staff member who handles our incident reports.',
  },
  // Athens: a request that expired unanswered, one cancelled with its offer, and a done exchange rated poorly.
  {
    offer: 'panteion-report-review', requester: 'anti-racism-observatory-gr', seats: 1, status: 'PENDING', askedDaysAgo: 12,
    message: 'A methodology check of our annual statistics before the launch.',
  },
  {
    offer: 'hellenic-asylum-mentoring', requester: 'stegi-housing-action', seats: 1, status: 'PENDING', askedDaysAgo: 9,
    message: 'A volunteer lawyer would like to learn appeals.',
  },
  {
    offer: 'hellenic-asylum-mentoring', requester: 'agape-refugee-ministry', seats: 1, status: 'ACCEPTED', askedDaysAgo: 60, doneDaysAgo: 15,
    message: 'Our referral coordinator would like to follow two appeals.',
    requesterRating: { rating: 2, comment: 'Only one session happened before the hearing.' },
    offererRating: { rating: 4 },
  },
];
