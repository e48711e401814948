// `npm start`: the service, with the demo data seeded into an empty database (SEED_DEMO, on outside production).
// The service itself (src/main.ts) knows nothing of seeds; this launcher hands it the seeding step.
import { runMain } from '../src/main.js';

runMain({
  async databaseReady(db, config, log) {
    if (!config.seedDemo) return;
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM organizations');
    if (count > 0) return;
    // Required only when there is something to seed: a restart does not pay for loading the demo modules.
    const { loadDemoData } = require('./load-demo.js') as typeof import('./load-demo.js');
    const result = await loadDemoData(db, (message) => log.info(message));
    log.info({ organizations: result.organizations }, 'demo data seeded');
  },
});
