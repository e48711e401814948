import type { GraphQLResolveInfo } from 'graphql';
import { BadInputError } from '../core/errors.js';
import { validateInput } from '../core/input-validation.js';

/** type-graphql's validation hook for query arguments: the first problem becomes BAD_USER_INPUT with its field. */
export async function validateArgs(value: unknown, _type: unknown, data: { info: GraphQLResolveInfo }): Promise<void> {
  // Mutation inputs are validated by runMutation, so their problems come back as userErrors in the payload.
  if (data.info.parentType === data.info.schema.getMutationType()) return;
  if (value === null || typeof value !== 'object') return;
  const values = Array.isArray(value) ? value : [value];
  for (const item of values) {
    if (item === null || typeof item !== 'object') continue;
    const [issue] = await validateInput(item, '');
    if (issue) throw new BadInputError(issue.field, issue.message);
  }
}
