import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, getOperationAST, getVariableValues, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { RequestContext } from '../core/request-context.js';

// Queries run compiled: graphql-jit turns a parsed, validated query into a function that resolves and completes
// exactly that selection, instead of graphql-js walking the document for every field of every object (a list page
// of 20 organizations with their children is about a thousand fields). The same resolvers run, in the same order of
// dependence, with the same arguments, info and errors; only the walking is compiled away.
//
// Apollo Server 5 takes a custom executor only from a gateway: this one is a gateway in name only, serving the
// local schema. A query is compiled on first use (compiling costs about what parsing and validating a new
// document already does) and the compiled function is kept with the parsed document, so it goes when Apollo's
// bounded document store lets the document go. Every query runs compiled, so the tests exercise what production
// runs. Mutations, which run once each and serially, stay on graphql-js, as does a query graphql-jit cannot compile.
// Variables are coerced by graphql-js first, so bad variables fail with graphql-js's errors (which Apollo reports as
// BAD_USER_INPUT).
//
// A field without a resolver is read inline by compiled code, which does not await it: a field whose value may be
// a promise or a function needs a resolver (types with simpleResolvers: see core/connection.ts's totalCount).

/** A query's compiled function, or null when graphql-jit could not compile it. */
type Plan = CompiledQuery | null;

const plans = new WeakMap<DocumentNode, Map<string, Plan>>();

type Gateway = ApolloServerOptionsWithGateway<RequestContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

function planFor(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): Plan {
  let byName = plans.get(document);
  if (!byName) plans.set(document, (byName = new Map()));
  const key = operationName ?? '';
  let plan = byName.get(key);
  if (plan === undefined) {
    const compiled = compileQuery(schema, document, operationName ?? undefined);
    byName.set(key, (plan = isCompiledQuery(compiled) ? compiled : null));
  }
  return plan;
}

/** Executes an operation as the server does: a query compiled, anything else on graphql-js. */
export async function executeOperation(
  schema: GraphQLSchema,
  args: { document: DocumentNode; operationName: string | null; contextValue: RequestContext; variableValues?: Record<string, unknown> },
): Promise<ExecutionResult> {
  const { document, operationName, contextValue, variableValues } = args;
  const operation = getOperationAST(document, operationName);
  const plan = operation?.operation === 'query' ? planFor(schema, document, operationName) : null;
  if (!operation || !plan) return execute({ schema, document, contextValue, variableValues, operationName });
  if (operation.variableDefinitions?.length) {
    const coerced = getVariableValues(schema, operation.variableDefinitions, variableValues ?? {});
    if (coerced.errors) return { errors: coerced.errors };
  }
  const result = await plan.query(undefined, contextValue, variableValues);
  return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
}

/**
 * graphql-jit's errors are look-alikes without `extensions` when the original error has none (graphql-js always
 * gives an object, and Apollo's error formatting reads it): each becomes graphql-js's own, same message, path,
 * locations and original error.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  if (error.locations) Object.defineProperty(converted, 'locations', { value: error.locations, enumerable: true, writable: true, configurable: true });
  return converted;
}

/** The gateway that hands Apollo the schema and the compiling executor (`gateway` in ApolloServer's options). */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async load() {
      return {
        executor: ((request) => executeOperation(schema, {
          document: request.document, operationName: request.operationName, contextValue: request.context as RequestContext, variableValues: request.request.variables,
        })) as Executor,
      };
    },
    async stop() {},
  };
}
