import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex } from '../parse/lexer.js';
import { parseLine } from '../parse/parser.js';
import { loadRegistry } from '../schema/registry.js';
import { planCommand } from './planner.js';
import { commandSecrets, isSecretKey, maskSecrets, redactLine, REDACTED } from './secrets.js';

const registry = loadRegistry();

describe('redactLine', () => {
  it('hides values of password-like params, as typed in any quoting', () => {
    expect(redactLine('LogInByAccount accountName=admin password=pw1')).toBe('LogInByAccount accountName=admin password=***');
    expect(redactLine('AddKVMHost password="a b c" username=root')).toBe('AddKVMHost password=*** username=root');
    expect(redactLine('CreateAccessKey AccessKeySecret=xyz')).toBe('CreateAccessKey AccessKeySecret=***');
    expect(redactLine("LogInByAccount 'password'=x accountName=a")).toBe('LogInByAccount password=*** accountName=a');
    expect(redactLine('ChangeVmPassword password\\=x')).toBe('ChangeVmPassword password=***');
    expect(redactLine('LogInByAccount "pass"word=x')).toBe('LogInByAccount password=***');
    expect(redactLine('QueryUser password!=x')).toBe('QueryUser password!=***');
  });

  it('hides secret-looking keys of unknown APIs, half-typed quotes and values typed apart from their key', () => {
    expect(redactLine('SomeFutureApi adminPassword=x')).toBe('SomeFutureApi adminPassword=***');
    expect(redactLine('AddKVMHost password="unterminated and more')).toBe('AddKVMHost password=***');
    expect(redactLine('LogInByAccount password x')).toBe('LogInByAccount password ***');
    expect(redactLine('LogInByAccount password =x')).toBe('LogInByAccount password =***');
    expect(redactLine('LogInByAccount password= x accountName=a')).toBe('LogInByAccount password= *** accountName=a');
    expect(redactLine('password=x')).toBe('password=***');
  });

  it("hides a tag's password and LogOut's session, keeping the other tags", () => {
    expect(redactLine('CreateVmInstance name=a systemTags=ha::NeverStop,rootPassword::hunter2,usbRedirect::true')).toBe(
      'CreateVmInstance name=a systemTags=ha::NeverStop,rootPassword::***,usbRedirect::true',
    );
    expect(redactLine('CreateVmInstance systemTags="rootPassword::a b\\,c",x\\,y')).toBe('CreateVmInstance systemTags=rootPassword::***,x\\,y');
    expect(redactLine('CreateVmInstance systemTags=\'["rootPassword::x"]\'')).toBe('CreateVmInstance systemTags=***');
    expect(redactLine('QueryVmInstance __systemTag__=consolePassword::x')).toBe('QueryVmInstance __systemTag__=consolePassword::***');
    expect(redactLine('LogOut sessionUuid=0123456789abcdef0123456789abcdef')).toBe('LogOut sessionUuid=***');
  });

  it('leaves other lines alone, comments included, and is idempotent', () => {
    expect(redactLine('QueryVmInstance name=password')).toBe('QueryVmInstance name=password');
    expect(redactLine('QueryZone  name="a b"   # note')).toBe('QueryZone  name="a b"   # note');
    for (const l of ['LogInByAccount password=a', 'X systemTags=rootPassword::1,"b c"', 'X password y', 'X systemTags=\'["rootPassword::x"]\'']) {
      const once = redactLine(l);
      expect(redactLine(once)).toBe(once);
    }
  });

  it('covers every param the registry marks secret or hashed', () => {
    const missed: string[] = [];
    for (const name of registry.apiNames()) {
      for (const p of registry.api(name)!.params) if ((p.secret || p.hashed) && !isSecretKey(p.name)) missed.push(`${name}.${p.name}`);
    }
    expect(missed).toEqual([]);
  });
});

describe('maskSecrets', () => {
  it('replaces the secret where a message quotes it, not inside longer words', () => {
    expect(maskSecrets("unexpected 'p' in 'password=a'", ['a'])).toBe("unexpected 'p' in 'password=***'");
    expect(maskSecrets('password is shorter than 6 characters', ['a'])).toBe('password is shorter than 6 characters');
    expect(maskSecrets("'s3cret!' is not a valid value", ['s3cret!', ''])).toBe("'***' is not a valid value");
    expect(maskSecrets('x ab abc', ['ab', 'abc'])).toBe('x *** ***');
  });
});

