// The only module that reads the real process: builds CliIO from process and hands it to main.
import { homedir, hostname } from 'node:os';
import type { ProcessIdentity } from '../config/identity.js';
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
    identity: systemIdentity(),
  };
}

/** This process as the config files see it: owner uid, lock holder pid and host, liveness of other pids. */
export function systemIdentity(): ProcessIdentity {
  return {
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
    pid: process.pid,
    host: hostname(),
    isRunning(pid) {
      try {
        process.kill(pid, 0);
        return true;
      } catch (e) {
        // EPERM: it runs, as another user.
        return (e as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
  };
}
