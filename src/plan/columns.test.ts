import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { columnErrors, columnProblem, nonPlainFieldErrors, plainColumns } from './columns.js';

const reg = loadRegistry();
const vm = reg.inventory('VmInstanceInventory')!;
const query = reg.api('QueryVmInstance')!;

describe('columns rows can have', () => {
  it('walks list fields into the inventory of their same-named join, to any depth', () => {
    for (const ok of ['uuid', 'vmNics.ip', 'vmNics.0.ip', 'allVolumes.size', 'vmNics.usedIps.ip', 'description']) expect(columnProblem(reg, vm, ok), ok).toBeUndefined();
    expect(columnProblem(reg, vm, 'vmNics.ipp')).toEqual({ reason: "VmNicInventory (the rows of vmNics) has no field 'ipp'", suggestions: ['vmNics.ip'] });
    expect(columnProblem(reg, vm, 'nmae')?.suggestions).toContain('name');
    expect(columnProblem(reg, vm, 'zone.name')?.reason).toBe("'zone' is a query join, not a field the rows carry");
    expect(columnProblem(reg, vm, 'name.first')?.reason).toBe("'name' is a plain String, it has no 'first'");
  });

  it('reads a number as a list index past the first segment only, and walks no further below a map', () => {
    for (const ok of ['vmNics.0', 'vmNics.0.0.ip', 'vmNics.usedIps.0.ip']) expect(columnProblem(reg, vm, ok), ok).toBeUndefined();
    expect(columnProblem(reg, vm, '0')).toEqual({ reason: "no field '0' in VmInstanceInventory", suggestions: [] });
    expect(columnProblem(reg, vm, 'vmNics.01')?.reason).toBe("VmNicInventory (the rows of vmNics) has no field '01'");
    for (const ok of ['vmNics.10.ip', 'vmNics.15.ip', 'vmNics.123.ip']) expect(columnProblem(reg, vm, ok), ok).toBeUndefined();
    for (const bad of ['x0', '0x', '1x']) expect(columnProblem(reg, vm, `vmNics.${bad}.ip`)?.reason).toBe(`VmNicInventory (the rows of vmNics) has no field '${bad}'`);
    expect(columnProblem(reg, vm, 'allVolumes.0.nope')).toEqual({ reason: "VolumeInventory (the rows of allVolumes.0) has no field 'nope'", suggestions: ['allVolumes.0.name', 'allVolumes.0.type'] });
    expect(columnProblem(reg, vm, 'vmNics.ip.x')).toEqual({ reason: "'vmNics.ip' is a plain String, it has no 'x'", suggestions: [] });
    expect(columnProblem(reg, vm, 'vmNics.l3Network.name')).toEqual({ reason: "'vmNics.l3Network' is a query join, not a field the rows carry", suggestions: ['vmNics.l3NetworkUuid'] });
    const history = reg.inventory('ArchiveTicketStatusHistoryInventory')!;
    expect(columnProblem(reg, history, 'operationContext.anything.at.all')).toBeUndefined();
  });

  it('turns into -c errors only when the result inventory is known', () => {
    expect(columnErrors(reg, query, ['uuid', 'vmNics.ipp']).map((e) => e.message)).toEqual([
      "-c vmNics.ipp: no row of QueryVmInstance can have it: VmNicInventory (the rows of vmNics) has no field 'ipp'",
    ]);
    expect(columnErrors(reg, reg.api('StartVmInstance')!, ['nmae'])).toEqual([]);
    expect(columnErrors(reg, reg.api('QueryAudit')!, ['nmae'])).toEqual([]);
    expect(columnErrors(reg, query, undefined)).toEqual([]);
    expect(columnErrors(reg, query, ['zone', 'cpuNum.x'])).toEqual([
      { message: "-c zone: no row of QueryVmInstance can have it: 'zone' is a query join, not a field the rows carry", hint: 'did you mean zoneUuid?' },
      { message: "-c cpuNum.x: no row of QueryVmInstance can have it: 'cpuNum' is a plain Integer, it has no 'x'", hint: 'see the fields with: help QueryVmInstance' },
    ]);
  });

  it('sends -c as fields= only when every column is a plain field', () => {
    expect(plainColumns(reg, query, ['uuid', 'name'])).toEqual(['uuid', 'name']);
    expect(plainColumns(reg, query, ['uuid', 'vmNics'])).toBeUndefined();
    expect(plainColumns(reg, query, ['uuid', 'vmNics.ip'])).toBeUndefined();
    expect(plainColumns(reg, query, [])).toBeUndefined();
    expect(plainColumns(reg, reg.api('StartVmInstance')!, ['uuid'])).toBeUndefined();
    expect(plainColumns(reg, reg.api('QueryAudit')!, ['uuid'])).toBeUndefined();
    const cols = ['uuid'];
    expect(plainColumns(reg, query, cols)).not.toBe(cols);
  });

  it('fields= names plain fields only, suggesting the closest plain ones', () => {
    const [e] = nonPlainFieldErrors(vm, 'fields', ['uuid', 'allVolumes']);
    expect(e?.message).toBe("'allVolumes' is a List field of VmInstanceInventory; fields takes plain fields only (the server refuses others)");
    expect(nonPlainFieldErrors(vm, 'fields', ['uuid', 'nope'])).toEqual([]);
  });
});
