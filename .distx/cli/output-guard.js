// Guards an output stream of the process: when the reader goes away (EPIPE: `| head -1`) or the
// disk is full (ENOSPC), the failure is reported once to a callback, later writes are dropped, and
// no `Unhandled 'error' event` ever reaches the user. The stream is otherwise used as it is.
/** The reader went away: the rest of the output is not wanted. */
export function isClosedPipe(code) {
    return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ECONNRESET';
}
/**
 * Returns a view of `stream` whose `write` never throws and never leaves a writer waiting: after
 * the first error every write is dropped (and reports success, so nobody waits for 'drain').
 */
export function guardOutput(stream, name, onFailure) {
    let failed = false;
    const fail = (e) => {
        if (failed)
            return;
        failed = true;
        onFailure({ stream: name, code: e?.code ?? 'EIO' });
        // Whoever waits for 'drain' after a full buffer would wait forever on a dead stream.
        stream.emit('drain');
    };
    stream.on('error', fail);
    const write = (...args) => {
        if (!failed) {
            try {
                const ok = stream.write(...args);
                // Known now, reported by the stream only on the next tick: stop before anything else runs.
                if (stream.errored)
                    fail(stream.errored);
                else
                    return ok;
            }
            catch (e) {
                fail(e);
            }
        }
        const cb = args.find((a) => typeof a === 'function');
        if (cb)
            queueMicrotask(cb);
        return true;
    };
    return new Proxy(stream, {
        get(target, prop) {
            if (prop === 'write')
                return write;
            const v = Reflect.get(target, prop, target);
            return typeof v === 'function' ? v.bind(target) : v;
        },
    });
}
/**
 * `guardOutput` of the stream `open` returns, opened on first use (any property read or write):
 * creating process.stderr costs a few ms that a command printing no error never needs to pay.
 */
export function guardOutputLazily(open, name, onFailure) {
    let guarded;
    const real = () => (guarded ??= guardOutput(open(), name, onFailure));
    return new Proxy({}, {
        get: (_, prop) => Reflect.get(real(), prop),
        set: (_, prop, value) => Reflect.set(real(), prop, value),
        has: (_, prop) => Reflect.has(real(), prop),
        getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    });
}
