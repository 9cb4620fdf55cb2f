// A fault-injection server: a loopback TCP listener that plays a broken ZStack management node (or
// the proxy in front of one) in one chosen way, for tests of what the client does then. It speaks
// just enough HTTP/1.1 by hand (keep-alive, Content-Length bodies) so it can also break HTTP itself.
// Run it alone to try the client by hand: `npx tsx test/faults/server.ts drip 8081`.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { pathToFileURL } from 'node:url';

export const FAULTS = {
  silent: 'accepts and reads the request, never answers a byte',
  drip: 'answers 200 headers, then one body byte every dripMs, forever',
  'drip-headers': 'answers one byte of the status line and headers every dripMs, forever',
  reset: 'answers headers and part of the body, then resets the connection (TCP RST)',
  garbage: 'answers bytes that are not HTTP, then closes',
  'html-502': "answers a proxy's HTML 502 Bad Gateway page",
  'endless-202': 'accepts every API call as a job (202 + location); polling the job answers 202 forever',
  'poll-not-json': 'accepts every API call as a job; polling the job answers 200 with an HTML page',
  'poll-html-502': "accepts every API call as a job; polling the job answers a proxy's HTML 502 page",
  huge: 'answers 200 announcing a 1 GiB body, and sends it until the client goes away',
  'huge-chunked': 'answers 200 with a chunked body that never ends, 1 MiB a chunk',
} as const;

export type Fault = keyof typeof FAULTS;

export interface FaultRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}

export interface FaultServer {
  readonly port: number;
  readonly url: string;
  /** Requests read so far, in order. */
  readonly requests: FaultRequest[];
  /** Body bytes written so far, over all connections. */
  bodyBytesSent(): number;
  /** Connections open right now. */
  openConnections(): number;
  close(): Promise<void>;
}

export interface FaultOptions {
  /** Port to listen on (default 0: any free one). */
  port?: number;
  /** Pause between dripped bytes (default 2000 ms). */
  dripMs?: number;
}

export const HTML_502 = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.24.0</center>
</body>
</html>
<!-- a padding to disable MSIE and Chrome friendly error page -->
<!-- a padding to disable MSIE and Chrome friendly error page -->
<!-- a padding to disable MSIE and Chrome friendly error page -->
`;

const GIB = 2 ** 30;
const MIB = 2 ** 20;

export async function startFaultServer(fault: Fault, opts: FaultOptions = {}): Promise<FaultServer> {
  const dripMs = opts.dripMs ?? 2000;
  const requests: FaultRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let sent = 0;
  let port = 0;

  /** Runs `f` every `ms` while `socket` is open. */
  const every = (socket: Socket, ms: number, f: () => void): void => {
    const t = setInterval(f, ms);
    timers.add(t);
    socket.once('close', () => {
      clearInterval(t);
      timers.delete(t);
    });
  };

  function send(socket: Socket, status: string, headers: Record<string, string | number>, body: string): void {
    const head = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${Buffer.byteLength(body)}`];
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    socket.write(body);
    sent += Buffer.byteLength(body);
  }

  /** Sends `chunk` again and again while the client reads, until it goes away or `total` bytes are out. */
  function flood(socket: Socket, chunk: Buffer, total: number, frame: (b: Buffer) => Buffer[]): void {
    let left = total;
    const pump = (): void => {
      while (left > 0 && !socket.destroyed) {
        const n = Math.min(left, chunk.length);
        left -= n;
        sent += n;
        let ok = true;
        for (const b of frame(chunk.subarray(0, n))) ok = socket.write(b) && ok;
        if (!ok) return void socket.once('drain', pump);
      }
    };
    pump();
  }

  function jobLocation(req: FaultRequest): string {
    const id = (req.headers['x-job-uuid'] ?? '0'.repeat(32)).toLowerCase();
    return `http://127.0.0.1:${port}/zstack/v1/api-jobs/${id}`;
  }

  /** Answers one request; false when the connection is given over to the fault. */
  function answer(socket: Socket, req: FaultRequest): boolean {
    const isPoll = req.method === 'GET' && req.path.startsWith('/zstack/v1/api-jobs/');
    switch (fault) {
      case 'silent':
        return false;
      case 'drip':
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n');
        every(socket, dripMs, () => {
          socket.write(' ');
          sent++;
        });
        return false;
      case 'drip-headers': {
        const text = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: ' + 'a'.repeat(1_000_000);
        let i = 0;
        every(socket, dripMs, () => socket.write(text[i++ % text.length]!));
        return false;
      }
      case 'reset':
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"inventories":[{"uuid":"a');
        setTimeout(() => socket.resetAndDestroy(), 50);
        return false;
      case 'garbage':
        socket.end('SSH-2.0-OpenSSH_9.6\r\n\x00\x01\x02\xff\xfe garbage that is not HTTP\r\n\r\n');
        return false;
      case 'html-502':
        send(socket, '502 Bad Gateway', { 'Content-Type': 'text/html', Server: 'nginx/1.24.0' }, HTML_502);
        return true;
      case 'endless-202':
      case 'poll-not-json':
      case 'poll-html-502': {
        const location = jobLocation(req);
        if (!isPoll) send(socket, '202 Accepted', { 'Content-Type': 'application/json' }, JSON.stringify({ location }));
        else if (fault === 'endless-202') send(socket, '202 Accepted', { 'Content-Type': 'application/json' }, JSON.stringify({ location }));
        else if (fault === 'poll-not-json') send(socket, '200 OK', { 'Content-Type': 'text/html' }, '<html><body>\n<h1>Welcome to nginx!</h1>\n</body></html>\n');
        else send(socket, '502 Bad Gateway', { 'Content-Type': 'text/html' }, HTML_502);
        return true;
      }
      case 'huge':
        socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${GIB}\r\n\r\n`);
        flood(socket, Buffer.alloc(MIB, 0x20), GIB, (b) => [b]);
        return false;
      case 'huge-chunked':
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
        flood(socket, Buffer.alloc(MIB, 0x20), Number.POSITIVE_INFINITY, (b) => [Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]);
        return false;
    }
  }

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // the client going away is expected here
    let buf = Buffer.alloc(0);
    let serving = true;
    socket.on('data', (chunk: Buffer) => {
      if (!serving) return;
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const [start = '', ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
        const headers: Record<string, string> = {};
        for (const l of lines) {
          const i = l.indexOf(':');
          if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
        }
        const length = Number(headers['content-length'] ?? 0);
        if (buf.length < end + 4 + length) return;
        buf = buf.subarray(end + 4 + length);
        const [method = '', path = ''] = start.split(' ');
        const req = { method, path, headers };
        requests.push(req);
        serving = answer(socket, req);
        if (!serving) return;
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    bodyBytesSent: () => sent,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearInterval(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

// `tsx test/faults/server.ts <fault> [port] [dripMs]`: serve one fault until Ctrl-C.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fault = process.argv[2] as Fault;
  if (!(fault in FAULTS)) {
    process.stderr.write(`usage: tsx test/faults/server.ts <fault> [port] [dripMs]\n${Object.entries(FAULTS).map(([k, v]) => `  ${k.padEnd(14)} ${v}`).join('\n')}\n`);
    process.exit(2);
  }
  const s = await startFaultServer(fault, { port: Number(process.argv[3] ?? 0), dripMs: Number(process.argv[4] ?? 2000) });
  process.stdout.write(`fault ${fault} on ${s.url} (${FAULTS[fault]})\n`);
  process.on('SIGINT', () => void s.close().then(() => process.exit(0)));
}
