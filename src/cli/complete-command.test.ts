import { describe, expect, it } from 'vitest';
import { completionLines, splitCompletionLine, wordStart } from './complete-command.js';

describe('splitCompletionLine', () => {
  it('skips the program name and global options, keeping connection flags', () => {
    expect(splitCompletionLine('zstack-cli StartVm')).toEqual({ command: 'StartVm', flags: {} });
    expect(splitCompletionLine('zstack-cli --port 8081 -o table --https --host=10.0.0.1 Query')).toEqual({
      command: 'Query',
      flags: { port: '8081', https: true, host: '10.0.0.1' },
    });
    expect(splitCompletionLine('zstack-cli ')).toEqual({ command: '', flags: {} });
  });

  it('answers nothing while the program name, an option or its value is typed', () => {
    expect(splitCompletionLine('zstack-c')).toBeUndefined();
    expect(splitCompletionLine('zstack-cli --po')).toBeUndefined();
    expect(splitCompletionLine('zstack-cli --port 80')).toBeUndefined();
  });
});

describe('wordStart', () => {
  it('finds the shell word at the cursor, quotes included', () => {
    expect(wordStart('A b=c')).toBe(2);
    expect(wordStart('A name="my v')).toBe(2);
    expect(wordStart("A x='a b' y=")).toBe(10);
  });
});

describe('completionLines', () => {
  const noServer = () => Promise.reject(new Error('no server in this test'));

  it('prints whole shell words with descriptions, from the shell engine', async () => {
    const lines = await completionLines('zstack-cli QueryVmInstance zone.cluster.l2Network.l3Network.na', noServer);
    expect(lines).toEqual(['zone.cluster.l2Network.l3Network.name=\tString']);
    expect(await completionLines('zstack-cli StartVmInstance hostUu', noServer)).toEqual(['hostUuid=\tstring, Host']);
  });

  it('offers only the best API for a fuzzy abbreviation, so bash/zsh do not insert a bare common prefix', async () => {
    expect(await completionLines('zstack-cli qvmins', noServer)).toEqual(['QueryVmInstance']);
  });
});
