// ZStack error codes the simulator answers with, and ApiError: the one error type handlers throw (becomes 503 JSON).
/** Codes used (ZStack's own, see vm-states.md); SYS.1008 also marks APIs the simulator does not simulate. */
export const Codes = {
    BAD_CREDENTIALS: 'ID.1000',
    INVALID_SESSION: 'ID.1001',
    PERMISSION_DENIED: 'ID.1002',
    INTERNAL: 'SYS.1000',
    NOT_FOUND: 'SYS.1003',
    OPERATION: 'SYS.1006',
    INVALID_ARGUMENT: 'SYS.1007',
    UNKNOWN_MESSAGE: 'SYS.1008',
    VM_CREATE: 'VM.1000',
    VM_START: 'VM.1001',
    VM_STOP: 'VM.1002',
    VM_REBOOT: 'VM.1003',
    VM_MIGRATE: 'VM.1008',
    VM_STATE: 'VM.1010',
};
const DESCRIPTIONS = {
    'ID.1000': 'Authentication error',
    'ID.1001': 'Invalid session, the session doesn\'t exist or has expired',
    'ID.1002': 'Permission denied',
    'SYS.1000': 'An internal error happened in system',
    'SYS.1003': 'Unable to find resource',
    'SYS.1006': 'An operation failed',
    'SYS.1007': 'One or more API argument is invalid',
    'SYS.1008': 'The API message is unknown or not simulated',
    'VM.1000': 'Failed to create vm',
    'VM.1001': 'Failed to start vm',
    'VM.1002': 'Failed to stop vm',
    'VM.1003': 'Failed to reboot vm',
    'VM.1004': 'Failed to destroy vm',
    'VM.1005': 'Failed to attach volume',
    'VM.1006': 'Failed to detach volume',
    'VM.1007': 'Failed to attach network',
    'VM.1008': 'Failed to migrate vm',
    'VM.1010': 'The vm is not in a correct state for the operation',
    'VM.1011': 'Failed to change the vm password',
    'VM.1012': 'Failed to pause vm',
    'VM.1013': 'Failed to resume vm',
    'VM.1014': 'The vm must be stopped to be reimaged',
    'VM.1015': 'An ISO image cannot be used to reimage a vm',
};
export class ApiError extends Error {
    code;
    details;
    causedBy;
    constructor(code, details, causedBy) {
        super(`${code}: ${details}`);
        this.code = code;
        this.details = details;
        this.causedBy = causedBy;
    }
    toJSON() {
        const out = { code: this.code, description: DESCRIPTIONS[this.code] ?? this.code, details: this.details };
        if (this.causedBy)
            out.cause = this.causedBy.toJSON();
        return out;
    }
}
export function notFound(vo, uuid) {
    return new ApiError(Codes.NOT_FOUND, `unable to find ${vo}[uuid:${uuid}]`);
}
export function invalidArgument(details) {
    return new ApiError(Codes.INVALID_ARGUMENT, details);
}
export function operationError(details) {
    return new ApiError(Codes.OPERATION, details);
}
export function notSimulated(api) {
    return new ApiError(Codes.UNKNOWN_MESSAGE, `API[${api}] is not simulated by the zstack-cli simulator`);
}
/** A thrown non-ApiError becomes SYS.1000 so the server keeps running. */
export function asApiError(e) {
    if (e instanceof ApiError)
        return e;
    const msg = e instanceof Error ? e.message : String(e);
    return new ApiError(Codes.INTERNAL, `internal error in the simulator: ${msg}`);
}
/** The Java message class name ZStack puts in error details, e.g. `APIStartVmInstanceMsg`. */
export function msgName(api) {
    return `API${api}Msg`;
}
