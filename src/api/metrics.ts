import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';

// prom-client: the standard Prometheus client for Node (process, GC and event-loop metrics for free).
let initialised = false;
let duration: Histogram<'route' | 'status'>;

function init(): void {
  if (initialised) return;
  initialised = true;
  collectDefaultMetrics();
  duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  });
}

export function metricsMiddleware(): RequestHandler {
  init();
  return (req, res, next) => {
    const end = duration.startTimer();
    // Only known routes as labels: arbitrary paths would make label cardinality unbounded.
    const route = ['/graphql', '/healthz', '/readyz', '/metrics'].includes(req.path) ? req.path : 'other';
    res.on('finish', () => {
      end({ route, status: String(res.statusCode) });
    });
    next();
  };
}

export function metricsRoute(): RequestHandler {
  return async (_req, res) => {
    res.setHeader('content-type', register.contentType);
    res.send(await register.metrics());
  };
}
