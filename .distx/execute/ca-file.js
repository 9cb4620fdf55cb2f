// Reads the CA file given with --ca (or a profile's ca) and checks it holds PEM certificates, so a
// wrong file is a usage error (exit 2) before anything is sent, not a puzzling TLS failure later.
import { X509Certificate } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../errors/cli-error.js';
/** A CA bundle larger than this is not one (the system bundle is about 200 KiB). */
export const MAX_CA_FILE_BYTES = 4 * 2 ** 20;
const PEM_CERT_RE = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;
/** Reads at most `max` + 1 bytes of `path` (a device such as /dev/zero never ends). */
export function readBounded(path, max) {
    const fd = openSync(path, 'r');
    try {
        const buf = Buffer.alloc(max + 1);
        let used = 0;
        for (;;) {
            const n = readSync(fd, buf, used, buf.length - used, null);
            if (n === 0)
                return buf.subarray(0, used);
            used += n;
            if (used === buf.length)
                return buf;
        }
    }
    finally {
        closeSync(fd);
    }
}
/** The PEM text of the certificates in `path`; a usage error when it cannot be read or holds none. */
export function readCaFile(path, read = readBounded) {
    let bytes;
    try {
        bytes = read(path, MAX_CA_FILE_BYTES);
    }
    catch (e) {
        const err = e;
        throw new UsageError(`cannot read the CA file ${path}: ${err.code ?? err.message}`);
    }
    const hint = 'Give the PEM file of the certificate (or its CA) the server presents; or skip verification with --insecure.';
    if (bytes.length > MAX_CA_FILE_BYTES)
        throw new UsageError(`the CA file ${path} is too large for a certificate file`, hint);
    const text = bytes.toString('utf8');
    const blocks = text.match(PEM_CERT_RE) ?? [];
    if (blocks.length === 0)
        throw new UsageError(`the CA file ${path} holds no PEM certificate: no -----BEGIN CERTIFICATE----- line`, hint);
    blocks.forEach((block, i) => {
        try {
            new X509Certificate(block);
        }
        catch {
            throw new UsageError(`the CA file ${path}: certificate ${i + 1} of ${blocks.length} is not a valid certificate`, hint);
        }
    });
    return blocks.join('\n');
}
