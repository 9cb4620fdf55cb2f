// The completion engine's public face: two pure stages, a cached live value source, a listing formatter.
export { analyze } from './analyze.js';
export { complete, candidatesFor } from './candidates.js';
export { cachedValueSource } from './values.js';
export { formatListing } from './listing.js';
export { matchNames } from './match.js';
export { columns, textWidth } from './listing.js';
export { fuzzyPick } from './pick.js';
