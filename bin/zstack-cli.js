#!/usr/bin/env node
// Entry point (CommonJS, see bin/package.json: an ES module entry costs Node a few ms more to start).
// Runs the CLI's bundle through the loader in dist/boot.cjs, which compiles it with a V8 code cache
// kept in the user's cache directory (src/boot/). `__complete` (each Tab in bash or zsh) runs the
// completion bundle instead of the whole CLI, with plain synchronous writes for its output. The bundle
// wires the real process (signals and broken output streams become abort signals; src/cli/system.ts);
// the exit code is what main returns.
'use strict';
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const missing = () => {
  process.stderr.write(`zstack-cli: ${dist} is missing or incomplete; build it with: npm run build\n`);
  process.exit(1);
};
/** V8 refuses a code cache made under other V8 flags: those get a cache of their own. */
const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
let flagsHash = 0x811c9dc5;
for (let i = 0; i < flags.length; i++) flagsHash = Math.imul(flagsHash ^ flags.charCodeAt(i), 0x01000193) >>> 0;

let loadBundle;
let cacheProfile;
let CALLS_PROFILE;
try {
  ({ loadBundle, cacheProfile, CALLS_PROFILE } = require(join(dist, 'boot.cjs')));
} catch {
  missing();
}
const complete = process.argv[2] === '__complete';
const file = join(dist, complete ? 'zstack-cli-complete.cjs' : 'zstack-cli.cjs');
const runtime = `${process.version}-${process.arch}${flags ? `-${flagsHash.toString(16)}` : ''}`;
const load = (file, profile) => {
  try {
    return loadBundle(file, { env: process.env, uid: process.getuid?.(), runtime: `${runtime}${profile}`, homedir: () => require('node:os').homedir(), require });
  } catch (e) {
    if (e.code === 'ENOENT' && e.path === file) missing();
    throw e;
  }
};
const bundle = load(file, complete ? '' : cacheProfile(process.argv.slice(2)));
const cli = bundle.exports;
if (complete) {
  // A Tab at a value asks the server: the HTTP client and sessions live in the main bundle, loaded
  // then with the code cache of calls (and never writing it: this run compiles too little of it).
  const openLive = (io, flags) => load(join(dist, 'zstack-cli.cjs'), CALLS_PROFILE).exports.openLiveValues(io, flags);
  cli.runComplete(cli.completionIO(), process.argv.slice(3), { prime: bundle.writesCache, openLive }).then((code) => {
    process.exitCode = code;
    bundle.saveCache();
  });
} else {
  const run = cli.startSystem();
  cli.main(run.io, { signal: run.interrupt, terminate: run.terminate }).then((code) => {
    // Only a run that did its work writes the cache: one that stopped at a typo compiled too little.
    if (code === 0) bundle.saveCache();
    run.end(code);
  });
}
