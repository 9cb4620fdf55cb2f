// Node's built-ins are imported by name in src/ outside the simulator and the shell's terminal code:
// the bundle turns a namespace or default import (`import * as fs`, `import http from`) into a copy
// of the whole module, a getter per export, made in every process that loads the importing module,
// and a lazily loaded built-in (node:http) into one that loads it all. Names keep both to what is used.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC, srcModules } from './src-modules.js';

/** Where a whole module is what the code works with. */
const ALLOWED: Record<string, string> = {
  'repl/repl.ts': 'the shell hands readline to its own interface code (loaded only by the shell)',
};

const WHOLE_MODULE_IMPORT = /^import\s+(\*\s+as\s+\w+|\w+)\s*(,[^;]*)?\s+from\s+'node:[^']+';/gm;

describe("src/'s imports of Node built-ins", () => {
  it('take names, not the whole module, on the paths every command runs', () => {
    const found: string[] = [];
    for (const file of srcModules()) {
      if (file.startsWith('sim/') || Object.hasOwn(ALLOWED, file)) continue;
      for (const m of readFileSync(join(SRC, file), 'utf8').matchAll(WHOLE_MODULE_IMPORT)) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('the allowed ones still import a whole module (else drop them from the list)', () => {
    for (const file of Object.keys(ALLOWED)) expect(readFileSync(join(SRC, file), 'utf8'), file).toMatch(WHOLE_MODULE_IMPORT);
  });
});
