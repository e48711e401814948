import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, isPublicCode } from './errors.js';

const VARIABLE_PATH = /at "([^"]+)"/;

/**
 * What a client may learn of an error: known codes pass (with the field they concern), everything else is
 * masked. The detail of masked errors is logged with the request id by the logging plugin.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  const code = extensions.code;
  if (!isPublicCode(code)) {
    return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  // A variable that failed coercion (unknown enum value, wrong type) names its path in the message only.
  const field = extensions.field ?? (code === ErrorCode.BAD_USER_INPUT ? VARIABLE_PATH.exec(formatted.message)?.[1] : undefined);
  const { stacktrace: _stacktrace, ...safe } = extensions as Record<string, unknown>;
  return { ...formatted, extensions: { ...safe, ...(field ? { field } : {}) } };
}
