import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isConnectionFailure } from '../db/connection-errors.js';
import { ErrorCode } from '../core/errors.js';
import { domainErrorOf, domainExtensions } from './error-mapping.js';

const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Codes a client may see as they are (everything else is masked). */
export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}

const VARIABLE_PATH = /at "([^"]+)"/;

/** The database cannot be reached: retryable, answered with HTTP 503 and Retry-After. */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
export const RETRY_AFTER_SECONDS = 5;
const UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable; retry later';

export function serviceUnavailableError(): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: {
      code: SERVICE_UNAVAILABLE,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    },
  });
}

/**
 * What a client may learn of an error: known codes pass (with the field they concern), a database outage becomes
 * SERVICE_UNAVAILABLE, everything else is masked. The detail of masked errors is logged with the request id by
 * the logging plugin.
 */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const domain = domainErrorOf(error);
  if (domain) {
    const { locations, path } = formatted;
    return { message: domain.message, ...(locations ? { locations } : {}), ...(path ? { path } : {}), extensions: domainExtensions(domain) };
  }
  const extensions = formatted.extensions ?? {};
  const code = extensions.code;
  if (code === SERVICE_UNAVAILABLE || (!isPublicCode(code) && error !== undefined && isConnectionFailure(unwrapResolverError(error)))) {
    return {
      message: UNAVAILABLE_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: SERVICE_UNAVAILABLE, retryAfterSeconds: RETRY_AFTER_SECONDS },
    };
  }
  if (!isPublicCode(code)) {
    return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  // A variable that failed coercion (unknown enum value, wrong type) names its path in the message only.
  const field = extensions.field ?? (code === ErrorCode.BAD_USER_INPUT ? VARIABLE_PATH.exec(formatted.message)?.[1] : undefined);
  const { stacktrace: _stacktrace, ...safe } = extensions as Record<string, unknown>;
  return { ...formatted, extensions: { ...safe, ...(field ? { field } : {}) } };
}
