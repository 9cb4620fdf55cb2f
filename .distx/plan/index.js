// The plan layer's public face: CommandNode + registry -> PlannedRequest (or usage errors).
export { planCommand, resolveApi, sha512Hex } from './planner.js';
export { API_ROOT, endpointUrl } from './request.js';
export { toJsonText, ExactLong } from './json-text.js';
export { fieldClass, operatorsFor, serverSplit } from './conditions.js';
export { curlCommand, shellQuote } from './curl.js';
export { dryRunJson } from './dry-run.js';
