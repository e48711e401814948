// The one privacy policy: who sees an organization by name, anonymously or not at all; what of it (members-only
// projection); and how precisely its position may be used (location rules shared with the matching engine).
export { ActingViewer, actingViewer } from './acting-viewer.js';
export {
  AnonymousTokens, anonymousEngineView, anonymousName, band, pendingRequestsBand, type AnonymousCard, type CardSource,
} from './anonymous-card.js';
export {
  ANONYMOUS_PRECISION, anonymousPrecision, coarsen, coarser, distanceWords, revealsCity, revealsRegion, roundDistanceKm,
  type Point, type Precision,
} from './location-rules.js';
export { positionSql, positionWithinSql, type PositionKind } from './location-sql.js';
export { membersOnly, projectDistanceKm, projectLocation, type ProjectedLocation } from './member-projection.js';
export { canSeeOrganization, canSeePrivateDetails, visibleOrganizationsSql, type VisibilityFacts } from './visibility.js';
