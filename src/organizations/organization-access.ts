// Moved to the privacy policy module; kept as a re-export while callers move over.
export { canSeeOrganization, canSeePrivateDetails, visibleOrganizationsSql } from '../privacy/visibility.js';
