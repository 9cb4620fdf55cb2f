#!/usr/bin/env node
// Entry point: run main with the real process, abort the running call on the first Ctrl-C (a second
// one exits at once), and set the exit code main returns. `__complete` (each Tab in bash or zsh)
// goes straight to the completion engine, skipping the option parser.
import { systemIO } from '../dist/cli/system.js';

if (process.argv[2] === '__complete') {
  const { runComplete } = await import('../dist/cli/complete-command.js');
  process.exitCode = await runComplete(systemIO(), process.argv.slice(3));
} else {
  const { main } = await import('../dist/cli/main.js');
  const interrupt = new AbortController();
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  });
  process.exitCode = await main(systemIO(), { signal: interrupt.signal });
}
