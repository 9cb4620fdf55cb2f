// The layering of src/ (README, Layout): each folder imports only the folders before it in the
// pipeline, so pure stages stay pure and config never reaches into the executor. Imports are read
// from the sources (static, dynamic and type-only alike: a type import is a dependency too).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SRC, srcModules } from './src-modules.js';

/** What each folder of src/ may import besides itself; cli/ and commands/ (the composition root) may import anything. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  errors: [],
  schema: ['errors'],
  parse: ['errors', 'schema'],
  plan: ['errors', 'schema', 'parse'],
  config: ['errors', 'schema', 'parse', 'plan'],
  execute: ['errors', 'schema', 'parse', 'plan', 'config'],
  render: ['errors', 'schema', 'parse', 'plan'],
  complete: ['errors', 'schema', 'parse', 'plan'],
  repl: ['errors', 'schema', 'parse', 'plan', 'complete', 'render'],
  // The simulator shares no client code: only the generated registry.
  sim: ['schema'],
  boot: [],
};

/** The src/ folders a module imports from, with the import as written. */
function importedFolders(module: string): Array<{ folder: string; spec: string }> {
  const text = readFileSync(join(SRC, module), 'utf8');
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => ({ spec, path: relative(SRC, resolve(SRC, dirname(module), spec)) }))
    .filter(({ path }) => !path.startsWith('..'))
    .map(({ spec, path }) => ({ spec, folder: path.split(sep)[0]! }));
}

const folderOf = (module: string): string => module.split(sep)[0]!;

describe('layering of src/', () => {
  const all = srcModules();

  it('reads the imports it judges (the composition root imports the executor; config modules exist)', () => {
    expect(all.filter((m) => folderOf(m) === 'config').length).toBeGreaterThan(5);
    expect(importedFolders(join('cli', 'runner.ts')).map((i) => i.folder)).toEqual(expect.arrayContaining(['execute', 'plan', 'errors']));
    // Dynamic and type-only imports count.
    expect(importedFolders(join('cli', 'shell.ts')).some((i) => i.spec.includes('commands/help.js'))).toBe(true);
    expect(importedFolders(join('config', 'session-store.ts')).map((i) => i.spec)).toContain('./session.js');
  });

  it('src/config imports nothing from src/execute (its errors come from src/errors, session types are its own)', () => {
    const offending = all
      .filter((m) => folderOf(m) === 'config')
      .flatMap((m) => importedFolders(m).filter((i) => i.folder === 'execute').map((i) => `${m} imports ${i.spec}`));
    expect(offending).toEqual([]);
  });

  it('every folder imports only the folders before it', () => {
    const offending: string[] = [];
    for (const m of all) {
      const own = folderOf(m);
      const allowed = MAY_IMPORT[own];
      if (!allowed) continue;
      for (const i of importedFolders(m)) if (i.folder !== own && !allowed.includes(i.folder)) offending.push(`${m} imports ${i.spec}`);
    }
    expect(offending).toEqual([]);
  });
});
