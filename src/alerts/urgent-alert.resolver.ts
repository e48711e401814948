import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { PageArgs, toPage } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { runMutation } from '../core/run-mutation.js';
import type { Need } from '../capabilities/capability.types.js';
import { needsJson } from '../profiles/organization-children.sql.js';
import { readOrganization } from '../profiles/organization.service.js';
import { requireMembership } from '../authorization/organization-guard.js';
import { subscribeToEvents } from '../activity/event-stream.js';
import { listUrgentAlerts, loadUrgentAlert } from './urgent-alert-query.service.js';
import { NeedMarkUrgentInput, NeedMarkUrgentPayload } from './urgent-alert.inputs.js';
import { markNeedUrgent, URGENT_NEED_EVENT } from './urgent-alert.service.js';
import { UrgentNeedAlertConnection, UrgentNeedAlertEvent } from './urgent-alert.types.js';

const MEMBERS_ONLY = 'Only members of the organization can receive its urgent alerts';

@Resolver()
export class UrgentAlertResolver {
  @Mutation(() => NeedMarkUrgentPayload, {
    description: 'Marks an open HIGH or CRITICAL need urgent (owners and editors): organizations that offer its skill or category '
      + 'nearby, or remotely, get urgentNeedAlert. At most 3 per organization in any 24 hours (URGENT_LIMIT_REACHED).',
  })
  async needMarkUrgent(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => NeedMarkUrgentInput, { validate: false }) input: NeedMarkUrgentInput,
  ): Promise<NeedMarkUrgentPayload> {
    const outcome = await runMutation(ctx, input, (tx) => markNeedUrgent(ctx, tx, input));
    if (!outcome.result) return { need: null, organization: null, urgentAlertsRemaining: null, userErrors: outcome.userErrors };
    const { organizationId, needId, remaining } = outcome.result;
    const [{ items }]: { items: Need[] }[] = await ctx.db.query(`SELECT ${needsJson('$1')} AS items`, [organizationId]);
    return {
      need: items.find((n) => n.id === needId) ?? null,
      organization: await readOrganization(ctx.db.manager, organizationId),
      urgentAlertsRemaining: remaining,
      userErrors: [],
    };
  }

  @Query(() => UrgentNeedAlertConnection, {
    description: 'Urgent needs of other organizations that yours can help with, newest first (members only): what urgentNeedAlert pushed, for a member who was offline.',
  })
  async urgentNeedAlerts(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('organizationId', () => ID) organizationId: string,
  ) {
    return listUrgentAlerts(ctx, organizationId, toPage(pageArgs));
  }

  @Subscription(() => UrgentNeedAlertEvent, {
    description: 'Urgent needs of other organizations that yours can help with (members only), as urgentNeedAlerts shows them to you. '
      + 'With `after`, what you missed since that cursor first (within the event retention), then live.',
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      const organizationId = await requireMembership(ctx.db, ctx.viewer, args.organizationId as string, MEMBERS_ONLY);
      return subscribeToEvents(ctx, {
        kinds: [URGENT_NEED_EVENT],
        after: args.after as string | null | undefined,
        organizationIds: [organizationId],
        project: async (event, eventCtx) => {
          const alert = await loadUrgentAlert(eventCtx, event.subjectId, organizationId);
          return alert && { cursor: event.cursor, occurredAt: new Date(event.occurredAt), alert };
        },
      });
    },
  })
  urgentNeedAlert(
    @Root() event: UrgentNeedAlertEvent,
    @Arg('organizationId', () => ID, { description: 'Your organization.' }) _organizationId: string,
    @Arg('after', () => String, { nullable: true, description: 'The cursor of the last event you received.' }) _after?: string,
  ): UrgentNeedAlertEvent {
    return event;
  }
}
