#!/usr/bin/env node
// Entry point: run main with the real process (signals and broken output streams become abort
// signals; see src/cli/system.ts) and set the exit code main returns. `__complete` (each Tab in
// bash or zsh) goes straight to the completion engine, skipping the option parser.
import { startSystem } from '../dist/cli/system.js';

const run = startSystem();
if (process.argv[2] === '__complete') {
  const { runComplete } = await import('../dist/cli/complete-command.js');
  process.exitCode = await runComplete(run.io, process.argv.slice(3));
} else {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(run.io, { signal: run.interrupt, terminate: run.terminate });
}
