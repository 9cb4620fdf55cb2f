// Test helpers for built-ins: a CommandContext over captured output, and running a built-in from its
// words the way a front end does (commander from the table, then the handler). Not shipped.
import { PassThrough } from 'node:stream';
import { systemIdentity } from '../cli/system.js';
import { loadRegistry } from '../schema/registry.js';
import { parseBuiltin, runInvocation } from './dispatch.js';
export function capturedIO(overrides = {}) {
    let out = '';
    let err = '';
    const io = {
        argv: [],
        env: {},
        stdout: { write: (t) => (out += t) },
        stderr: { write: (t) => (err += t) },
        stdin: new PassThrough(),
        cwd: '/work',
        homedir: '/nonexistent',
        identity: systemIdentity(),
        ...overrides,
    };
    return { io, out: () => out, err: () => err };
}
/** Runs `words` (e.g. `['profile', 'add', 'lab', 'port=1']`) as the front end would; returns the exit code and output. */
export async function runBuiltinWords(words, o = {}) {
    const c = capturedIO();
    const front = o.front ?? 'oneshot';
    const base = {
        front,
        io: c.io,
        signal: new AbortController().signal,
        out: (t) => void c.io.stdout.write(`${t}\n`),
        err: (t) => void c.io.stderr.write(`${t}\n`),
        registry: () => loadRegistry(),
        app: o.app ?? (() => Promise.reject(new Error('no app in this test'))),
        home: o.home ?? '/nonexistent',
        commandPrefix: front === 'shell' ? '' : 'zstack-cli ',
        show: o.show ?? (async () => undefined),
        ...(front === 'shell'
            ? {
                shell: {
                    exit: () => undefined,
                    page: async (t) => void c.io.stdout.write(t),
                    lastResult: () => undefined,
                    width: () => 80,
                    height: () => 24,
                    ...o.shell,
                },
            }
            : {}),
    };
    let code;
    try {
        const inv = await parseBuiltin(words, front);
        code = await runInvocation(inv, base, inv.flags);
    }
    catch (e) {
        const { reportError } = await import('../errors/report.js');
        code = reportError(e, (t) => c.io.stderr.write(t));
    }
    return { code, out: c.out(), err: c.err() };
}
