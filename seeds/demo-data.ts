import { ATHENS } from './demo/athens.js';
import { BEIRUT } from './demo/beirut.js';
import { BOGOTA } from './demo/bogota.js';
import {
  DEMO_COORDINATOR, DEMO_DEFENDER, DEMO_OWNER, type DemoOrganization, type DemoUser,
} from './demo/demo-types.js';
import { ISTANBUL } from './demo/istanbul.js';
import { KYIV } from './demo/kyiv.js';
import { MANILA } from './demo/manila.js';
import { NAIROBI } from './demo/nairobi.js';

// The demo set: invented organizations (names, people and addresses are fictional; websites and emails use
// example.org) in seven cities, so that search, suggestions and coalitions have something realistic to chew on.

export type { DemoCapability, DemoNeed, DemoOrganization, DemoUser } from './demo/demo-types.js';
export { DEMO_COORDINATOR, DEMO_DEFENDER, DEMO_OWNER };

/**
 * Password of every demo account. Documented on purpose: demo accounts exist only in demo databases, and the
 * password is hashed with argon2id on load like any other.
 */
export const DEMO_PASSWORD = 'coalesce-demo';

export const DEMO_USERS: DemoUser[] = [
  // Owns one public organization in each city: the "typical member" view.
  { email: DEMO_OWNER, displayName: 'Demo Owner' },
  // Owns the PRIVATE at-risk organizations: shows what hiding and anonymous suggestions look like from inside.
  { email: DEMO_DEFENDER, displayName: 'Demo Defender' },
  // Owns the networks: the natural coalition builder and event organizer.
  { email: DEMO_COORDINATOR, displayName: 'Demo Coordinator' },
];

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  ...NAIROBI, ...BOGOTA, ...BEIRUT, ...MANILA, ...ATHENS, ...ISTANBUL, ...KYIV,
];
