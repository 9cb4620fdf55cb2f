// Turns stored rows into inventory JSON: the registry's fields, ZStack dates, nested lists (vmNics, allVolumes...) and derived lists.
import { isPrimitiveType } from '../../schema/registry.js';
import { formatDate } from './dates.js';
import { joinSteps } from './paths.js';
/** List fields computed from other tables, keyed `<table>.<field>`. `pick` gives scalars instead of nested rows. */
const DERIVED = {
    'VmNicInventory.usedIps': { inventory: 'UsedIpInventory', key: 'vmNicUuid' },
    'L2NetworkInventory.attachedClusterUuids': { inventory: 'L2NetworkClusterRefInventory', key: 'l2NetworkUuid', pick: 'clusterUuid' },
    'PrimaryStorageInventory.attachedClusterUuids': { inventory: 'PrimaryStorageClusterRefInventory', key: 'primaryStorageUuid', pick: 'clusterUuid' },
    'BackupStorageInventory.attachedZoneUuids': { inventory: 'BackupStorageZoneRefInventory', key: 'backupStorageUuid', pick: 'zoneUuid' },
    'AffinityGroupInventory.usages': { inventory: 'AffinityGroupUsageInventory', key: 'affinityGroupUuid' },
    'SecurityGroupInventory.attachedL3NetworkUuids': { inventory: 'SecurityGroupL3NetworkRefInventory', key: 'securityGroupUuid', pick: 'l3NetworkUuid' },
    'LoadBalancerListenerInventory.vmNicRefs': { inventory: 'LoadBalancerListenerVmNicRefInventory', key: 'listenerUuid' },
    'SchedulerJobInventory.triggersUuid': { inventory: 'SchedulerJobSchedulerTriggerInventory', key: 'schedulerJobUuid', pick: 'schedulerTriggerUuid' },
    'SchedulerTriggerInventory.jobsUuid': { inventory: 'SchedulerJobSchedulerTriggerInventory', key: 'schedulerTriggerUuid', pick: 'schedulerJobUuid' },
};
/** Nested inventories are rendered this deep at most (a VM's nics, but not the nics' own lists' lists). */
export const MAX_DEPTH = 2;
export class Renderer {
    store;
    registry;
    schema;
    plans = new Map();
    constructor(store, registry, schema) {
        this.store = store;
        this.registry = registry;
        this.schema = schema;
    }
    /**
     * Renders a row as `inventory`, or as the row's own kind when it has one (a KVM host queried as a host). The kind is
     * noted for the reply's schema map (see schema.ts).
     */
    render(inventory, row, fields, depth = 0) {
        const kind = typeof row.__kind === 'string' ? row.__kind : inventory;
        const out = {};
        const plan = this.planOf(kind);
        this.schema.note(out, plan.shape);
        for (const p of plan.fields) {
            if (fields && !fields.includes(p.name))
                continue;
            if (p.how === 'plain') {
                const v = row[p.name];
                if (v !== null && v !== undefined)
                    out[p.name] = v;
            }
            else if (p.how === 'computed') {
                const v = p.make(row);
                if (v !== null && v !== undefined)
                    out[p.name] = v;
            }
            else if (p.how === 'date') {
                const v = row[p.name];
                if (typeof v === 'number')
                    out[p.name] = formatDate(v);
            }
            else if (depth < MAX_DEPTH) {
                const own = row[p.ownKey];
                if (own === null || own === undefined) {
                    if (p.list)
                        out[p.name] = [];
                    continue;
                }
                const rows = this.store.find(p.inventory, p.key, own);
                if (p.pick)
                    out[p.name] = rows.map((r) => r[p.pick]);
                else if (p.list)
                    out[p.name] = rows.map((r) => this.render(p.inventory, r, undefined, depth + 1));
                else if (rows[0])
                    out[p.name] = this.render(p.inventory, rows[0], undefined, depth + 1);
            }
        }
        return out;
    }
    /** Fields made by code rather than read or joined, keyed `<table>.<field>`. */
    computed(key) {
        if (key === 'PolicyInventory.statements') {
            // Stored as given; each statement is a PolicyStatement for the schema map.
            const list = (row) => (Array.isArray(row.statements) ? row.statements : []);
            return {
                make: (row) => list(row).map((st) => this.schema.note({ ...st }, 'PolicyStatement')),
                kinds: (value, path) => (Array.isArray(value) ? value.map((_, i) => [`${path}[${i}]`, 'PolicyStatement']) : []),
            };
        }
        if (key !== 'VolumeSnapshotTreeInventory.tree')
            return undefined;
        const kinds = (value, path) => {
            const leaf = value;
            if (!leaf)
                return [];
            const out = [
                [path, 'SnapshotLeafInventory'],
                [`${path}.inventory`, 'VolumeSnapshotInventory'],
            ];
            (leaf.children ?? []).forEach((c, i) => out.push(...kinds(c, `${path}.children[${i}]`)));
            return out;
        };
        return { make: (row) => this.snapshotLeaf(String(row.uuid), null), kinds, reads: { inventory: 'VolumeSnapshotInventory', key: 'treeUuid', ownKey: 'uuid' } };
    }
    /** A snapshot tree from the snapshot whose parent is `parentUuid` (the root: null): ZStack's SnapshotLeafInventory. */
    snapshotLeaf(treeUuid, parentUuid) {
        const inTree = this.store.find('VolumeSnapshotInventory', 'treeUuid', treeUuid);
        const leaf = (snap) => {
            const children = inTree.filter((c) => c.parentUuid === snap.uuid).map(leaf);
            const out = this.schema.note({ inventory: this.render('VolumeSnapshotInventory', snap, undefined, 1) }, 'SnapshotLeafInventory');
            if (typeof snap.parentUuid === 'string')
                out.parentUuid = snap.parentUuid;
            out.children = children;
            return out;
        };
        const root = inTree.find((s) => (s.parentUuid ?? null) === parentUuid);
        return root ? leaf(root) : undefined;
    }
    /** How rows of `inventory` render: fields in order, and how each is made (shared with the text writer). */
    planOf(inventory) {
        const known = this.plans.get(inventory);
        if (known)
            return known;
        const plan = [];
        const inv = this.registry.inventory(inventory);
        const table = this.store.table(inventory).name;
        for (const f of inv?.fields ?? []) {
            const computed = this.computed(`${table}.${f.name}`);
            if (computed)
                plan.push({ name: f.name, how: 'computed', ...computed });
            else if (f.type === 'Timestamp' || f.type === 'Date')
                plan.push({ name: f.name, how: 'date' });
            else if (isPrimitiveType(f.type))
                plan.push({ name: f.name, how: 'plain' });
            else {
                const derived = DERIVED[`${table}.${f.name}`];
                const steps = derived ? undefined : inv && joinSteps(this.registry, inv, f.name);
                if (derived) {
                    plan.push({ name: f.name, how: 'nested', inventory: derived.inventory, ownKey: 'uuid', key: derived.key, list: true, ...(derived.pick ? { pick: derived.pick } : {}) });
                }
                else if (steps && steps.length === 1) {
                    const s = steps[0];
                    plan.push({ name: f.name, how: 'nested', inventory: s.to, ownKey: s.foreignKey, key: s.targetKey, list: f.type === 'List' });
                }
                else
                    plan.push({ name: f.name, how: 'plain' });
            }
        }
        const nested = plan.flatMap((p) => ((p.how === 'nested' && !p.pick) || p.how === 'computed' ? [p.name] : []));
        const made = { fields: plan, shape: { kind: inventory, nested } };
        this.plans.set(inventory, made);
        return made;
    }
}
