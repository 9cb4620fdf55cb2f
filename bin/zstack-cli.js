#!/usr/bin/env node
// Entry point: run main with the real process and set the exit code it returns.
import { main } from '../dist/cli/main.js';
import { systemIO } from '../dist/cli/system.js';

process.exitCode = await main(systemIO());
