#!/usr/bin/env node
// `npm run build`: dist/ from src/ in three steps.
//   1. tsc: one ES module per source file (dist/**/*.js; the benchmarks import these);
//   2. the generated registry data next to the compiled registry (dist/schema/data);
//   3. the bundles bin/zstack-cli.js runs (dist/*.cjs, see scripts/bundle.mjs).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles } from './bundle.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
mkdirSync(join(dist, 'schema', 'data'), { recursive: true });
cpSync(join(root, 'src', 'schema', 'data'), join(dist, 'schema', 'data'), { recursive: true });
await buildBundles(root);
