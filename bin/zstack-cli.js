#!/usr/bin/env node
// Entry point (CommonJS, see bin/package.json: an ES module entry costs Node a few ms more to start).
// Runs the CLI's bundle through the loader in dist/boot.cjs, which compiles it with a V8 code cache
// kept in the user's cache directory (src/boot/). `__complete` (each Tab in bash or zsh) runs the
// small completion bundle instead of the whole CLI. The bundle wires the real process (signals and
// broken output streams become abort signals; src/cli/system.ts); the exit code is what main returns.
'use strict';
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
let loadBundle;
try {
  ({ loadBundle } = require(join(dist, 'boot.cjs')));
} catch {
  process.stderr.write(`zstack-cli: ${dist} is missing or incomplete; build it with: npm run build\n`);
  process.exit(1);
}
const complete = process.argv[2] === '__complete';
const bundle = loadBundle(join(dist, complete ? 'zstack-cli-complete.cjs' : 'zstack-cli.cjs'), {
  env: process.env,
  uid: process.getuid?.(),
  runtime: `${process.version}-${process.arch}`,
  homedir: () => require('node:os').homedir(),
});
const cli = bundle.exports;
const run = cli.startSystem();
const done = complete ? cli.runComplete(run.io, process.argv.slice(3)) : cli.main(run.io, { signal: run.interrupt, terminate: run.terminate });
done.then((code) => {
  process.exitCode = code;
  bundle.saveCache();
});
