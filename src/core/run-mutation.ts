import type { EntityManager } from 'typeorm';
import type { RequestContext } from './request-context.js';
import { UserInputError } from './errors.js';
import { validateInput } from './input-validation.js';
import { runTransaction } from './transaction-hooks.js';
import type { UserError } from './user-error.types.js';

export interface MutationOutcome<T> {
  result: T | null;
  userErrors: UserError[];
}

// Unique constraints are the race-free truth for "already taken": map their names to the field they concern.
const UNIQUE_CONSTRAINT_FIELDS: Record<string, { field: string; message: string }> = {
  organizations_slug_key: { field: 'input.slug', message: 'This slug is already taken' },
  reserved_slugs_pkey: { field: 'input.slug', message: 'This slug is already taken' },
  users_email_key: { field: 'input.email', message: 'An account with this email already exists' },
  capabilities_organization_skill_key: { field: 'input.skillId', message: 'The organization already lists this skill' },
  skills_slug_key: { field: 'input.slug', message: 'This slug is already taken' },
  issue_areas_slug_key: { field: 'input.slug', message: 'This slug is already taken' },
  capability_categories_pkey: { field: 'input.id', message: 'This category already exists' },
  introductions_pending_pair_key: { field: 'input.toOrganizationId', message: 'A request to this organization is already pending' },
  offer_requests_pending_key: { field: 'input.offerId', message: 'Your organization already has a pending request for this offer' },
};

function asUniqueViolation(error: unknown): UserInputError | null {
  const pg = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = pg.driverError?.code ?? pg.code;
  const constraint = pg.driverError?.constraint ?? pg.constraint;
  if (code !== '23505' || !constraint) return null;
  const known = UNIQUE_CONSTRAINT_FIELDS[constraint] ?? (constraint.endsWith('_pkey') ? UNIQUE_CONSTRAINT_FIELDS.capability_categories_pkey : undefined);
  return known ? new UserInputError('TAKEN', known.field, known.message) : null;
}

/**
 * The one way a mutation runs: validate the input (issues become userErrors and nothing runs), then do the work
 * in a single transaction. A UserInputError (or a unique violation) rolls everything back and becomes a user
 * error; any other error rolls back and propagates (FORBIDDEN, NOT_FOUND, faults). The transaction has commit hooks
 * (core/transaction-hooks.ts): what the work registers with afterCommit (e.g. publishing an event) runs only once
 * it has committed, never after a rollback.
 */
export async function runMutation<T>(
  ctx: RequestContext,
  input: object | null,
  work: (tx: EntityManager) => Promise<T>,
): Promise<MutationOutcome<T>> {
  if (input) {
    const issues = await validateInput(input, 'input');
    if (issues.length > 0) return { result: null, userErrors: issues };
  }
  try {
    const result = await runTransaction(ctx.db, work, (err) => ctx.log.error({ err }, 'after-commit callback failed'));
    return { result, userErrors: [] };
  } catch (error) {
    const userError = error instanceof UserInputError ? error : asUniqueViolation(error);
    if (!userError) throw error;
    return { result: null, userErrors: [{ code: userError.code, field: userError.field, message: userError.message }] };
  }
}
