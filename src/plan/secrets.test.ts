import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex } from '../parse/lexer.js';
import { parseLine } from '../parse/parser.js';
import { loadRegistry } from '../schema/registry.js';
import { planCommand } from './planner.js';
import { commandSecrets, isSecretKey, maskSecrets, redactLine, REDACTED, secretTagValueStart } from './secrets.js';

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

describe('the redaction rule, case by case', () => {
  it('reads every operator after a secret key, and only a key of key characters', () => {
    for (const op of ['!?=', '!~=', '!=', '>=', '<=', '?=', '~=', '=', '>', '<']) expect(redactLine(`X password${op}a`)).toBe(`X password${op}***`);
    expect(redactLine('X password==a')).toBe('X password=***');
    expect(redactLine('X my_password=a')).toBe('X my_password=***');
    expect(redactLine('X pass.word=a')).toBe('X pass.word=a');
    expect(redactLine('X password-x=a')).toBe('X password-x=a');
  });

  it('knows the secret keys: passwords, secrets, tokens, credentials, private keys and session ids, in any case', () => {
    for (const k of ['password', 'PassWd', 'passphrase', 'secretKey', 'token', 'credentials', 'privatekey', 'private_key', 'sessionId', 'SESSIONUUID']) {
      expect(isSecretKey(k), k).toBe(true);
      expect(redactLine(`X ${k}=a`)).toBe(`X ${k}=***`);
    }
    for (const k of ['pass', 'name', 'xsessionUuid', 'sessionUuidx', 'session', 'private', 'key']) expect(isSecretKey(k), k).toBe(false);
  });

  it('finds every key the rule with the i flag found, whatever letters surround it', () => {
    const withFlag = /pass(?:word|wd|phrase)|secret|token|credential|private_?key|^session(?:uuid|id)$/i;
    expect(isSecretKey('to\u212Aen')).toBe(true);
    const letters = [...'passwordPASSWORDsecretSECRETtokenTOKENcredentialprivate_keyPRIVATEKEYsessionuuidSESSIONID', 'ſ', 'K', 'İ', 'ı', 'é', '_', ' '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 24 }), fc.constantFrom('', 'password', 'Token', 'SESSIONUUID', 'private_Key'), (chars, word) => {
        const key = chars.join('') + word;
        if (withFlag.test(key)) expect(isSecretKey(key), key).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the word after a secret key alone, or after an operator alone, as its value', () => {
    expect(redactLine('X password y z')).toBe('X password *** z');
    expect(redactLine('X password = y z')).toBe('X password = *** z');
    expect(redactLine('X password =y z')).toBe('X password =*** z');
    expect(redactLine('X "password" y')).toBe('X "password" ***');
    expect(redactLine('password y z')).toBe('password *** z');
    expect(redactLine('X password password=a')).toBe('X password password=***');
    expect(redactLine('X password name=a')).toBe('X password name=a');
    expect(redactLine('X name=a password')).toBe('X name=a password');
    expect(redactLine('X password')).toBe('X password');
    expect(redactLine('X password =')).toBe('X password =');
  });

  it('leaves a value already redacted as it is, and the word after it alone', () => {
    for (const l of ['X password=*** y', 'X password *** y', 'X password =*** y', 'X systemTags=rootPassword::***,a', "X systemTags='rootPassword::***,a b'", 'X password "" y']) {
      expect(redactLine(l)).toBe(l);
    }
    for (const l of ['X password=*** y', 'X password *** y', 'X password =*** y', 'X systemTags=rootPassword::***,a', 'X password', 'X password=']) {
      expect(commandSecrets(parseLine(l).command!), l).toEqual([]);
    }
  });

  it('hides the secret tags of a list, keeping the others and their escaped commas, quoting the list when it must', () => {
    expect(redactLine('X systemTags=::x,password::y')).toBe('X systemTags=::x,password::***');
    expect(redactLine('X systemTags=ha::x')).toBe('X systemTags=ha::x');
    expect(redactLine('X systemTags=a::b::password::c')).toBe('X systemTags=a::b::password::c');
    expect(redactLine('X systemTags=rootPassword::x\\,y,z')).toBe('X systemTags=rootPassword::***,z');
    expect(redactLine('X systemTags=rootPassword::x,a\\,b')).toBe('X systemTags=rootPassword::***,a\\,b');
    expect(redactLine('X systemTags=rootPassword::x,"a b"')).toBe('X systemTags="rootPassword::***,a b"');
    expect(redactLine(`X systemTags=rootPassword::x,'a"b'`)).toBe('X systemTags="rootPassword::***,a\\"b"');
    expect(redactLine(`X systemTags=rootPassword::x,'a\\b'`)).toBe('X systemTags="rootPassword::***,a\\\\b"');
    expect(redactLine('X systemTags=rootPassword::\\,b')).toBe('X systemTags=rootPassword::***');
    expect(redactLine('X systemTags=a\\,rootPassword::x')).toBe('X systemTags=a\\,rootPassword::***');
    expect(redactLine('X systemTags=\\,rootPassword::x')).toBe('X systemTags=\\,rootPassword::***');
    expect(redactLine('X systemTags=rootPassword::x,\\,b')).toBe('X systemTags=rootPassword::***,\\,b');
    expect(redactLine('X systemTags=,rootPassword::x,')).toBe('X systemTags=,rootPassword::***,');
    const words = lex(redactLine('X systemTags=rootPassword::x,"a\\"b\\,c d"'));
    expect(words.tokens.map((t) => t.text)).toEqual(['X', 'systemTags=rootPassword::***,a"b,c d']);
    expect(words.escapedCommas[1]).toEqual([32]);
  });

  it('hides a JSON list of tags whole when one of them carries a secret', () => {
    expect(redactLine('X systemTags=[rootPassword::x]')).toBe('X systemTags=***');
    expect(redactLine('X systemTags=\'["ha::x","password::y"]\'')).toBe('X systemTags=***');
    expect(redactLine('X systemTags=\'  ["password::y"]\'')).toBe('X systemTags=***');
    expect(redactLine('X systemTags=\'["ha::x"]\'')).toBe('X systemTags=\'["ha::x"]\'');
  });

  it('hides tags typed apart from their key', () => {
    expect(redactLine('X systemTags= ha::x,rootPassword::y z')).toBe('X systemTags= ha::x,rootPassword::*** z');
    expect(redactLine('X systemTags= rootPassword::y\\,w,v')).toBe('X systemTags= rootPassword::***,v');
    expect(redactLine('X systemTags= ha::x y')).toBe('X systemTags= ha::x y');
    expect(commandSecrets(parseLine('X systemTags= ha::x,rootPassword::a\\,b,c::d').command!)).toEqual(['a,b,c::d']);
    expect(commandSecrets(parseLine('X systemTags= ha::x,c::d').command!)).toEqual([]);
    expect(commandSecrets(parseLine('X systemTags= ha::x,rootPassword::y').command!)).toEqual(['y']);
  });

  it('finds where the secret of a tag starts', () => {
    expect(['rootPassword::x', 'password::', '::x', 'ha::x', 'password', 'a::password::x'].map(secretTagValueStart)).toEqual([14, 10, -1, -1, -1, -1]);
  });

  it('collects every secret of a command, in order', () => {
    const line = 'X a=1 password=p1 b=2 sshPassword=p2 systemTags=rootPassword::p3,consolePassword::p4 sessionUuid=p5';
    expect(commandSecrets(parseLine(line).command!)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(commandSecrets(parseLine('password=p0 X').command!)).toEqual(['p0']);
    expect(commandSecrets(parseLine('X password = y').command!)).toEqual(['y']);
    expect(commandSecrets(parseLine('X systemTags=rootPassword::a\\,b,c').command!)).toEqual(['a,b']);
    expect(commandSecrets(parseLine(`X systemTags='["rootPassword::x"]'`).command!)).toEqual(['["rootPassword::x"]']);
  });
});

describe('maskSecrets, case by case', () => {
  it('masks overlapping and nested occurrences whole, and adjacent ones each', () => {
    expect(maskSecrets('x --- y', ['--'])).toBe('x *** y');
    expect(maskSecrets('x #-#-# y', ['#-#-#', '-#-'])).toBe('x *** y');
    expect(maskSecrets('x #-#-# y', ['-#-', '#-#-#'])).toBe('x *** y');
    expect(maskSecrets('#$#$', ['#$'])).toBe('******');
    expect(maskSecrets('2 and 1: pw2 pw1', ['pw1', 'pw2'])).toBe('2 and 1: *** ***');
  });

  it('leaves a word-character end of a secret alone inside a longer word, either side', () => {
    expect(maskSecrets('b a-b', ['a'])).toBe('b ***-b');
    expect(maskSecrets('-a-', ['a'])).toBe('-***-');
    expect(maskSecrets('ba ab', ['a'])).toBe('ba ab');
    expect(maskSecrets('x=pw. .pw=x', ['pw.', '.pw'])).toBe('x=*** ***=x');
    expect(maskSecrets('a.pw.b', ['.pw.'])).toBe('a***b');
    expect(maskSecrets('xpw- y -pwx', ['pw-', '-pw'])).toBe('xpw- y -pwx');
  });

  it('masks a quoted piece of a secret, in either quotes, every time', () => {
    expect(maskSecrets(`'p' "q" 'r' 's'`, ['pq', 'zr'])).toBe(`'***' "***" '***' 's'`);
    expect(maskSecrets(`'x''pq'`, ['pq'])).toBe(`'x''***'`);
    expect(maskSecrets(`'a' and 'b'`, ['a'])).toBe(`'***' and 'b'`);
    expect(maskSecrets(`unexpected 'ab' in "ab"`, ['xaby'])).toBe(`unexpected '***' in "***"`);
  });

  it('ignores empty and already redacted secrets', () => {
    expect(maskSecrets(`'*' a`, ['***', 'a'])).toBe(`'*' ***`);
    expect(maskSecrets(`'*' a`, ['***', ''])).toBe(`'*' a`);
    expect(maskSecrets('no secret', [])).toBe('no secret');
    expect(maskSecrets(`'***'`, ['a***b'])).toBe(`'***'`);
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
  [`${k}=`, `'${k}'=`, `"${k.slice(0, 2)}"${k.slice(2)}=`, `${k}\\=`, `${k}"="`, `${k} `, `${k} =`, `${k} = `][form]!;

const paramArb = fc.oneof(
  fc.record({ kind: fc.constant('secret' as const), key: fc.constantFrom(...KEYS), form: fc.integer({ min: 0, max: 7 }), style: fc.integer({ min: 0, max: 2 }), secret: secretArb }),
  fc.record({ kind: fc.constant('tag' as const), apart: fc.boolean(), style: fc.integer({ min: 0, max: 2 }), secret: secretArb }),
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
      const secret = p.form === 5 || p.form === 7 ? `§${p.secret}` : p.secret;
      words.push(`${keyForm(p.key, p.form)}${encode(secret, p.style, false)}`);
      secrets.push(secret);
    } else {
      words.push(`systemTags=${p.apart ? ' ' : ''}ha::NeverStop,rootPassword::${encode(p.secret, p.style, true)},usb::on`);
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
        for (const s of secrets) expect(found.some((f) => f.includes(s)), s).toBe(true);
        const messages = parsed.diagnostics.map((d) => `${d.message} ${d.hint ?? ''}`);
        const planned = planCommand(registry, parsed.command!);
        if (!planned.ok) messages.push(...planned.errors.map((e) => `${e.message} ${e.hint ?? ''}`));
        for (const m of messages) expect(leaked(maskSecrets(m, found))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
