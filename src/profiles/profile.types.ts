import { registerEnumType } from 'type-graphql';
import {
  CapabilityLevel, LocationPrecision, MembershipRole, NeedPriority, NeedStatus, OrganizationKind, SizeBand, Visibility,
} from '../core/enums.js';

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(SizeBand, { name: 'SizeBand', description: 'Staff size: SMALL 1-10, MEDIUM 11-50, LARGE 51-250, VERY_LARGE 250+.' });
registerEnumType(Visibility, {
  name: 'Visibility',
  description: 'PUBLIC: anyone. NETWORK: signed-in users. PRIVATE: only members; answered like a missing profile to others.',
});
registerEnumType(LocationPrecision, {
  name: 'LocationPrecision',
  description: 'How precisely non-members may learn where the organization is. The API never reveals more.',
});
registerEnumType(MembershipRole, { name: 'MembershipRole' });
registerEnumType(CapabilityLevel, { name: 'CapabilityLevel' });
registerEnumType(NeedPriority, { name: 'NeedPriority' });
registerEnumType(NeedStatus, { name: 'NeedStatus' });
