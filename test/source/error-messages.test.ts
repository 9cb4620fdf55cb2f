// `Error: ` is written in one place, src/errors/report.ts: messages never carry it, so no report
// says it twice. Two checks: the sources hold no string that starts a message with `Error` (read
// with the TypeScript parser, so comments and regular expressions do not count), and every kind
// of error the CLI throws renders with `Error` exactly once at the start of its first line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SRC, srcModules } from './src-modules.js';
import { NotConfirmedError } from '../../src/cli/guard.js';
import { NotTextScript } from '../../src/cli/script-text.js';
import { ConfigFileError } from '../../src/config/errors.js';
import { CliError, UsageError } from '../../src/errors/cli-error.js';
import { renderError } from '../../src/errors/report.js';
import {
  ApiError,
  AuthError,
  ConnectionError,
  InterruptedError,
  JobNotFoundError,
  JobTimeoutError,
  ProtocolError,
  TooLargeError,
  type ConnectionReason,
} from '../../src/execute/errors.js';

const RENDERER = join('errors', 'report.ts');
/** A message that starts the way only the renderer may start a line: `Error: `, `Error VM.1010: `, `Error HTTP 404`. */
const PREFIXED = /^Error(:|\s)/;

/** The string literals and template starts of a module that begin like a rendered error. */
function prefixedStrings(module: string): string[] {
  const file = ts.createSourceFile(module, readFileSync(join(SRC, module), 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? node.head.text : undefined;
    if (text !== undefined && PREFIXED.test(text)) found.push(`${module}: ${text.slice(0, 60)}`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('`Error: ` is written by the renderer only', () => {
  it('the scanner finds the renderer its own prefix (it reads template literals)', () => {
    expect(prefixedStrings(RENDERER).length).toBeGreaterThan(0);
  });

  it('no other module of src/ starts a message with `Error`', () => {
    const offending = srcModules()
      .filter((m) => m !== RENDERER)
      .flatMap(prefixedStrings);
    expect(offending).toEqual([]);
    expect(srcModules().length).toBeGreaterThan(100);
  });
});

describe('every kind of error renders `Error` once, at the start', () => {
  const JOB = 'a'.repeat(32);
  const reasons: ConnectionReason[] = ['refused', 'dns', 'tls', 'timeout', 'idle', 'reset', 'unreachable', 'not-http', 'plain-http', 'cert-name', 'other'];
  const failures: CliError[] = [
    new ApiError(503, { code: 'VM.1010', description: 'the vm is stopped', cause: { code: 'SYS.1000', description: 'inner' } }, ''),
    new ApiError(503, { description: 'no code' }, ''),
    new ApiError(404, undefined, 'Not Found\nsecond line'),
    new ApiError(405, undefined, ''),
    new ApiError(502, undefined, '<html><head><title>502 Bad Gateway</title></head></html>'),
    new JobNotFoundError(JOB, ''),
    new ProtocolError('answered 204'),
    ...reasons.map((r) => new ConnectionError(r, 'h:8080', 'detail')),
    new TooLargeError('h:8080', 1024),
    AuthError.sessionExpired(undefined),
    AuthError.sessionExpired({ code: 'ID.1001', description: 'session expired' }),
    AuthError.badCredentials({ code: 'ID.1000', description: 'wrong password' }),
    AuthError.notLoggedIn('QueryZone'),
    new JobTimeoutError(JOB, 5000),
    new UsageError('bad thing', 'do this'),
    UsageError.of([{ message: 'one', hint: 'h1' }, { message: 'two', details: ['  under two'] }]),
    new ConfigFileError('/x/sessions.json', 'is a symbolic link', 'replace it'),
    new NotTextScript('s.zs:1: not a text script: it holds a NUL byte'),
  ];

  it.each(failures.map((e) => [e.name, e] as const))('%s', (_name, e) => {
    expect(e.message).not.toMatch(PREFIXED);
    const lines = renderError(e).split('\n');
    // `Error: what`, `Error VM.1010: what`, `Error HTTP 405 Method Not Allowed` (nothing more to say) ...
    expect(lines[0]).toMatch(/^Error(: \S| [^:]+: \S| HTTP \d+[^:]*$)/);
    // ... and never `Error: Error: what` or `Error VM.1010: Error: what`.
    expect(lines[0]).not.toMatch(/^Error[^:]*: Error\b/);
    // Only a usage error's further problems start lines of their own with `Error: `.
    const heads = lines.filter((l) => l.startsWith('Error'));
    expect(heads).toHaveLength(e instanceof UsageError ? e.problems().length : 1);
  });

  it('a foreign error or a thrown string gets the prefix once too', () => {
    expect(renderError(new Error('kaput'))).toBe('Error: kaput');
    expect(renderError('kaput')).toBe('Error: kaput');
  });

  it('what the user chose (Ctrl-C, answering no) is said without `Error`', () => {
    for (const e of [new InterruptedError(), new InterruptedError(JOB), new NotConfirmedError('DestroyVmInstance')]) {
      expect(e.byUser).toBe(true);
      expect(renderError(e)).not.toMatch(/Error/);
    }
  });
});
