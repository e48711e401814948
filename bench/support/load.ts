// autocannon ships no TypeScript types: this is the part of its result the benchmark reads.
interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  duration: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Socket errors and timeouts. */
  errors: number;
  /** Responses that were not 2xx. */
  non2xx: number;
  /** 2xx responses whose body differed from the verified one (e.g. a GraphQL error inside a 200). */
  mismatches: number;
  mbPerSecond: number;
}

export interface LoadOptions {
  url: string;
  body: string;
  /** The exact response body every request must get. */
  expectBody: string;
  connections: number;
  seconds: number;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: opts.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: opts.body,
    expectBody: opts.expectBody,
    connections: opts.connections,
    pipelining: 1,
    duration: opts.seconds,
    timeout: 10,
  });
  return {
    // requests.average is the mean of per-second samples; total / duration also counts a partial last second.
    requestsPerSecond: result.requests.total / result.duration,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    mbPerSecond: result.throughput.average / 1e6,
  };
}
