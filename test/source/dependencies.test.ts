// Every dependency in package.json is used: a runtime dependency is imported by src/ (what ships);
// a devDependency by the tests, benchmarks, scripts or configs, or it is a tool named below with
// how it is used. A package moved out of src/ (cli-table3, kept for bench/table-vs-cli-table3.ts)
// must move to devDependencies with it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC, srcModules } from './src-modules.js';

const ROOT = resolve(SRC, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };

/** Tools used other than by an import, and how. */
const TOOLS: Record<string, string> = {
  typescript: 'tsc in npm run typecheck',
  '@types/node': "Node's types for tsc",
  '@stryker-mutator/vitest-runner': "testRunner: 'vitest' in stryker.config.mjs",
};

/** Does `text` import or require `name` (or a subpath of it)? */
function imports(text: string, name: string): boolean {
  const quoted = `['"]${name.replace(/[/.]/g, '\\$&')}(/[^'"]*)?['"]`;
  return new RegExp(`(from\\s*${quoted}|import\\s*\\(\\s*${quoted}|require\\(\\s*${quoted}|createRequire\\([^)]*\\)\\(\\s*${quoted})`).test(text);
}

function files(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === 'data' || e.name.startsWith('.')) return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path, keep) : keep(e.name) ? [path] : [];
  });
}

const code = (f: string): boolean => /\.(ts|mts|mjs|js|cjs)$/.test(f);
/** Helpers of the tests that live beside the code they drive (never imported by the CLI). */
const TEST_HELPERS = /(^|\/)(testing|harness)\.ts$/;
const shipped = srcModules()
  .filter((m) => !TEST_HELPERS.test(m))
  .map((m) => readFileSync(join(SRC, m), 'utf8'));
const elsewhere = [
  ...['src', 'test', 'bench', 'scripts'].flatMap((d) => files(join(ROOT, d), code)),
  ...readdirSync(ROOT).filter((f) => code(f)).map((f) => join(ROOT, f)),
].map((f) => readFileSync(f, 'utf8'));

describe('package.json', () => {
  it.each(Object.keys(pkg.dependencies))('dependency %s is imported by src/', (name) => {
    expect(shipped.some((t) => imports(t, name))).toBe(true);
  });

  it.each(Object.keys(pkg.devDependencies))('devDependency %s is used', (name) => {
    const scripts = Object.values(pkg.scripts).join('\n');
    const used = elsewhere.some((t) => imports(t, name)) || new RegExp(`\\b${name}\\b`).test(scripts) || name in TOOLS;
    expect(used, `${name} is neither imported nor a named tool`).toBe(true);
  });

  it('ships no devDependency: src/ imports none of them', () => {
    const shippedDev = Object.keys(pkg.devDependencies).filter((name) => shipped.some((t) => imports(t, name)));
    expect(shippedDev).toEqual([]);
  });
});
