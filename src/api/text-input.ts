import { defaultFieldResolver, GraphQLError, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../core/errors.js';

// Text rules for every argument, applied in one place: a wrapper around the resolver of every field that takes
// arguments (queries, mutations, subscriptions and any nested field with arguments), so a new field is covered
// without doing anything. It runs before type-graphql converts and validates the arguments, before any service.
//
// PostgreSQL cannot store U+0000 in text (22021), and a lone UTF-16 surrogate (which JSON allows as "\ud800") is
// no character at all: it fails in jsonb (22P02/22P05) and is silently turned into U+FFFD in text columns. Both
// are refused with BAD_USER_INPUT naming the argument path (extensions.field, e.g. "input.reasons[2]";
// extensions.reason INVALID_TEXT), for queries and mutations alike: like a value of the wrong type, it is not
// something a mutation's userErrors describe.

export const INVALID_TEXT = 'INVALID_TEXT';

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const INVALID_TEXT_PATTERN = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isValidText(value: string): boolean {
  return !INVALID_TEXT_PATTERN.test(value);
}

/** The path of the first string at any depth of `value` that is not valid text, or null. */
export function findInvalidText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isValidText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInvalidText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findInvalidText(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

export function invalidTextError(field: string): GraphQLError {
  return new GraphQLError(`${field} must be text without NUL characters (U+0000) or unpaired surrogates`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field, reason: INVALID_TEXT },
  });
}

function guarded(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    for (const [name, value] of Object.entries(args)) {
      const field = findInvalidText(value, name);
      if (field) throw invalidTextError(field);
    }
    return resolve(source, args, context, info);
  };
}

/** Wraps, in place, the resolvers of every field of `schema` that has arguments (fields without any are untouched). */
export function guardArgumentText(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      field.resolve = guarded(field.resolve ?? defaultFieldResolver);
      if (field.subscribe) field.subscribe = guarded(field.subscribe);
    }
  }
  return schema;
}