// Property tests: secrets are drawn from characters that appear nowhere else on the generated line
// (markers) plus the characters of the syntax (quotes, escapes, commas, spaces, `=`, `:`, `#`), so
// any marker left in the output is a leaked character of a secret.
const MARKERS = [...'§¤¶µ€£¥©®±÷×ßæøåéüñ😀@$^|'];
const SYNTAX = [...' \'"\\,=:#*'];
const secretArb = fc
  .array(fc.constantFrom(...MARKERS, ...SYNTAX, 'a', 'Z', '7'), { minLength: 1, maxLength: 30 })
  .map((cs) => cs.join(''))
  .filter((s) => [...s].some((c) => MARKERS.includes(c)));

/** Writes a value so the lexer reads it back exactly (commas kept inside tags as `\,`). */
function encode(value: string, style: number, inTag: boolean): string {
  if (style === 0) return `"${value.replace(/["\\]/g, '\\$&').replace(/,/g, inTag ? '\\,' : ',')}"`;
  if (style === 1 && !value.includes("'") && !(inTag && value.includes(','))) return `'${value}'`;
  return value.replace(/[\s'"\\,#=:*]/g, '\\$&');
}

const KEYS = ['password', 'adminPassword', 'sshPassword', 'AccessKeySecret', 'oldPassword', 'privateKey', 'sessionUuid'];
const keyForm = (k: string, form: number): string =>
  [`${k}=`, `'${k}'=`, `"${k.slice(0, 2)}"${k.slice(2)}=`, `${k}\\=`, `${k}"="`, `${k} `, `${k} =`][form]!;

const paramArb = fc.oneof(
  fc.record({ kind: fc.constant('secret' as const), key: fc.constantFrom(...KEYS), form: fc.integer({ min: 0, max: 6 }), style: fc.integer({ min: 0, max: 2 }), secret: secretArb }),
  fc.record({ kind: fc.constant('tag' as const), style: fc.integer({ min: 0, max: 2 }), secret: secretArb }),
  fc.record({ kind: fc.constant('plain' as const), value: fc.stringMatching(/^[a-z]{1,8}$/) }),
);

type Param = typeof paramArb extends fc.Arbitrary<infer T> ? T : never;

function lineOf(api: string, params: Param[]): { line: string; secrets: string[] } {
  const words = [api];
  const secrets: string[] = [];
  for (const p of params) {
    if (p.kind === 'plain') words.push(`name=${p.value}`);
    else if (p.kind === 'secret') {
      // A value typed apart from its key (`password x`) is taken as one only when it is no key=value itself.
      const secret = p.form === 5 ? `§${p.secret}` : p.secret;
      words.push(`${keyForm(p.key, p.form)}${encode(secret, p.style, false)}`);
      secrets.push(secret);
    } else {
      words.push(`systemTags=ha::NeverStop,rootPassword::${encode(p.secret, p.style, true)},usb::on`);
      secrets.push(p.secret);
    }
  }
  return { line: words.join(' '), secrets };
}

const lineArb = fc
  .tuple(fc.constantFrom('LogInByAccount', 'AddKVMHost', 'LogOut', 'CreateVmInstance', 'SomeFutureApi', 'QueryUser'), fc.array(paramArb, { maxLength: 8 }))
  .map(([api, params]) => lineOf(api, params));

const leaked = (text: string): string[] => [...text].filter((c) => MARKERS.includes(c));

describe('the redaction rule (properties)', () => {
  it('never leaks a character of any secret, keeps the words, and is idempotent', () => {
    fc.assert(
      fc.property(lineArb, ({ line, secrets }) => {
        const r = redactLine(line);
        expect(leaked(r)).toEqual([]);
        expect(redactLine(r)).toBe(r);
        expect(lex(r).tokens.length).toBe(lex(line).tokens.length);
        expect(r.split(REDACTED).length - 1).toBeGreaterThanOrEqual(secrets.length);
      }),
      { numRuns: 500 },
    );
  });

  it('finds every secret of the parsed command, so no error message about the line can quote one', () => {
    fc.assert(
      fc.property(lineArb, ({ line, secrets }) => {
        const parsed = parseLine(line);
        const found = commandSecrets(parsed.command!);
        for (const s of secrets) expect(found).toContain(s);
        const messages = parsed.diagnostics.map((d) => `${d.message} ${d.hint ?? ''}`);
        const planned = planCommand(registry, parsed.command!);
        if (!planned.ok) messages.push(...planned.errors.map((e) => `${e.message} ${e.hint ?? ''}`));
        for (const m of messages) expect(leaked(maskSecrets(m, found))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
