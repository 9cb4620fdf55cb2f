/** Classes a reply can hold that the registry has no server class for (names from the SDK's SourceClassMap). */
const OTHER_CLASSES = {
    CloneVmInstanceResults: 'org.zstack.header.vm.CloneVmInstanceResults',
    CloneVmInstanceInventory: 'org.zstack.header.vm.CloneVmInstanceInventory',
    ErrorCode: 'org.zstack.header.errorcode.ErrorCode',
    SnapshotLeafInventory: 'org.zstack.header.storage.snapshot.VolumeSnapshotTree$SnapshotLeafInventory',
    VolumeFormatReplyStruct: 'org.zstack.header.volume.APIGetVolumeFormatReply$VolumeFormatReplyStruct',
    PolicyStatement: 'org.zstack.header.identity.PolicyStatement',
    QuotaUsage: 'org.zstack.header.identity.Quota$QuotaUsage',
    SchedulerJobInventory: 'org.zstack.header.scheduler.SchedulerJobInventory',
    SchedulerTriggerInventory: 'org.zstack.header.scheduler.SchedulerTriggerInventory',
    SchedulerJobSchedulerTriggerInventory: 'org.zstack.header.scheduler.SchedulerJobSchedulerTriggerInventory',
    SchedulerJobHistoryInventory: 'org.zstack.header.scheduler.SchedulerJobHistoryInventory',
};
/** Is the request asking for a schema? Header names arrive lower-cased; the value is compared case-insensitively. */
export function wantsSchema(headers) {
    const v = headers['x-json-schema'];
    const text = Array.isArray(v) ? v[0] : v;
    return text !== undefined && text.trim().toLowerCase() === 'true';
}
export class SchemaRecorder {
    registry;
    kinds;
    classes = new Map();
    constructor(registry) {
        this.registry = registry;
    }
    /** Runs `fn` noting the kinds of the objects it makes into `kinds` (a fresh map unless given). */
    record(fn, kinds = new Map()) {
        const outer = this.kinds;
        this.kinds = kinds;
        try {
            return { value: fn(), kinds };
        }
        finally {
            this.kinds = outer;
        }
    }
    /** Notes that `obj` is a `kind` (an inventory name, or a name of OTHER_CLASSES); free when not recording. */
    note(obj, kind) {
        this.kinds?.set(obj, kind);
        return obj;
    }
    /** The schema map of `body`: every noted object in it, by path. */
    build(body, kinds) {
        const out = {};
        if (kinds.size === 0)
            return out;
        const visit = (obj, path) => {
            const noted = kinds.get(obj);
            if (noted !== undefined) {
                const cls = this.serverClass(typeof noted === 'string' ? noted : noted.kind);
                if (cls)
                    out[path] = cls;
            }
            const fields = obj;
            const nested = typeof noted === 'object' ? noted.nested : undefined;
            if (nested) {
                for (const key of nested) {
                    const v = fields[key];
                    if (v !== null && typeof v === 'object')
                        visitValue(v, `${path}.${key}`);
                }
            }
            else {
                for (const key in fields) {
                    const v = fields[key];
                    if (v !== null && typeof v === 'object')
                        visitValue(v, `${path}.${key}`);
                }
            }
        };
        const visitValue = (v, path) => {
            if (v === null || typeof v !== 'object')
                return;
            if (!Array.isArray(v))
                return visit(v, path);
            for (let i = 0; i < v.length; i++) {
                const e = v[i];
                if (e !== null && typeof e === 'object' && !Array.isArray(e))
                    visit(e, `${path}[${i}]`);
            }
        };
        for (const key in body)
            visitValue(body[key], key);
        return out;
    }
    serverClass(kind) {
        let cls = this.classes.get(kind);
        if (cls === undefined) {
            // Own names only: a kind named like an Object.prototype member must not find it.
            cls = this.registry.inventory(kind)?.serverClass ?? (Object.hasOwn(OTHER_CLASSES, kind) ? OTHER_CLASSES[kind] : undefined) ?? null;
            this.classes.set(kind, cls);
        }
        return cls ?? undefined;
    }
}
