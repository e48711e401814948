// Which failures mean "the database cannot be reached right now" (retry later) rather than "this statement is
// wrong" (a bug, masked as INTERNAL_SERVER_ERROR). Used by the HTTP and GraphQL layers to answer 503.

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// SQLSTATE: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections,
// class 08 connection exceptions.
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// node-postgres and pg-pool report these without a code.
const MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /Connection terminated unexpectedly/i,
  /Client has encountered a connection error and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

// TypeORM releases a transaction's query runner when its connection dies (PostgreSQL terminated the session) and
// the next statement then fails with one of these errors, the connection error itself being gone. It could also be a bug
// (a runner used after release): it is still logged in full, as "database unavailable".
const CONNECTION_LOST_ERRORS = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);

function isConnectionFailureOne(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  if (CONNECTION_LOST_ERRORS.has((error as Error).constructor?.name) || CONNECTION_LOST_ERRORS.has(String((error as Error).name))) return true;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  return typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message));
}

/** Follows TypeORM's driverError, GraphQL's originalError, AggregateError's errors and `cause`. */
export function isConnectionFailure(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (isConnectionFailureOne(error)) return true;
  const { driverError, originalError, cause, errors } = error as { driverError?: unknown; originalError?: unknown; cause?: unknown; errors?: unknown };
  if ([driverError, originalError, cause].some((inner) => inner !== error && isConnectionFailure(inner, depth + 1))) return true;
  return Array.isArray(errors) && errors.some((inner) => isConnectionFailure(inner, depth + 1));
}
