// The only module that reads the real process: builds CliIO from process and hands it to main.
import { homedir } from 'node:os';
import type { CliIO } from './io.js';

export function systemIO(): CliIO {
  return {
    argv: process.argv.slice(2),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    homedir: homedir(),
  };
}
