import { AccessTokenEntity } from '../accounts/access-token.entity.js';
import { EmailVerificationCodeEntity } from '../accounts/email-verification-code.entity.js';
import { MembershipEntity } from '../members/membership.entity.js';
import { OutboxMessageEntity } from '../accounts/outbox-message.entity.js';
import { UserEntity } from '../accounts/user.entity.js';
import { EventEntity } from '../events/event.entity.js';
import { EventMeetingEntity, EventScheduleChangeEntity } from '../events/meeting.entity.js';
import { EventRegistrationEntity } from '../events/registration.entity.js';
import { EventFunnelReleaseEntity, EventMeetingIntroductionEntity, EventVolunteerEntity } from '../events/events-after.entity.js';
import { CollaborationEntity } from '../introductions/collaboration.entity.js';
import { IntroductionEntity } from '../introductions/introduction.entity.js';
import { CapabilityEntity } from '../capabilities/capability.entity.js';
import { OrganizationInvitationEntity } from '../members/invitation.entity.js';
import { NeedEntity } from '../capabilities/need.entity.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';
import { OrganizationCountEntity } from '../profiles/organization-count.entity.js';
import { ReservedSlugEntity } from '../profiles/reserved-slug.entity.js';
import { MatchProfileEntity } from '../suggestions/match-profile.entity.js';
import { MatchKeysEntity } from '../suggestions/match-keys.entity.js';
import { OfferEntity, OfferIssueAreaEntity } from '../offers/offer.entity.js';
import { OfferRequestEntity } from '../offers/offer-request.entity.js';
import { ActivityEventEntity } from '../activity/activity-event.entity.js';
import { ActivityEventHorizonEntity } from '../activity/activity-event-horizon.entity.js';
import { UrgentAlertEntity, UrgentAlertRecipientEntity } from '../alerts/urgent-alert.entity.js';
import {
  SavedSearchEntity, SavedSearchMatchEntity, SavedSearchMatchSeenEntity, SavedSearchMatcherStateEntity,
} from '../saved-searches/saved-search.entity.js';
import { CapabilityCategoryEntity, IssueAreaEntity, SkillEntity } from '../taxonomy/taxonomy.entity.js';
import { VouchEntity } from '../vouching/vouch.entity.js';
import { VouchRequestEntity } from '../vouching/vouch-request.entity.js';
import { CoalitionProposalEntity, CoalitionProposalVoteEntity, CoalitionStatementSignatureEntity } from '../coalitions/proposal.entity.js';
import { CoalitionGoalEntity, CoalitionMilestoneEntity, CoalitionWinEntity } from '../coalitions/goal.entity.js';
import {
  CoalitionCharterEndorsementEntity, CoalitionCharterEntity, CoalitionEntity, CoalitionInvitationEntity, CoalitionMemberEntity,
} from '../coalitions/coalition.entity.js';
import { ServerKeyEntity } from '../privacy/anonymous-token-key.entity.js';

export const entities = [
  UserEntity, AccessTokenEntity, MembershipEntity, EmailVerificationCodeEntity, OutboxMessageEntity, OrganizationInvitationEntity,
  CapabilityCategoryEntity, SkillEntity, IssueAreaEntity,
  OrganizationEntity, OrganizationCountEntity, CapabilityEntity, NeedEntity, ReservedSlugEntity,
  MatchProfileEntity, MatchKeysEntity,
  IntroductionEntity, CollaborationEntity,
  VouchEntity, VouchRequestEntity,
  CoalitionProposalEntity, CoalitionProposalVoteEntity, CoalitionStatementSignatureEntity, CoalitionGoalEntity, CoalitionMilestoneEntity, CoalitionWinEntity,
  OfferEntity, OfferIssueAreaEntity, OfferRequestEntity,
  ActivityEventEntity, ActivityEventHorizonEntity,
  EventEntity, EventRegistrationEntity, EventMeetingEntity, EventScheduleChangeEntity,
  EventVolunteerEntity, EventMeetingIntroductionEntity, EventFunnelReleaseEntity,
  CoalitionEntity, CoalitionMemberEntity, CoalitionCharterEntity, CoalitionCharterEndorsementEntity, CoalitionInvitationEntity, ServerKeyEntity,
  UrgentAlertEntity, UrgentAlertRecipientEntity, SavedSearchEntity, SavedSearchMatchEntity, SavedSearchMatchSeenEntity, SavedSearchMatcherStateEntity,
];
