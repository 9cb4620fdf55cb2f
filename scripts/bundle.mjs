// The files bin/zstack-cli.js runs, built with esbuild from src/:
//   dist/zstack-cli.cjs           every front end (main); modules reached only through import() are
//                                 initialised when first imported (the shell, commander, the simulator)
//   dist/zstack-cli-complete.cjs  `__complete` (one Tab in bash or zsh) alone: the completion engine
//                                 and the command table's specs; live values come from the main bundle
//   dist/boot.cjs                 the loader: compiles a bundle with a V8 code cache (src/boot/)
// CommonJS because Node 20 can feed V8 a code cache only to a script, never to an ES module. Each
// bundle is one function expression taking CommonJS's parameters, after a first line with its
// build id (version + content hash), the key of its code cache.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { build } from 'esbuild';

/**
 * Node built-ins that `node -e 0` has not loaded yet and whose export is a plain object. Each
 * becomes a module of getters that loads it on first use, so a dry-run never loads http, crypto or
 * readline just because a module it touches imports them.
 */
const LAZY_BUILTINS = ['child_process', 'crypto', 'dns', 'fs/promises', 'http', 'https', 'net', 'os', 'readline', 'readline/promises', 'stream/promises', 'timers/promises', 'tls', 'tty', 'zlib'];

/**
 * Packages on the one-shot path that most commands never call: chalk (only with colour on; loading
 * it probes the terminal through node:tty) and fuzzysort (only for names not found). Bundled, but
 * initialised on first use like the built-ins above. An ES module package must be imported by
 * name: its default export cannot be deferred (checked below).
 */
const LAZY_PACKAGES = ['chalk', 'fuzzysort'];

/** Kept out of the bundles: undici is only for the long-lived shell and loads from node_modules. */
const EXTERNAL = ['undici'];

const requireHere = createRequire(import.meta.url);

/** A CommonJS module of getters: `require(spec)` runs on the first access of any of `keys`. */
function getters(spec, keys) {
  return [
    'let m;',
    `const load = () => (m ??= require(${JSON.stringify(spec)}));`,
    `for (const k of ${JSON.stringify(keys)}) {`,
    '  Object.defineProperty(exports, k, { enumerable: true, get: () => load()[k], set: (v) => { load()[k] = v; } });',
    '}',
  ].join('\n');
}

/**
 * The names `importer` takes from `spec` when it only ever imports it by name (`import { a, b as c }`),
 * else undefined (a default, namespace or dynamic import, or code that is not ours: every name).
 */
function importedNames(importer, spec) {
  if (importer.includes(`${sep}node_modules${sep}`)) return undefined;
  const text = readFileSync(importer, 'utf8');
  const quoted = `['"]${spec.replace(/[/]/g, '\\/')}['"]`;
  if (new RegExp(`(import|export)\\s*\\(\\s*${quoted}|export[^;]*from\\s*${quoted}|require\\(\\s*${quoted}`).test(text)) return undefined;
  const names = new Set();
  for (const m of text.matchAll(new RegExp(`import\\s+(type\\s+)?([^;]*?)\\s*from\\s*${quoted}`, 'g'))) {
    if (m[1]) continue;
    const clause = /^\{([^}]*)\}$/.exec(m[2].trim());
    if (!clause) return undefined;
    for (const part of clause[1].split(',').map((p) => p.trim()).filter(Boolean)) if (!part.startsWith('type ')) names.add(part.split(/\s+as\s+/)[0]);
  }
  return names.size ? [...names].sort() : undefined;
}

