// The files bin/zstack-cli.js runs, built with esbuild from src/:
//   dist/zstack-cli.cjs           every front end (main); modules reached only through import() are
//                                 initialised when first imported (the shell, commander, the simulator)
//   dist/zstack-cli-complete.cjs  `__complete` (one Tab in bash or zsh) alone
//   dist/boot.cjs                 the loader: compiles a bundle with a V8 code cache (src/boot/)
// CommonJS because Node 20 can feed V8 a code cache only to a script, never to an ES module. Each
// bundle is one function expression taking CommonJS's parameters, after a first line with its
// build id (version + content hash), the key of its code cache.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

/**
 * Node built-ins that `node -e 0` has not loaded yet and whose export is a plain object. Each
 * becomes a module of getters that loads it on first use, so a dry-run never loads http, crypto or
 * readline just because a module it touches imports them.
 */
const LAZY_BUILTINS = ['child_process', 'crypto', 'dns', 'fs/promises', 'http', 'https', 'net', 'os', 'readline', 'readline/promises', 'stream/promises', 'timers/promises', 'tls', 'tty', 'zlib'];

/** Kept out of the bundles: undici is only for the long-lived shell and loads from node_modules. */
const EXTERNAL = ['undici'];

const requireHere = createRequire(import.meta.url);

/** `import x from 'node:http'` and its kin resolve to getters that `require` the real module on first access. */
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const names = new Set(LAZY_BUILTINS);
    b.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!names.has(name) || args.namespace === 'lazy-builtin') return undefined;
      return { path: `node:${name}`, namespace: 'lazy-builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const real = requireHere(args.path);
      if (typeof real !== 'object' || real === null) throw new Error(`${args.path} does not export a plain object; drop it from LAZY_BUILTINS`);
      const contents = [
        'let m;',
        `const load = () => (m ??= require(${JSON.stringify(args.path)}));`,
        `for (const k of ${JSON.stringify(Object.keys(real))}) {`,
        '  Object.defineProperty(exports, k, { enumerable: true, get: () => load()[k], set: (v) => { load()[k] = v; } });',
        '}',
      ].join('\n');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * `import.meta.url` (data files found beside a module: the registry's data, the completion scripts)
 * becomes the URL the module has in dist/ (dist/schema/registry.js for src/schema/registry.ts), so
 * those files are found from the bundle exactly as from the compiled modules.
 */
const moduleUrls = (root) => ({
  name: 'module-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      if (text.includes('import.meta.url')) {
        const asBuilt = relative(join(root, 'src'), args.path).replace(/\.ts$/, '.js');
        text = text.replaceAll('import.meta.url', `__moduleUrl(${JSON.stringify(asBuilt)})`);
      }
      return { contents: text, loader: 'ts' };
    });
  },
});
const MODULE_URL_HELPER = 'var __moduleUrl = (p) => require("node:url").pathToFileURL(require("node:path").join(__dirname, p)).href;';

async function bundle(root, version, { name, entry }) {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: `${name}-entry.ts` },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // import() of an external module would need a loader callback in vm.Script: make it a require.
    supported: { 'dynamic-import': false },
    external: EXTERNAL,
    banner: { js: MODULE_URL_HELPER },
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    plugins: [lazyBuiltins, moduleUrls(root)],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const problems = [...result.errors, ...result.warnings.filter((w) => w.id === 'empty-import-meta')];
  if (problems.length) throw new Error(`${name}: ${problems.map((p) => p.text).join('; ')}`);
  for (const out of Object.values(result.metafile.outputs)) {
    const dynamic = out.imports.filter((i) => i.kind === 'dynamic-import');
    if (dynamic.length) throw new Error(`${name}: import() left in the bundle (${dynamic.map((i) => i.path).join(', ')})`);
  }
  // Wrapped here rather than at load time, so the loader compiles the file's text as it is read
  // (no second copy of a large string to build) and reads it as latin1 (no UTF-8 decoding).
  const text = `(function (exports, require, module, __filename, __dirname) {${result.outputFiles[0].text}\n})`;
  if (/[^\x00-\x7f]/.test(text)) throw new Error(`${name}: the bundle is not ASCII`);
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  writeFileSync(join(root, 'dist', `${name}.cjs`), `// zstack-cli-bundle ${version}+${hash}\n${text}`);
}

export async function buildBundles(root) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const system = "export { startSystem } from './src/cli/system.ts';";
  await Promise.all([
    bundle(root, version, { name: 'zstack-cli', entry: `${system}\nexport { main } from './src/cli/main.ts';` }),
    bundle(root, version, { name: 'zstack-cli-complete', entry: `${system}\nexport { runComplete } from './src/cli/complete-command.ts';` }),
    build({
      entryPoints: [join(root, 'src', 'boot', 'load-bundle.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: join(root, 'dist', 'boot.cjs'),
      logLevel: 'warning',
    }),
  ]);
}
