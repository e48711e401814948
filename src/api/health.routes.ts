import { Router } from 'express';
import type { DataSource } from 'typeorm';

/** /healthz: the process is up. /readyz: it can serve, i.e. the database answers. */
export function healthRoutes(db: DataSource): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ready', database: 'up' });
    } catch {
      res.status(503).json({ status: 'not ready', database: 'down' });
    }
  });
  return router;
}