/**
 * `import x from 'node:http'`, `import { Chalk } from 'chalk'` and their kin resolve to getters.
 * An importer that takes names only gets getters for those names alone: each import site's copy
 * of the module object (esbuild's CommonJS interop) is then a few properties, not a hundred.
 */
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    const builtins = new Set(LAZY_BUILTINS);
    const packages = new Set(LAZY_PACKAGES);
    b.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      if (args.namespace === 'lazy') return undefined;
      const name = args.path.replace(/^node:/, '');
      const spec = builtins.has(name) ? `node:${name}` : packages.has(args.path) ? args.path : undefined;
      if (!spec) return undefined;
      const names = importedNames(args.importer, args.path);
      return { path: names ? `${spec}#${names.join(',')}` : spec, namespace: 'lazy', pluginData: { importer: args.importer, spec, names } };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, async (args) => {
      const { importer, spec, names } = args.pluginData;
      if (spec.startsWith('node:')) {
        const real = requireHere(spec);
        if (typeof real !== 'object' || real === null) throw new Error(`${spec} does not export a plain object; drop it from LAZY_BUILTINS`);
        return { contents: getters(spec, names ?? Object.keys(real)), loader: 'js' };
      }
      const commonJs = isCommonJs(spec);
      if (!commonJs && !names) throw new Error(`${importer}: import ${spec} by name (it is loaded on first use; its default export cannot be)`);
      return { contents: getters(spec, names ?? Object.keys(requireHere(spec))), loader: 'js', resolveDir: dirname(importer) };
    });
  },
};

function isCommonJs(pkg) {
  try {
    return typeof requireHere(pkg) === 'object';
  } catch (e) {
    if (e.code === 'ERR_REQUIRE_ESM') return false;
    throw e;
  }
}

/**
 * `import.meta.dirname` (data files found beside a module: the registry's data, the completion
 * scripts) becomes the folder the module has in dist/ (dist/schema for src/schema/registry.ts), so
 * those files are found from the bundle exactly as from the compiled modules. `import.meta.url` is
 * refused: a URL costs a start-up its construction and conversion back to a path.
 */
const moduleDirs = (root) => ({
  name: 'module-dirs',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      if (text.includes('import.meta.url')) throw new Error(`${args.path}: use import.meta.dirname, not import.meta.url`);
      if (text.includes('import.meta.dirname')) {
        const asBuilt = relative(join(root, 'src'), dirname(args.path)).split(sep).join('/');
        text = text.replaceAll('import.meta.dirname', asBuilt ? `(__dirname + ${JSON.stringify(`/${asBuilt}`)})` : '__dirname');
      }
      return { contents: text, loader: 'ts' };
    });
  },
});

/**
 * The completion bundle holds what a Tab runs and no more: it needs the command table's specs (names,
 * arguments, completers) but never runs a command, so an import() made in `dir` (the commands' run
 * functions: the renderers, the executor, the simulator, ...) or of one of `packages` (conf, which
 * only changes profiles: a Tab reads them as JSON) becomes a module that throws when loaded. A Tab then
 * reads an eighth of the main bundle's text.
 */
const withoutImports = (root, { dir, packages }) => ({
  name: 'without-imports',
  setup(b) {
    const inside = join(root, dir) + sep;
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import' || !(args.importer.startsWith(inside) || packages.includes(args.path))) return undefined;
      return { path: args.path, namespace: 'absent', pluginData: relative(root, args.importer).split(sep).join('/') };
    });
    b.onLoad({ filter: /.*/, namespace: 'absent' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`zstack-cli: ${args.path} (imported by ${args.pluginData}) is not in the completion bundle`)});`,
      loader: 'js',
    }));
  },
});

async function bundle(root, version, { name, entry, without }) {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: `${name}-entry.ts` },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // import() of an external module would need a loader callback in vm.Script: make it a require.
    supported: { 'dynamic-import': false },
    external: EXTERNAL,
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: !process.env.KEEP_NAMES,
    charset: 'ascii',
    plugins: [lazyModules, moduleDirs(root), ...(without ? [withoutImports(root, without)] : [])],
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
  await Promise.all([
    bundle(root, version, {
      name: 'zstack-cli',
      entry: "export { startSystem } from './src/cli/system.ts';\nexport { main } from './src/cli/main.ts';\nexport { openLiveValues } from './src/cli/complete-live.ts';",
    }),
    bundle(root, version, {
      name: 'zstack-cli-complete',
      entry: "export { completionIO } from './src/cli/system.ts';\nexport { runComplete } from './src/cli/complete-command.ts';",
      without: { dir: 'src/commands', packages: ['conf'] },
    }),
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
