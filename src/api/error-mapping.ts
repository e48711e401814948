import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode, type ErrorCodeName } from '../core/errors.js';

// The one place where domain errors (core/errors.ts) become GraphQL: their extensions and their HTTP status.

const HTTP_STATUS: Partial<Record<ErrorCodeName, number>> = {
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_BUSY]: 503,
  [ErrorCode.QUERY_LIMIT_EXCEEDED]: 400,
};

/** The DomainError behind an error that went through GraphQL execution, if it is one. */
export function domainErrorOf(error: unknown): DomainError | null {
  const original = error instanceof GraphQLError ? unwrapResolverError(error) : error;
  return original instanceof DomainError ? original : null;
}

export function domainExtensions(error: DomainError): Record<string, unknown> {
  return { code: error.code, ...(error.field ? { field: error.field } : {}), ...error.details };
}

/** The HTTP status (and Retry-After) a response carrying this error gets; null leaves the status as it is. */
export function domainHttp(error: DomainError): { status: number; headers: Map<string, string> } | null {
  const status = HTTP_STATUS[error.code];
  if (!status) return null;
  const retryAfter = error.details.retryAfterSeconds;
  return { status, headers: new Map(typeof retryAfter === 'number' ? [['retry-after', String(retryAfter)]] : []) };
}

/** For errors the roof raises itself (limits, budgets) before execution: a GraphQLError that Apollo answers as is. */
export function toGraphQLError(error: DomainError): GraphQLError {
  const http = domainHttp(error);
  return new GraphQLError(error.message, { originalError: error, extensions: { ...domainExtensions(error), ...(http ? { http } : {}) } });
}
