// One client connection of the HTTP/1.1 transport: a node:net socket, or a node:tls one for https
// (the caller loads node:tls), read with `onread` into memory the connection hands out: each read
// lands in the free part of a block, and the block is moved past only the bytes a reader kept (a
// streamed body's chunks); bytes that were copied or parsed are read over again. So a body read whole
// goes through one reused buffer, and a streamed one reaches the consumer without a copy or a Buffer
// per read (node's own reads allocate one per read and, through node:http, slice it again).
// Events go to the one exchange using the connection, or, while it is idle in the pool, close it.
import { connect as netConnect } from 'node:net';
/** The smallest free space a read is given; less left in a block and a new block is taken. */
const MIN_READ = 16 * 1024;
/** A connection's first block: enough for small answers, which reuse it. */
const FIRST_BLOCK = 64 * 1024;
/**
 * Blocks after the first (a streamed body), and so the most one read takes. Small enough for malloc
 * to recycle: larger blocks read faster in a warm process (bench/receive.mjs: 259 MB in ~150 ms of
 * CPU with 120 KiB or 1 MiB blocks, ~235 ms with these) but were mapped afresh in the CLI (`-o json`
 * of that answer: ~185k page faults instead of ~30k, 0.5-2.5 s more system time).
 */
const BLOCK = 64 * 1024;
export class WireConnection {
    socket;
    /** The exchange using the connection; none while idle. */
    user;
    /** Exchanges that have used the connection (more than 0: it is a reused one). */
    uses = 0;
    /** Called once the socket has closed. */
    onClose;
    block = Buffer.allocUnsafe(FIRST_BLOCK);
    view = this.block;
    pos = 0;
    advance = 0;
    constructor(target) {
        const onread = { buffer: () => this.nextBuffer(), callback: (n, buf) => this.read(n, buf) };
        const t = target.tls;
        if (t) {
            // node:tls takes `onread` as node:net does (its types leave it out).
            const options = { host: target.host, port: target.port, onread, rejectUnauthorized: !t.insecure };
            if (t.servername)
                options.servername = t.servername;
            if (t.ca !== undefined)
                options.ca = t.ca;
            this.socket = t.connect(options);
        }
        else
            this.socket = netConnect({ host: target.host, port: target.port, onread, noDelay: true });
        if (t)
            this.socket.setNoDelay(true);
        this.readyEvent = t ? 'secureConnect' : 'connect';
        this.socket.on('end', () => this.ended());
        this.socket.on('error', (e) => (this.user ? this.user.error(e) : this.socket.destroy()));
        this.socket.on('timeout', () => (this.user ? this.user.timeout() : this.socket.destroy()));
        this.socket.on('close', () => {
            this.ended();
            this.onClose?.();
        });
    }
    /** The event that says the connection is ready (TLS: the handshake done, the certificate checked). */
    readyEvent;
    destroy() {
        this.user = undefined;
        this.socket.destroy();
    }
    ended() {
        const u = this.user;
        if (u)
            u.end();
        else
            this.socket.destroy();
    }
    read(n, buf) {
        const u = this.user;
        if (!u) {
            // Bytes on an idle connection: nothing was asked; it cannot be trusted with the next request.
            this.socket.destroy();
            return false;
        }
        if (u.data(n === buf.length ? buf : buf.subarray(0, n)))
            this.advance = n;
        return true;
    }
    nextBuffer() {
        if (this.advance === 0)
            return this.view;
        this.pos += this.advance;
        this.advance = 0;
        if (this.block.length - this.pos < MIN_READ) {
            this.block = Buffer.allocUnsafe(BLOCK);
            this.pos = 0;
        }
        this.view = this.block.subarray(this.pos);
        return this.view;
    }
}
