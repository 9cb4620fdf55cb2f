import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { exampleFor, helpApi, helpSearch } from './api-help.js';

const registry = loadRegistry();

describe('help', () => {
  it('describes an API: method, path, params with types and valid values, an example', () => {
    const text = helpApi(registry, registry.api('CreateVmInstance')!, 100).join('\n');
    expect(text).toMatch(/^CreateVmInstance/);
    expect(text).toContain('POST /zstack/v1/vm-instances  (runs as a job)');
    expect(text).toMatch(/name\s+string, required/);
    expect(text).toMatch(/strategy\s+string, optional, one of InstantStart, JustCreate, CreateStopped,\s+default InstantStart/);
    // The manual's Java SDK example, typed on our command line.
    expect(text).toContain('CreateVmInstance name=vm1 instanceOfferingUuid=ae97ced44efc3314b8f7798972b4ba1a');
    // A long param name still has a space before its type.
    expect(text).toMatch(/primaryStorageUuidForRootVolume string, optional/);
  });

  it('synthesizes an example from required params when the manual has none', () => {
    expect(exampleFor(registry, registry.api('AddKVMHost')!)).toMatch(/^AddKVMHost .*managementIp=<string>/);
  });

  it('describes a query with its conditions and joins', () => {
    const text = helpApi(registry, registry.api('QueryVmInstance')!, 100).join('\n');
    expect(text).toContain('Query conditions on VmInstanceInventory');
    expect(text).toMatch(/joins: .*vmNics\./);
    // The manual's conditions are written inline.
    expect(exampleFor(registry, registry.api('QueryVmInstance')!)).toBe('QueryVmInstance name=vm1 vmNics.ip=192.168.20.100');
    expect(exampleFor(registry, registry.api('QueryZone')!)).toBe('QueryZone name=<name> fields=uuid,name limit=10');
  });

  it('uses the manual example when docs have one', () => {
    const api = registry.api('StartVmInstance')!;
    const fake = Object.create(registry) as typeof registry;
    fake.doc = () => ({ section: '1', title: 'Start a VM', description: 'Starts it.', params: { uuid: 'the VM' }, example: { uuid: 'abc', sessionId: 's', systemTags: ['a', 'b c'] } });
    expect(exampleFor(fake, api)).toBe("StartVmInstance uuid=abc systemTags='a,b c'");
    const text = helpApi(fake, api, 80).join('\n');
    expect(text).toMatch(/^StartVmInstance - Start a VM\n {2}Starts it\./);
    expect(text).toMatch(/uuid\s+string, required.*\n\s+the VM/);
  });

  it('help <word> lists matching APIs or suggests close names', () => {
    expect(helpSearch(registry, 'vminstance', 80).join('\n')).toContain('QueryVmInstance');
    expect(helpSearch(registry, 'zzzzqqq', 80)[0]).toMatch(/^no API/);
  });
});
