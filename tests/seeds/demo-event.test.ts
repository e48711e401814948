import { Visibility } from '../../src/core/enums.js';
import { DEMO_COORDINATOR, DEMO_DEFENDER, DEMO_ORGANIZATIONS } from '../../seeds/demo-data.js';
import { DEMO_EVENT_ORGANIZER, DEMO_EVENT_PRIVATE } from '../../seeds/demo-event.js';

// Pure checks of the demo event's cast (the seeding itself runs the event services: `npm run seed`).
describe('demo event', () => {
  it('is organized by an organization demo-coordinator owns, with PRIVATE attendees demo-defender owns and ~40 to choose from', () => {
    expect(DEMO_ORGANIZATIONS.find((o) => o.slug === DEMO_EVENT_ORGANIZER)?.owner).toBe(DEMO_COORDINATOR);
    for (const slug of DEMO_EVENT_PRIVATE) {
      const org = DEMO_ORGANIZATIONS.find((o) => o.slug === slug);
      expect([slug, org?.visibility, org?.owner]).toEqual([slug, Visibility.PRIVATE, DEMO_DEFENDER]);
    }
    expect(DEMO_ORGANIZATIONS.filter((o) => o.visibility !== Visibility.PRIVATE && o.slug !== DEMO_EVENT_ORGANIZER).length).toBeGreaterThanOrEqual(38);
  });
});
