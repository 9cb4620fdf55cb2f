// A management node that serves fewer APIs than the simulator: a proxy on loopback in front of it
// that answers GetSupportAPIs without the `missing` APIs (message class names, as ZStack lists them)
// and GetVersion with its own version, passes every other request through, and records the requests
// it passed. Stands in for a node without some modules (or an older one) in tests.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadRegistry } from '../../src/schema/registry.js';
import type { Simulator } from '../../src/sim/index.js';

export interface PartialNode {
  port: number;
  /** `METHOD /path` of every request passed to the simulator. */
  passed: string[];
  /** How many times GetVersion / GetSupportAPIs were asked. */
  asked: { version: number; supportApis: number };
  version: string;
  missing: string[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startPartialNode(sim: Simulator, o: { missing: string[]; version?: string }): Promise<PartialNode> {
  const names = loadRegistry().apiNames();
  const node: PartialNode = {
    port: 0,
    passed: [],
    asked: { version: 0, supportApis: 0 },
    version: o.version ?? '5.2.0',
    missing: o.missing,
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (req.method === 'PUT' && req.url === '/zstack/v1/management-nodes/actions') {
        const wrapper = Object.keys(JSON.parse(body.toString() || '{}') as object)[0];
        if (wrapper === 'getVersion') {
          node.asked.version++;
          return json(res, { version: node.version });
        }
        if (wrapper === 'getSupportAPIs') {
          node.asked.supportApis++;
          return json(res, { supportApis: names.filter((n) => !node.missing.includes(n)).map((n) => `API${n}Msg`) });
        }
      }
      node.passed.push(`${req.method} ${req.url}`);
      const upstream = request({ host: '127.0.0.1', port: sim.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  node.port = (server.address() as AddressInfo).port;
  node.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return node;
}
