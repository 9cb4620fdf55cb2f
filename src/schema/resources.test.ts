import { describe, expect, it } from 'vitest';
import { loadRegistry } from './registry.js';
import { isUuidName, resourceLabel, resourceOfField, resourceOfParam, resourceOfQuery } from './resources.js';

const reg = loadRegistry();

/** Every uuid param of the registry, but a create API's `resourceUuid` (the uuid the new resource gets, not a reference). */
function uuidParams(): { api: string; name: string; refersTo: string | undefined }[] {
  const out: { api: string; name: string; refersTo: string | undefined }[] = [];
  for (const n of reg.apiNames()) {
    const api = reg.api(n)!;
    const creates = api.params.some((p) => p.name === 'tagUuids');
    for (const p of api.params) {
      if (!isUuidName(p.name) || (p.type !== 'string' && p.type !== 'list')) continue;
      if (creates && p.name === 'resourceUuid') continue;
      out.push({ api: api.name, name: p.name, refersTo: p.refersTo });
    }
  }
  return out;
}

/**
 * Uuid params whose resource the generator could not place. This number may only go down: lower it
 * when a change to scripts/gen-schema/references.ts places more. Of these, 305 are `tagUuids` (tag
 * patterns, which no query API lists) and 18 `resourceUuid` of APIs that take any kind of resource.
 */
const UNKNOWN_AT_MOST = 529;

describe('uuid references in the registry', () => {
  it('knows the resource of the uuid params one uses most', () => {
    const of = (api: string, param: string): string | undefined => {
      const a = reg.api(api)!;
      return resourceOfParam(reg, reg.param(a, param)!)?.queryApi;
    };
    expect(of('StopVmInstance', 'uuid')).toBe('QueryVmInstance');
    expect(of('CreateVmInstance', 'instanceOfferingUuid')).toBe('QueryInstanceOffering');
    expect(of('CreateVmInstance', 'imageUuid')).toBe('QueryImage');
    expect(of('CreateVmInstance', 'l3NetworkUuids')).toBe('QueryL3Network');
    expect(of('CreateVmInstance', 'dataDiskOfferingUuids')).toBe('QueryDiskOffering');
    expect(of('AttachDataVolumeToVm', 'volumeUuid')).toBe('QueryVolume');
    expect(of('MigrateVm', 'hostUuid')).toBe('QueryHost');
    expect(of('ChangeSNSTopicState', 'uuid')).toBe('QuerySNSTopic');
    expect(of('AddEmailAddressToSNSEmailEndpoint', 'endpointUuid')).toBe('QuerySNSEmailEndpoint');
    expect(of('CreatePolicyRouteTable', 'vRouterUuid')).toBe('QueryVirtualRouterVm');
  });

  it('knows the resource of uuid fields in query conditions, joins included', () => {
    const vm = reg.inventory('VmInstanceInventory')!;
    expect(resourceOfField(reg, vm, 'uuid')?.queryApi).toBe('QueryVmInstance');
    expect(resourceOfField(reg, vm, 'hostUuid')?.queryApi).toBe('QueryHost');
    expect(resourceOfField(reg, vm, 'lastHostUuid')?.queryApi).toBe('QueryHost');
    expect(resourceOfField(reg, vm, 'zoneUuid')?.queryApi).toBe('QueryZone');
    expect(resourceOfField(reg, vm, 'name')).toBeUndefined();
    expect(resourceOfField(reg, vm, 'toString')).toBeUndefined();
    const nic = reg.inventory('VmNicInventory')!;
    expect(resourceOfField(reg, nic, 'l3NetworkUuid')?.queryApi).toBe('QueryL3Network');
  });

  it('points only at query APIs that have an inventory (so conditions can be sent)', () => {
    const targets = new Set<string>();
    for (const p of uuidParams()) if (p.refersTo) targets.add(p.refersTo);
    for (const n of reg.inventoryNames()) for (const q of Object.values(reg.inventory(n)!.refersTo ?? {})) targets.add(q);
    for (const q of targets) expect(reg.api(q), q).toMatchObject({ query: true, inventory: expect.any(String) });
  });

  it(`leaves at most ${UNKNOWN_AT_MOST} uuid params without a resource (listed on failure)`, () => {
    const all = uuidParams();
    const unknown = all.filter((p) => !p.refersTo).map((p) => `${p.api}.${p.name}`);
    expect(all.length).toBeGreaterThan(2000);
    expect(unknown.length, `uuid params without a resource:\n${unknown.join('\n')}`).toBeLessThanOrEqual(UNKNOWN_AT_MOST);
    expect(unknown.filter((u) => u.endsWith('.tagUuids'))).toHaveLength(305);
  });
});

describe('names and labels', () => {
  it('takes uuid, uuids and names ending in Uuid or Uuids as uuid names, nothing else', () => {
    expect(['uuid', 'uuids', 'hostUuid', 'l3NetworkUuids', 'xUuid'].map(isUuidName)).toEqual([true, true, true, true, true]);
    expect(['Uuid', 'Uuids', 'uuidx', 'hostUuidx', 'hostuuid', 'name', ''].map(isUuidName)).toEqual([false, false, false, false, false, false, false]);
  });

  it('labels a resource by its inventory without the suffix, and finds query resources only', () => {
    expect(resourceLabel({ queryApi: 'QueryVmInstance', inventory: 'VmInstanceInventory' })).toBe('VmInstance');
    expect(resourceLabel({ queryApi: 'Q', inventory: 'InventoryThing' })).toBe('InventoryThing');
    const reg = loadRegistry();
    expect(resourceOfQuery(reg, 'queryvminstance')).toEqual({ queryApi: 'QueryVmInstance', inventory: 'VmInstanceInventory' });
    expect(resourceOfQuery(reg, 'StartVmInstance')).toBeUndefined();
    expect(resourceOfQuery(reg, 'QueryAudit')).toBeUndefined();
    expect(resourceOfQuery(reg, 'Nope')).toBeUndefined();
    const vm = reg.inventory('VmInstanceInventory')!;
    expect(resourceOfField(reg, vm, 'toString')).toBeUndefined();
    expect(resourceOfParam(reg, { name: 'x', type: 'string', in: 'body', required: false } as never)).toBeUndefined();
  });
});
