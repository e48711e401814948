import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../core/connection.js';
import { QueryLimitError } from '../core/errors.js';
import { toGraphQLError } from './error-mapping.js';

// One set of limits for every transport (HTTP and WebSocket): graphql-armor's rules for depth, aliases and
// directives (a maintained implementation of the OWASP recommendations), graphql-query-complexity for a cost
// that knows page sizes and sees variables. Tokens are capped by the parser (maxTokens).

export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 10000,
} as const;

/** A list field with `first` costs first x (its children's cost + 1); `first` omitted counts as the default. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const paged = field.args.some((arg) => arg.name === 'first');
  if (!paged) return undefined;
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + first * Math.max(1, childComplexity);
};

/** A field's own `complexity` extension multiplies its children (lists of unknown length count as that many). */
const listMultiplierEstimator: ComplexityEstimator = ({ field, childComplexity }) => {
  const multiplier = (field.extensions as { complexity?: unknown } | undefined)?.complexity;
  if (typeof multiplier !== 'number') return undefined;
  return multiplier * Math.max(1, childComplexity);
};

/** A field's `complexity` extension that is a function prices the field itself (the engine's work estimators below). */
const fieldFunctionEstimator: ComplexityEstimator = (options) => {
  const complexity = (options.field.extensions as { complexity?: unknown } | undefined)?.complexity;
  if (typeof complexity !== 'function') return undefined;
  return (complexity as ComplexityEstimator)(options);
};

const shapeRules = [
  maxDepthRule({ n: LIMITS.maxDepth, propagateOnRejection: true }),
  maxAliasesRule({ n: LIMITS.maxAliases, propagateOnRejection: true }),
  maxDirectivesRule({ n: LIMITS.maxDirectives, propagateOnRejection: true }),
];

export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName: operationName ?? undefined,
    estimators: [fieldFunctionEstimator, pageSizeEstimator, listMultiplierEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

// What the limits found for a document, kept while the document lives: Apollo's document store hands every request
// of the same query text the same parsed document (and the subscription server shares its parsed documents too), so
// the shape rules run once per query text and the cost once per operation name and variables, not per request.
// Both are pure functions of the schema, the document and the variables (the estimators read only arguments).
interface DocumentLimits {
  /** The first shape problem's message, or null when the shape is within the limits. */
  shapeProblem: string | null;
  /** Cost (null: unpriced) by operation name and variables. */
  costs: Map<string, number | null>;
}

/** Operation name and variable combinations remembered per document; a client varying its variables starts over. */
const MAX_COSTS_PER_DOCUMENT = 64;

const checkedBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, DocumentLimits>>();

function shapeProblemOf(schema: GraphQLSchema, document: DocumentNode): string | null {
  let shapeErrors: readonly Error[];
  try {
    shapeErrors = validate(schema, document, shapeRules);
  } catch (error) {
    shapeErrors = [error as Error]; // graphql-armor's rules throw their rejection rather than report it
  }
  return shapeErrors.length > 0 ? shapeErrors[0].message.replace(/^Syntax Error: /, '') : null;
}

function costOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null): number | null {
  try {
    return operationCost(schema, document, variables, operationName);
  } catch {
    // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT naming the field,
    // before any resolver runs, so there is nothing to price.
    return null;
  }
}

/** Throws QUERY_LIMIT_EXCEEDED when the operation is too deep, too wide or too costly; returns its cost (null: unpriced). */
export function enforceOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number | null {
  let checked = checkedBySchema.get(schema);
  if (!checked) checkedBySchema.set(schema, (checked = new WeakMap()));
  let limits = checked.get(document);
  if (!limits) checked.set(document, (limits = { shapeProblem: shapeProblemOf(schema, document), costs: new Map() }));
  if (limits.shapeProblem !== null) throw toGraphQLError(new QueryLimitError(limits.shapeProblem));
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
  let cost = limits.costs.get(key);
  if (cost === undefined) {
    cost = costOf(schema, document, variables ?? {}, operationName);
    if (limits.costs.size >= MAX_COSTS_PER_DOCUMENT) limits.costs.clear();
    limits.costs.set(key, cost);
  }
  if (cost === null) return null;
  if (cost > LIMITS.maxCost) {
    throw toGraphQLError(new QueryLimitError(`Query cost ${cost} exceeds the maximum of ${LIMITS.maxCost}; ask for smaller pages or fewer fields`, { cost, maxCost: LIMITS.maxCost }));
  }
  return cost; // what the rate limits charge (src/api/rate-limits.ts)
}
