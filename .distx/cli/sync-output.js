export function syncOutput(fd, name, writeSync, fallback, onFailure) {
    let stream;
    let failure;
    return {
        get errored() {
            return failure ?? stream?.errored ?? null;
        },
        // Until a stream takes over nothing is ever pending: no 'drain' is awaited (write never returns false).
        once(event, listener) {
            return stream?.once?.(event, listener);
        },
        off(event, listener) {
            return stream?.off?.(event, listener);
        },
        write(text) {
            const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
            if (stream)
                return stream.write(bytes) !== false;
            if (failure)
                return true;
            let at = 0;
            try {
                while (at < bytes.length)
                    at += writeSync(fd, bytes, at, bytes.length - at);
            }
            catch (e) {
                const code = e.code ?? 'EIO';
                if (code !== 'EAGAIN') {
                    failure = e instanceof Error ? e : new Error(code);
                    onFailure({ stream: name, code });
                    return true;
                }
                stream = fallback();
                return stream.write(bytes.subarray(at)) !== false;
            }
            return true;
        },
    };
}
