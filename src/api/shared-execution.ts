import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { viewerKey } from '../activity/viewer-key.js';
import type { RequestContext } from '../core/request-context.js';

// graphql-ws's `subscribe`, with one execution per event and group of alike subscribers instead of one each.
//
// An offer can reach thousands of subscribers at once; executing the subscription's selection set for each one
// (field resolvers, privacy projections, result building) was most of the cost of a delivery. Subscribers whose
// projection handed over the SAME payload object (src/subscriptions/offer-posted.ts shares one per viewer key and
// arguments), with the same document, operation and variables and the same viewer key (src/activity/viewer-key.ts:
// signed in or not, admin or not, the same memberships and roles) get the result of one execution. That is the
// result each of them would have got: every read rule decides by the viewer key, never by the user (a field that
// came to depend on the user id would have to be added to the key). Payloads are never shared across events
// (each event has its own), so nothing is cached from one event to the next.

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

/** Documents are shared per query text by the subscription server, so identity names the query. */
function documentId(document: DocumentNode): number {
  let id = documentIds.get(document);
  if (id === undefined) documentIds.set(document, (id = nextDocumentId++));
  return id;
}

/** Per payload object: the execution for each (document, operation, variables, viewer key). */
const executions = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

function executeShared(args: ExecutionArgs, key: string, payload: unknown): Promise<ExecutionResult> | ExecutionResult {
  if (payload === null || typeof payload !== 'object') return execute({ ...args, rootValue: payload });
  let byKey = executions.get(payload);
  if (!byKey) executions.set(payload, (byKey = new Map()));
  let result = byKey.get(key);
  if (!result) byKey.set(key, (result = Promise.resolve(execute({ ...args, rootValue: payload }))));
  return result;
}

function isAsyncIterable(value: unknown): value is AsyncIterableIterator<unknown> {
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
}

/** Like graphql's subscribe(): the source stream of the subscription field, each event executed (shared, above). */
export async function subscribeSharingResults(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source as ExecutionResult;
  const viewer = (args.contextValue as RequestContext).viewer;
  const key = `${documentId(args.document)}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}|${viewerKey(viewer)}`;
  // A plain iterator, not an async generator: return() must reach the source at once (a generator would queue it
  // behind the pending next(), keeping a completed subscription registered until its next event).
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]: () => iterator,
    async next() {
      const step = await source.next();
      return step.done ? { value: undefined, done: true } : { value: await executeShared(args, key, step.value), done: false };
    },
    return: async () => (source.return ? ((await source.return()) as IteratorResult<ExecutionResult>) : { value: undefined, done: true }),
    throw: async (error?: unknown) => {
      if (source.throw) return (await source.throw(error)) as IteratorResult<ExecutionResult>;
      throw error;
    },
  };
  return iterator;
}
