import { describe, expect, it } from 'vitest';
import { completionLines, splitCompletionLine, wordStart } from './complete-command.js';

describe('splitCompletionLine', () => {
  it('takes everything after the program name, and the connection flags of complete words', () => {
    expect(splitCompletionLine('zstack-cli StartVm')).toEqual({ command: 'StartVm', flags: {} });
    expect(splitCompletionLine('zstack-cli --port 8081 -o table --https --host=10.0.0.1 Query')).toEqual({
      command: '--port 8081 -o table --https --host=10.0.0.1 Query',
      flags: { port: '8081', https: true, host: '10.0.0.1' },
    });
    expect(splitCompletionLine('zstack-cli ')).toEqual({ command: '', flags: {} });
    // The word at the cursor is not a flag yet.
    expect(splitCompletionLine('zstack-cli --port 80')).toEqual({ command: '--port 80', flags: {} });
  });

  it('answers nothing while the program name is typed', () => {
    expect(splitCompletionLine('zstack-c')).toBeUndefined();
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

  it('completes options, their values, built-ins and their arguments from the command table', async () => {
    expect(await completionLines('zstack-cli --ho', noServer)).toEqual(['--host\t<host> management node host (env ZSTACK_HOST; default localhost)']);
    expect(await completionLines('zstack-cli QueryVmInstance -o ya', noServer)).toEqual(['yaml']);
    expect(await completionLines('zstack-cli -o j', noServer)).toEqual(['json']);
    expect(await completionLines('zstack-cli job w', noServer)).toEqual([expect.stringMatching(/^wait\t/)]);
    expect(await completionLines('zstack-cli help StartVmIns', noServer)).toEqual(['StartVmInstance']);
    expect(await completionLines('zstack-cli completion z', noServer)).toEqual(['zsh']);
    expect(await completionLines('zstack-cli he', noServer)).toEqual([expect.stringMatching(/^help\t/)]);
    expect(await completionLines('zstack-cli QueryVmInstance -c vmNics.ipV', noServer)).toEqual(['vmNics.ipVersion\tInteger']);
    expect(await completionLines('zstack-cli QueryVmInstance -c uuid,nam', noServer)).toEqual(['uuid,name\tString']);
    // fields= offers plain fields only: the server refuses lists (SYS.1007).
    const fields = await completionLines('zstack-cli QueryVmInstance fields=', noServer);
    expect(fields).toContain('fields=uuid');
    expect(fields).not.toContain('fields=vmNics');
  });

  it('offers only the best API for a fuzzy abbreviation, so bash/zsh do not insert a bare common prefix', async () => {
    expect(await completionLines('zstack-cli qvmins', noServer)).toEqual(['QueryVmInstance']);
  });
});

describe('primeCompletion', () => {
  it('completes every priming line without a server (each has candidates, so each compiles its path)', async () => {
    const { primeCompletion, PRIME_LINES } = await import('./complete-command.js');
    expect(await primeCompletion()).toBe(PRIME_LINES.length);
  });
});
