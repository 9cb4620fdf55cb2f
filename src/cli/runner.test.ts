import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/cli-error.js';
import { parseLine, parseWords } from '../parse/parser.js';
import { loadRegistry } from '../schema/registry.js';
import { runParsed, type RunnerDeps } from './runner.js';

const registry = loadRegistry();
const SESSION = '0123456789abcdef0123456789abcdef';

function deps(over: Partial<RunnerDeps> = {}): RunnerDeps & { errors: string[]; outs: string[] } {
  const errors: string[] = [];
  const outs: string[] = [];
  return {
    registry,
    endpoint: { scheme: 'http', host: 'localhost', port: 8080 },
    session: { current: () => ({ uuid: SESSION, account: 'admin' }), loggedIn: () => undefined, forget: () => undefined },
    execContext: async () => {
      throw new UsageError('the server echoed s3cret-pw back');
    },
    promptPassword: undefined,
    showResult: async () => undefined,
    finished: () => undefined,
    out: (t) => outs.push(t),
    err: (t) => errors.push(t),
    commandPrefix: () => 'zstack-cli ',
    errors,
    outs,
    ...over,
  };
}

describe('runner: secrets in what it prints', () => {
  it('masks a secret quoted by a syntax error, a usage error or any thrown error', async () => {
    const d = deps();
    await runParsed(parseLine("LogInByAccount accountName=admin 'password'=hunter2"), d);
    await runParsed(parseLine('LogInByAccount accountName=admin password s3cret-pw'), d);
    await runParsed(parseWords(['LogInByAccount', 'accountName=admin', 'password=s3cret-pw']), d);
    // One report per line run; a line with two syntax errors reports both, one line each.
    expect(d.errors.flatMap((t) => t.split('\n'))).toEqual([
      "Error: unexpected 'p' in 'password=***' (a param is key=value; quote values with spaces: name=\"my vm\")",
      "Error: expected key=value, got 'password' (write password=<value>)",
      "Error: unexpected '***' in '***' (a param is key=value; quote values with spaces: name=\"my vm\")",
      'Error: the server echoed *** back',
    ]);
  });

  it('masks a password the prompt gave', async () => {
    const d = deps({ promptPassword: async () => 's3cret-pw' });
    await runParsed(parseLine('LogInByAccount accountName=admin'), d);
    expect(d.errors).toEqual(['Error: the server echoed *** back']);
  });

  it('--dry-run and --curl show <hidden> for passwords, hashes and the session unless showSecrets', async () => {
    const d = deps();
    const line = 'LogInByAccount accountName=admin password=s3cret-pw';
    await runParsed(parseLine(line), d, { dryRun: true });
    await runParsed(parseLine('LogOut'), d, { dryRun: true });
    await runParsed(parseLine('QueryZone'), d, { curl: true });
    expect(d.outs).toEqual([
      '{"method":"PUT","url":"http://localhost:8080/zstack/v1/accounts/login","body":{"logInByAccount":{"accountName":"admin","password":"<hidden>"}}}',
      '{"method":"DELETE","url":"http://localhost:8080/zstack/v1/accounts/sessions/<hidden>","body":null}',
      "curl -X GET -H 'Authorization: OAuth <hidden>' http://localhost:8080/zstack/v1/zones",
    ]);
    d.outs.length = 0;
    await runParsed(parseLine('LogOut'), d, { dryRun: true, showSecrets: true });
    await runParsed(parseLine('QueryZone'), d, { curl: true, showSecrets: true });
    expect(d.outs).toEqual([
      `{"method":"DELETE","url":"http://localhost:8080/zstack/v1/accounts/sessions/${SESSION}","body":null}`,
      `curl -X GET -H 'Authorization: OAuth ${SESSION}' http://localhost:8080/zstack/v1/zones`,
    ]);
  });
});

describe('runner: the password prompt is looked at only when a password is missing', () => {
  // The composition root hands it over as a getter: finding out whether there is a terminal
  // creates process.stdin, which a command that needs no password should never pay for.
  function lazyPrompt(prompt: RunnerDeps['promptPassword']): { d: ReturnType<typeof deps>; looks: () => number } {
    let looks = 0;
    const d = deps();
    Object.defineProperty(d, 'promptPassword', {
      enumerable: true,
      get: () => {
        looks++;
        return prompt;
      },
    });
    return { d, looks: () => looks };
  }

  it('is not looked at for a command with all it needs, dry-run or not', async () => {
    const { d, looks } = lazyPrompt(async () => 'pw');
    await runParsed(parseLine('QueryVmInstance name=x'), d, { dryRun: true });
    await runParsed(parseLine('QueryVmInstance name=x'), d);
    await runParsed(parseLine('LogInByAccount accountName=admin password=pw'), d);
    expect(looks()).toBe(0);
  });

  it('is asked when a login has no password, and its absence is the usual error', async () => {
    const asked = lazyPrompt(async () => 's3cret-pw');
    await runParsed(parseLine('LogInByAccount accountName=admin'), asked.d);
    expect(asked.looks()).toBeGreaterThan(0);
    expect(asked.d.errors).toEqual(['Error: the server echoed *** back']);
    const none = lazyPrompt(undefined);
    await runParsed(parseLine('LogInByAccount accountName=admin'), none.d);
    expect(none.d.errors[0]).toMatch(/password is required and there is no terminal/);
  });
});
