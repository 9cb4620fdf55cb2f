#!/usr/bin/env node
// Entry point: run main with the real process, abort the running call on the first Ctrl-C (a second
// one exits at once), and set the exit code main returns.
import { main } from '../dist/cli/main.js';
import { systemIO } from '../dist/cli/system.js';

const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});
process.exitCode = await main(systemIO(), { signal: interrupt.signal });
