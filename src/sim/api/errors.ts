// ZStack error codes the simulator answers with, and ApiError: the one error type handlers throw (becomes 503 JSON).

/** Codes used (ZStack's own, see vm-states.md); SYS.1008 also marks APIs the simulator does not simulate. */
export const Codes = {
  BAD_CREDENTIALS: 'ID.1000',
  INVALID_SESSION: 'ID.1001',
  INTERNAL: 'SYS.1000',
  NOT_FOUND: 'SYS.1003',
  OPERATION: 'SYS.1006',
  INVALID_ARGUMENT: 'SYS.1007',
  UNKNOWN_MESSAGE: 'SYS.1008',
  VM_CREATE: 'VM.1000',
  VM_MIGRATE: 'VM.1008',
  VM_STATE: 'VM.1010',
} as const;

const DESCRIPTIONS: Record<string, string> = {
  'ID.1000': 'Authentication error',
  'ID.1001': 'Invalid session, the session doesn\'t exist or has expired',
  'SYS.1000': 'An internal error happened in system',
  'SYS.1003': 'Unable to find resource',
  'SYS.1006': 'An operation failed',
  'SYS.1007': 'One or more API argument is invalid',
  'SYS.1008': 'The API message is unknown or not simulated',
  'VM.1000': 'Failed to create vm',
  'VM.1008': 'Failed to migrate vm',
  'VM.1010': 'The vm is not in a correct state for the operation',
};

export interface ErrorJson {
  code: string;
  description: string;
  details: string;
  cause?: ErrorJson;
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly details: string,
    readonly causedBy?: ApiError,
  ) {
    super(`${code}: ${details}`);
  }

  toJSON(): ErrorJson {
    const out: ErrorJson = { code: this.code, description: DESCRIPTIONS[this.code] ?? this.code, details: this.details };
    if (this.causedBy) out.cause = this.causedBy.toJSON();
    return out;
  }
}

export function notFound(vo: string, uuid: string): ApiError {
  return new ApiError(Codes.NOT_FOUND, `unable to find ${vo}[uuid:${uuid}]`);
}

export function invalidArgument(details: string): ApiError {
  return new ApiError(Codes.INVALID_ARGUMENT, details);
}

export function operationError(details: string): ApiError {
  return new ApiError(Codes.OPERATION, details);
}

export function notSimulated(api: string): ApiError {
  return new ApiError(Codes.UNKNOWN_MESSAGE, `API[${api}] is not simulated by the zstack-cli simulator`);
}

/** A thrown non-ApiError becomes SYS.1000 so the server keeps running. */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new ApiError(Codes.INTERNAL, `internal error in the simulator: ${msg}`);
}

/** The Java message class name ZStack puts in error details, e.g. `APIStartVmInstanceMsg`. */
export function msgName(api: string): string {
  return `API${api}Msg`;
}
