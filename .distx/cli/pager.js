/** Targets whose reader has gone (a write failed, e.g. EPIPE once `| head` is done); one listener each, kept. */
const broken = new WeakMap();
function watch(out) {
    let state = broken.get(out);
    if (!state) {
        const s = { broken: false };
        state = s;
        broken.set(out, s);
        out.on?.('error', () => (s.broken = true));
    }
    return state;
}
/** Waits for 'drain', or for the target to fail or close (then nothing will drain it). */
function drained(out) {
    return new Promise((resolve) => {
        const done = () => {
            for (const e of ['drain', 'close', 'error'])
                out.off?.(e, done);
            resolve();
        };
        for (const e of ['drain', 'close', 'error'])
            out.once?.(e, done);
    });
}
export function pagerCommand(env) {
    const raw = (env.ZSTACK_PAGER ?? env.PAGER ?? 'less -FRX').trim();
    if (raw === '' || raw === 'cat')
        return undefined;
    const [cmd, ...args] = raw.split(/\s+/);
    // less shows colors only with -R; make it the default when LESS is not set.
    const extra = env.LESS === undefined ? { LESS: 'FRX' } : {};
    return { cmd: cmd, args, env: extra };
}
/** Made for the first long text (not at start-up: most commands write none through here). */
let encoder;
/**
 * UTF-8 bytes of a long text, made with TextEncoder.encodeInto: about three times faster than the
 * stream's own Buffer.from on table text (box-drawing characters make it a two-byte string).
 */
function utf8(text) {
    if (text.length < 4096)
        return text;
    const buf = Buffer.allocUnsafe(text.length * 3);
    return buf.subarray(0, (encoder ??= new TextEncoder()).encodeInto(text, buf).written);
}
/** Writes to `out`, waiting for 'drain' when it asks to; closed on a write error (EPIPE). */
export function directSink(out) {
    const state = watch(out);
    return {
        get closed() {
            return state.broken || (out.errored !== undefined && out.errored !== null);
        },
        async write(text) {
            if (this.closed || text.length === 0)
                return;
            if (out.write(typeof text === 'string' ? utf8(text) : text) === false && out.once)
                await drained(out);
        },
        async end() { },
    };
}
function countLines(text) {
    let n = 0;
    if (typeof text === 'string') {
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            n++;
    }
    else {
        for (let i = text.indexOf(0x0a); i >= 0; i = text.indexOf(0x0a, i + 1))
            n++;
    }
    return n;
}
/**
 * Holds output until it is longer than the screen (then starts the pager and streams everything into
 * it) or ends (then writes it directly). Falls back to writing directly when the pager cannot start.
 */
export function pagerSink(deps) {
    const pc = pagerCommand(deps.env);
    if (!pc)
        return directSink(deps.out);
    let held = [];
    let lines = 0;
    let target;
    async function start() {
        let c;
        try {
            c = deps.spawn(pc.cmd, pc.args, { stdio: ['pipe', 'inherit', 'inherit'], env: { ...deps.env, ...pc.env } });
        }
        catch {
            return directSink(deps.out);
        }
        const started = await new Promise((resolve) => {
            c.once('spawn', () => resolve(true));
            c.once('error', () => resolve(false));
        });
        if (!started || !c.stdin)
            return directSink(deps.out);
        let gone = false;
        const exited = new Promise((resolve) => c.once('close', () => resolve()));
        void exited.then(() => (gone = true));
        c.stdin.on('error', () => (gone = true)); // the user quit the pager early: EPIPE is fine
        const stdin = c.stdin;
        return {
            get closed() {
                return gone;
            },
            async write(text) {
                if (gone || text.length === 0)
                    return;
                if (!stdin.write(text))
                    await Promise.race([new Promise((r) => stdin.once('drain', r)), exited]);
            },
            async end() {
                if (!gone)
                    stdin.end();
                await exited;
            },
        };
    }
    return {
        get closed() {
            return target?.closed ?? false;
        },
        async write(text) {
            if (target)
                return target.write(text);
            held.push(text);
            lines += countLines(text);
            if (lines < deps.rows)
                return;
            target = await start();
            const all = held;
            held = [];
            for (const t of all)
                await target.write(t);
        },
        async end() {
            if (!target) {
                for (const t of held)
                    deps.out.write(t);
                held = [];
                return;
            }
            await target.end();
        },
    };
}
/** Writes `text`, through the pager when it is longer than the screen. Resolves when done. */
export async function page(text, deps) {
    const { write, ...rest } = deps;
    const sink = pagerSink({ ...rest, out: { write: (t) => write(typeof t === 'string' ? t : Buffer.from(t).toString('utf8')) } });
    await sink.write(text);
    await sink.end();
}
