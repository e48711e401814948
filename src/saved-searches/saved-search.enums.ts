import { registerEnumType } from 'type-graphql';

export enum SavedSearchKind {
  ORGANIZATIONS = 'ORGANIZATIONS',
  OFFERS = 'OFFERS',
}
registerEnumType(SavedSearchKind, {
  name: 'SavedSearchKind',
  description: 'What a saved search looks for: organizations (an OrganizationFilter) or offers (an OfferFilter).',
});
