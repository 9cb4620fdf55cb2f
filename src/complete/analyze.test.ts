import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';

const at = (line: string) => analyze(line, line.length);

describe('analyze', () => {
  it('an empty line or a first word asks for an API name', () => {
    expect(at('')).toEqual({ kind: 'api', prefix: '', replaceFrom: 0, replaceTo: 0 });
    expect(at('  QueryVm')).toEqual({ kind: 'api', prefix: 'QueryVm', replaceFrom: 2, replaceTo: 9 });
  });

  it('uses only the text left of the cursor for the word, the whole line for given keys', () => {
    const line = 'StartVmInstance  uuid=abc';
    expect(analyze(line, 5)).toMatchObject({ kind: 'api', prefix: 'Start', replaceFrom: 0, replaceTo: 5 });
    expect(analyze(line, 16)).toMatchObject({ kind: 'key', api: 'StartVmInstance', prefix: '', given: ['uuid'], replaceFrom: 16 });
  });

  it('a word after the API is a key; the word being edited is not counted as given', () => {
    const a = at('StartVmInstance hostUuid=x uu');
    expect(a).toMatchObject({ kind: 'key', prefix: 'uu', given: ['hostUuid'], replaceFrom: 27, replaceTo: 29 });
    expect(analyze('StartVmInstance hostUuid=x', 26)).toMatchObject({ kind: 'value', key: 'hostUuid', given: [] });
  });

  it('keeps dotted join paths whole', () => {
    expect(at('QueryVmInstance vmNics.l3Network.')).toMatchObject({ kind: 'key', prefix: 'vmNics.l3Network.', replaceFrom: 16 });
  });

  it('a key followed by a partial operator asks for operators', () => {
    expect(at('QueryVmInstance cpuNum!')).toMatchObject({ kind: 'operator', key: 'cpuNum', opPrefix: '!', replaceFrom: 16 });
    expect(at('QueryVmInstance cpuNum!?')).toMatchObject({ kind: 'operator', opPrefix: '!?' });
  });

  it('after an operator asks for a value, replacing from just after the operator', () => {
    const a = at('QueryVmInstance cpuNum>=4');
    expect(a).toMatchObject({ kind: 'value', key: 'cpuNum', op: '>=', prefix: '4', replaceFrom: 24, replaceTo: 25 });
  });

  it('replaces a quoted value from its opening quote', () => {
    const line = 'QueryVmInstance name="my v';
    const a = at(line);
    expect(a).toMatchObject({ kind: 'value', key: 'name', prefix: 'my v' });
    expect(line.slice(a.replaceFrom)).toBe('"my v');
  });

  it('reads list values as items at unescaped commas', () => {
    const line = 'QueryVmInstance fields=uuid,na';
    const a = at(line);
    expect(a.kind).toBe('value');
    if (a.kind !== 'value') return;
    expect(a.prefix).toBe('uuid,na');
    expect(a.item.head).toEqual(['uuid']);
    expect(a.item.prefix).toBe('na');
    expect(line.slice(a.item.replaceFrom)).toBe('na');
    const esc = at('CreateVmInstance systemTags=a\\,b');
    expect(esc.kind === 'value' && esc.item.head).toEqual([]);
  });

  it('gives nothing inside a comment or after garbage', () => {
    expect(at('QueryZone # note').kind).toBe('none');
    expect(at('QueryZone =x').kind).toBe('none');
    expect(at('QueryZone a"b"=').kind).toBe('none');
  });

  it('clamps a cursor outside the line', () => {
    expect(analyze('Query', 99)).toMatchObject({ kind: 'api', prefix: 'Query', replaceTo: 5 });
    expect(analyze('Query', -3)).toMatchObject({ kind: 'api', prefix: '', replaceFrom: 0, replaceTo: 0 });
    expect(analyze('Query', Number.NaN)).toMatchObject({ kind: 'api', prefix: 'Query' });
  });
});
