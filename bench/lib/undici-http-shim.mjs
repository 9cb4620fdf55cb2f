// Experiment for bench/startup.mjs only: the small part of undici's Agent that the CLI's transport
// uses (request + close), built on node:http, to measure what a node:http transport would save at
// start-up and exit. Not used by the CLI itself.
import http from 'node:http';
import https from 'node:https';

export class Agent {
  constructor(opts = {}) {
    const tls = opts.connect ?? {};
    this.agents = {
      'http:': new http.Agent({ keepAlive: true }),
      'https:': new https.Agent({ keepAlive: true, ...(tls.ca ? { ca: tls.ca } : {}), rejectUnauthorized: tls.rejectUnauthorized !== false }),
    };
  }

  request({ origin, path, method, headers, body, signal }) {
    const url = new URL(origin);
    const mod = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = mod.request({ host: url.hostname, port: url.port, path, method, headers, agent: this.agents[url.protocol], signal }, (res) => {
        const chunks = [];
        const done = new Promise((ok, fail) => {
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
          res.on('error', fail);
        });
        resolve({ statusCode: res.statusCode, headers: res.headers, body: { text: () => done } });
      });
      req.on('error', reject);
      req.end(body ?? undefined);
    });
  }

  async close() {
    for (const a of Object.values(this.agents)) a.destroy();
  }
}
