// The completion engine's public face: two pure stages, a cached live value source, a listing formatter.
export { analyze } from './analyze.js';
export { complete, candidatesFor, type CompleteContext } from './candidates.js';
export { cachedValueSource, type CachedValueSourceOptions, type ResourceFetch, type ResourceRow, type Timers } from './values.js';
export { formatListing, type ListingOptions } from './listing.js';
export type { Analysis, Candidate, CandidateGroup, Completion, ValueItem, ValueRequest, ValueSource } from './types.js';
export { matchNames } from './match.js';
export { columns, textWidth } from './listing.js';
export { fuzzyPick } from './pick.js';
