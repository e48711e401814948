import { Router } from 'express';
import type { DataSource } from 'typeorm';
import type { BusHealth } from '../activity/event-bus.js';

/**
 * /healthz: the process is up. /readyz: it can serve, i.e. the database answers (503 otherwise). It also reports the
 * subscription bus: with Redis away the process still serves queries and mutations (so it stays ready, 200), and
 * says `"redis": "down"`: live events are delayed until Redis is back, then caught up from the event log.
 */
export function healthRoutes(db: DataSource, bus?: () => BusHealth): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const health = bus?.();
    const redis = health?.kind === 'redis' ? { redis: health.up ? 'up' : 'down' } : {};
    try {
      await db.query('SELECT 1');
      res.json({ status: health && !health.up ? 'degraded' : 'ready', database: 'up', ...redis });
    } catch {
      res.status(503).json({ status: 'not ready', database: 'down', ...redis });
    }
  });
  return router;
}
