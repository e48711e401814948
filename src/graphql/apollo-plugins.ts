import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { RequestContext } from './context.js';
import { isPublicCode } from './errors.js';
import { enforceOperationLimits } from './limits.js';

/** Depth, alias, directive and cost limits, with the request's variables. */
export function limitsPlugin(schema: GraphQLSchema): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          enforceOperationLimits(schema, document, request.variables, operationName);
        },
      };
    },
  };
}

/** Logs unexpected errors (the client only sees them masked) with the request id; never the variables. */
export function errorLoggingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
            if (isPublicCode(code)) continue;
            const original = unwrapResolverError(error);
            contextValue.log.error({ err: original, operationName, path: error.path }, 'unexpected error');
          }
        },
      };
    },
  };
}
