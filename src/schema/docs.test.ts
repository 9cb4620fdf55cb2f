import { describe, expect, it } from 'vitest';
import { loadRegistry } from './registry.js';

const reg = loadRegistry();

describe('manual docs (committed docs.json)', () => {
  it('documents StartVmInstance', () => {
    const doc = reg.doc('StartVmInstance');
    expect(doc).toMatchObject({
      section: '4.1.6',
      title: '启动云主机',
      description: '启动一个云主机。',
      request: 'PUT zstack/v1/vm-instances/{uuid}/actions',
      example: { uuid: '22771459f2184f2f96c8da84b7e660d8' },
      body: { startVmInstance: {} },
    });
    expect(doc?.params.hostUuid).toContain('物理主机UUID');
    expect(reg.doc('startvminstance')).toBe(doc);
  });

  it('documents inventory fields', () => {
    expect(reg.fieldDoc('VmInstanceInventory', 'state')).toBe('云主机的可用状态');
    expect(reg.fieldDoc('VmInstanceInventory', 'noSuchField')).toBeUndefined();
  });

  it('has nothing for APIs the manual does not cover', () => {
    expect(reg.doc('CreateSchedulerJob')).toBeUndefined();
  });
});
