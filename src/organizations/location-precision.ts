// Moved to the privacy policy module; kept as a re-export while callers move over.
export { coarsen, coarser, revealsCity, revealsRegion, roundDistanceKm, type Point } from '../privacy/location-rules.js';
export { positionWithinSql as publicPositionWithinSql } from '../privacy/location-sql.js';
