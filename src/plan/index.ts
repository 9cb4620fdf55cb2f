// The plan layer's public face: CommandNode + registry -> PlannedRequest (or usage errors).
export { planCommand, resolveApi, sha512Hex, type PlanResult } from './planner.js';
export type { PlanError } from './errors.js';
export { API_ROOT, endpointUrl, type Endpoint, type PlannedRequest } from './request.js';
export { toJsonText, ExactLong } from './json-text.js';
export { fieldClass, operatorsFor, serverSplit, type FieldClass } from './conditions.js';
export { curlCommand, shellQuote } from './curl.js';
export { dryRunJson } from './dry-run.js';
