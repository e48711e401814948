import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { isConnectionFailure } from '../db/connection-errors.js';
import type { RequestContext } from '../core/request-context.js';
import { domainErrorOf, domainHttp } from './error-mapping.js';
import { isPublicCode, RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from './format-error.js';
import { enforceOperationLimits } from './limits.js';
import { budgetHeaders, type CostBudgets, type ReportedBudget } from './rate-limits.js';

/**
 * Depth, alias, directive and cost limits, with the request's variables; then the operation's cost is charged to
 * the rate limits (user and address), and the budget is reported in x-ratelimit-* headers on the response.
 */
export function limitsPlugin(schema: GraphQLSchema, budgets?: CostBudgets): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let budget: ReportedBudget | null = null;
      return {
        async didResolveOperation({ document, request, operationName, contextValue }) {
          const cost = enforceOperationLimits(schema, document, request.variables, operationName);
          if (!budgets) return;
          try {
            budget = await budgets.charge({ userId: contextValue.viewer.userId, address: contextValue.throttle?.clientAddress ?? 'unknown' }, cost ?? 1);
          } catch (error) {
            budget = (error instanceof GraphQLError ? (error.extensions.cost as ReportedBudget | undefined) : undefined) ?? null;
            throw error;
          }
        },
        async willSendResponse({ response }) {
          if (budget) for (const [name, value] of budgetHeaders(budget)) response.http.headers.set(name, value);
        },
      };
    },
  };
}

/**
 * Logs unexpected errors (the client only sees them masked) with the request id; never the variables (the
 * logger's serializer keeps SQL parameters out). A database outage is logged once per request and answered
 * with HTTP 503 and Retry-After, so clients and load balancers know to retry.
 */
export function errorLoggingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let unavailable = false;
      let domainHead: ReturnType<typeof domainHttp> = null;
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const domain = domainErrorOf(error);
            if (domain) {
              // An expected refusal: not logged; its HTTP status (429, 503 with Retry-After) is set below.
              domainHead ??= domainHttp(domain);
              continue;
            }
            const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
            if (isPublicCode(code)) continue;
            const original = unwrapResolverError(error);
            if (code === SERVICE_UNAVAILABLE || isConnectionFailure(original)) {
              if (!unavailable) contextValue.log.error({ err: original, operationName, code: SERVICE_UNAVAILABLE }, 'database unavailable');
              unavailable = true;
              continue;
            }
            contextValue.log.error({ err: original, operationName, path: error.path }, 'unexpected error');
          }
        },
        async willSendResponse({ response }) {
          if (domainHead && !unavailable) {
            response.http.status = domainHead.status;
            for (const [name, value] of domainHead.headers) response.http.headers.set(name, value);
          }
          if (!unavailable) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

/**
 * `Cache-Control: no-store` on every GraphQL response: answers depend on the viewer and change with every write.
 * Apollo's cache-control plugin used to send it; that plugin is disabled (api/app.ts) because it instruments every
 * field of every response to compute hints this API never sets.
 */
export function noStorePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
