// X-Job-UUID values: a v4 uuid without dashes (32 lowercase hex), as ZStack requires, from the system's random source.
// Where /dev/urandom is a character device it is read directly: node:fs is loaded anyway, while node:crypto costs a
// one-shot command a few milliseconds to load for one uuid. Elsewhere (Windows) node:crypto gives the bytes.
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
/** `n` bytes from /dev/urandom, or undefined when it cannot be read (no such device, a plain file in its place). */
export function urandomBytes(n, device = '/dev/urandom') {
    let fd;
    try {
        fd = openSync(device, 'r');
    }
    catch {
        return undefined;
    }
    try {
        if (!fstatSync(fd).isCharacterDevice())
            return undefined;
        const bytes = Buffer.alloc(n);
        for (let at = 0; at < n;) {
            const got = readSync(fd, bytes, at, n - at, null);
            if (got <= 0)
                return undefined;
            at += got;
        }
        return bytes;
    }
    catch {
        return undefined;
    }
    finally {
        closeSync(fd);
    }
}
/** A fresh job uuid: 122 random bits with the version (4) and variant bits of RFC 4122 set. */
export function randomJobUuid(random = urandomBytes) {
    const b = random(16) ?? randomBytes(16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    return b.toString('hex');
}
