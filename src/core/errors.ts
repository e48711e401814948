import { GraphQLError } from 'graphql';

// Every failure a client may see has a stable code. Anything else is masked by formatError (see app-errors).

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_LIMIT_EXCEEDED: 'QUERY_LIMIT_EXCEEDED',
  /** The matching engine's queue is full (src/suggestions/engine-pool.ts): retry after extensions.retryAfterSeconds. */
  SERVICE_BUSY: 'SERVICE_BUSY',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'You must be signed in to do this') {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'You are not allowed to do this') {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

/** Also what a record the viewer may not see answers: no existence oracle. */
export class NotFoundError extends GraphQLError {
  constructor(what: string) {
    super(`${what} not found`, { extensions: { code: ErrorCode.NOT_FOUND } });
  }
}

export class BadInputError extends GraphQLError {
  constructor(field: string, message: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field } });
  }
}

export class QueryLimitError extends GraphQLError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.QUERY_LIMIT_EXCEEDED, ...details, http: { status: 400 } } });
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

const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}
