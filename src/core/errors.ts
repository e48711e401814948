// Domain errors: what a service or resolver throws when a request cannot be served. Each has a stable code (and
// the field it concerns, when one does); api/error-mapping.ts is the one place that turns them into GraphQL errors
// and HTTP statuses. Anything that is not a DomainError is masked as INTERNAL_SERVER_ERROR (api/format-error.ts).

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_LIMIT_EXCEEDED: 'QUERY_LIMIT_EXCEEDED',
  /** The matching engine's queue is full (suggestions/engine-pool.ts): retry after retryAfterSeconds. */
  SERVICE_BUSY: 'SERVICE_BUSY',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCodeName,
    message: string,
    /** The input field the error concerns (e.g. 'input.slug'), when there is one. */
    readonly field: string | null = null,
    /** Extra facts a client may act on (retryAfterSeconds, a budget): shown in the error's extensions. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'You must be signed in to do this') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

/** Also what a record the viewer may not see answers: no existence oracle. */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(ErrorCode.NOT_FOUND, `${what} not found`);
  }
}

export class BadInputError extends DomainError {
  constructor(field: string, message: string) {
    super(ErrorCode.BAD_USER_INPUT, message, field);
  }
}

export class QueryLimitError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.QUERY_LIMIT_EXCEEDED, message, null, details);
  }
}

/** Over a rate limit: retry after retryAfterSeconds (HTTP 429 with Retry-After). */
export class RateLimitedError extends DomainError {
  constructor(message: string, msBeforeNext: number, details: Record<string, unknown> = {}) {
    super(ErrorCode.RATE_LIMITED, message, null, { retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)), ...details });
  }
}

/** A shared resource is saturated: retry after retryAfterSeconds (HTTP 503 with Retry-After). */
export class ServiceBusyError extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super(ErrorCode.SERVICE_BUSY, message, null, { retryAfterSeconds });
  }
}

/** An expected, user-fixable failure of a mutation: it ends up in the payload's userErrors, never as a GraphQL error. */
export class UserInputError extends Error {
  constructor(
    readonly code: string,
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }
}
