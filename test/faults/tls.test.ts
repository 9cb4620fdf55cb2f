// TLS mistakes with the built CLI: https against a plain port, plain against a TLS port, a CA file
// that is not one, --ca without --https, a certificate for another name. Certificates are made at
// test time with openssl; without it these tests are skipped (and say why).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttp, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasOpenssl, selfSignedCert } from '../../src/execute/testing.js';
import { runCli, tempHome, type CliRun } from '../integration/cli-helpers.js';

if (!hasOpenssl) process.stderr.write('test/faults/tls.test.ts: skipped, openssl is not installed (it makes the test certificates)\n');

const SESSION = ['--session', '0123456789abcdef0123456789abcdef'];
const dir = mkdtempSync(join(tmpdir(), 'zs-tls-faults-'));
const servers: Server[] = [];
let certFile = '';
/** https on 127.0.0.1 (named in the certificate) and on 127.0.0.2 (not named). */
let tlsPort = 0;
let otherNamePort = 0;
let plainPort = 0;

async function listen(server: Server, host: string): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, host, r));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  if (!hasOpenssl) return;
  const made = selfSignedCert(dir, 'zs.test', 'DNS:zs.test,IP:127.0.0.1');
  certFile = made.certFile;
  const tls = { key: readFileSync(made.keyFile), cert: readFileSync(certFile) };
  const answer = (_req: unknown, res: { end(s: string): void }) => res.end('{"inventories":[{"uuid":"z1"}]}');
  tlsPort = await listen(createHttps(tls, answer), '127.0.0.1');
  otherNamePort = await listen(createHttps(tls, answer), '127.0.0.2');
  plainPort = await listen(createHttp(answer), '127.0.0.1');
});

afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
  rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[]): Promise<CliRun> {
  return runCli([...SESSION, ...args, 'QueryZone'], { home: tempHome() });
}

const lines = (r: CliRun): string[] => r.stderr.split('\n').filter((l) => l !== '');

describe.skipIf(!hasOpenssl)('TLS mistakes', () => {
  it('--https against a plain-HTTP port says so and hints to drop --https (exit 3)', async () => {
    for (const args of [['--host', '127.0.0.1', '--port', String(plainPort), '--https'], ['--host', `https://127.0.0.1:${plainPort}`]]) {
      const r = await cli(args);
      expect(r.code).toBe(3);
      expect(lines(r)).toEqual([
        `Error: 127.0.0.1:${plainPort} answered in plain HTTP, not TLS (https)`,
        'Drop --https (and any https:// in the host) for this port.',
      ]);
    }
  });

  it('plain HTTP against a TLS port hints to add --https (exit 3)', async () => {
    const r = await cli(['--host', '127.0.0.1', '--port', String(tlsPort)]);
    expect(r.code).toBe(3);
    expect(lines(r)).toHaveLength(2);
    expect(lines(r)[1]).toBe('If that port serves https, add --https.');
  });

  it('a --ca that is not a PEM certificate is a usage error (exit 2), before anything is sent', async () => {
    const notPem = join(dir, 'notes.txt');
    writeFileSync(notPem, 'this is not a certificate\n');
    const r = await cli(['--host', '127.0.0.1', '--port', String(tlsPort), '--https', '--ca', notPem]);
    expect(r.code).toBe(2);
    // A usage error is one line: the message and its hint.
    expect(lines(r)).toEqual([
      `Error: the CA file ${notPem} holds no PEM certificate: no -----BEGIN CERTIFICATE----- line (Give the PEM file of the certificate (or its CA) the server presents; or skip verification with --insecure.)`,
    ]);
  });

  it('--ca without --https means https', async () => {
    const r = await cli(['--host', '127.0.0.1', '--port', String(tlsPort), '--ca', certFile]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].uuid).toBe('z1');
  });

  it('--ca with an explicit http:// host is a usage error', async () => {
    const r = await cli(['--host', `http://127.0.0.1:${tlsPort}`, '--ca', certFile]);
    expect(r.code).toBe(2);
    expect(lines(r)).toEqual([`Error: --ca needs https, but --host http://127.0.0.1:${tlsPort} says plain http (Drop the CA file, or use https.)`]);
  });

  it("a hostname mismatch names the certificate's names, and does not suggest --ca", async () => {
    const r = await cli(['--host', '127.0.0.2', '--port', String(otherNamePort), '--ca', certFile]);
    expect(r.code).toBe(3);
    expect(lines(r)[0]).toBe(
      `Error: the TLS certificate of 127.0.0.2:${otherNamePort} is for another name (it names DNS:zs.test, IP Address:127.0.0.1; asked for 127.0.0.2)`,
    );
    expect(r.stderr).not.toContain('--ca');
    expect(lines(r)[1]).toContain('--insecure');
  });
});
