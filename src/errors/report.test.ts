import { describe, expect, it } from 'vitest';
import { jobWaitCommand, UsageError } from './cli-error.js';
import { renderError, reportError } from './report.js';
import { AuthError, InterruptedError, JobTimeoutError } from '../execute/errors.js';

const JOB = 'a'.repeat(32);

describe('renderError', () => {
  it('a usage error is one line: message and hint', () => {
    expect(renderError(new UsageError('bad thing', 'do this'))).toBe('Error: bad thing (do this)');
    expect(renderError(new UsageError('no profile named x'))).toBe('Error: no profile named x');
  });

  it('writes the next command the way the front end runs commands', () => {
    const e = new JobTimeoutError(JOB, 5000);
    expect(renderError(e)).toBe(`Error: job ${JOB} did not finish within 5s; it keeps running on the server\nWait for it: zstack-cli job wait ${JOB}`);
    expect(renderError(e, 'zstack-cli --port 8081 ')).toMatch(new RegExp(`\\nWait for it: zstack-cli --port 8081 job wait ${JOB}$`));
    expect(renderError(e, '')).toMatch(new RegExp(`\\nWait for it: job wait ${JOB}$`));
    expect(renderError(new InterruptedError(JOB), '')).toBe(`Interrupted; job ${JOB} keeps running on the server\nWait for it: job wait ${JOB}`);
  });

  it('names LogInByUser for an account/user session', () => {
    expect(renderError(AuthError.notLoggedIn('QueryZone', 'acme/bob'), '')).toMatch(/\nLog in again: LogInByUser accountName=acme userName=bob$/);
    expect(renderError(AuthError.notLoggedIn('QueryZone'), '')).toMatch(/\nLog in again: LogInByAccount accountName=admin$/);
  });

  it('reportError writes a newline-terminated text and returns the exit code', () => {
    let out = '';
    expect(reportError(new UsageError('x'), (t) => (out += t))).toBe(2);
    expect(out).toBe('Error: x\n');
    expect(jobWaitCommand(JOB).command).toBe(`job wait ${JOB}`);
  });
});
