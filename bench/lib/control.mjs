// The bench's own requests to a simulator (setup between timed runs, never timed): plain fetch,
// 127.0.0.1 only, every wait bounded.
import { setTimeout as sleep } from 'node:timers/promises';

export class Control {
  constructor(baseUrl, session) {
    this.base = `${baseUrl}/zstack/v1`;
    this.session = session;
  }

  headers() {
    return { Accept: 'application/json', Authorization: `OAuth ${this.session}`, 'Content-Type': 'application/json;charset=UTF-8' };
  }

  async get(path) {
    const r = await fetch(`${this.base}${path}`, { headers: this.headers(), signal: AbortSignal.timeout(30_000) });
    if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status} ${(await r.text()).slice(0, 200)}`);
    return r.json();
  }

  /** Query rows: `q` conditions like `state=Stopped`. */
  async query(path, conds = [], extra = '') {
    const qs = conds.map((c) => `q=${encodeURIComponent(c)}`).join('&');
    return (await this.get(`${path}?${qs}${extra}`)).inventories;
  }

  async vmState(uuid) {
    const rows = await this.query('/vm-instances', [`uuid=${uuid}`]);
    return rows[0]?.state;
  }

  /** Runs an async action (e.g. stopVmInstance) and waits for its job, at most ~20 s. */
  async action(path, body) {
    const r = await fetch(`${this.base}${path}`, { method: 'PUT', headers: this.headers(), body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
    const text = await r.text();
    if (r.status === 200) return JSON.parse(text);
    if (r.status !== 202) throw new Error(`PUT ${path}: HTTP ${r.status} ${text.slice(0, 200)}`);
    const location = new URL(JSON.parse(text).location);
    for (let i = 0; i < 1000; i++) {
      await sleep(20);
      const p = await fetch(`${this.base.replace(/\/zstack\/v1$/, '')}${location.pathname}`, { headers: this.headers(), signal: AbortSignal.timeout(30_000) });
      const t = await p.text();
      if (p.status === 200) return JSON.parse(t);
      if (p.status !== 202) throw new Error(`job ${location.pathname}: HTTP ${p.status} ${t.slice(0, 200)}`);
    }
    throw new Error(`job ${location.pathname} did not finish`);
  }

  /** Makes sure a VM is Stopped (stops it when Running). */
  async ensureStopped(uuid) {
    const state = await this.vmState(uuid);
    if (state === 'Stopped') return;
    if (state !== 'Running') throw new Error(`VM ${uuid} is ${state}, expected Running or Stopped`);
    await this.action(`/vm-instances/${uuid}/actions`, { stopVmInstance: {} });
    const after = await this.vmState(uuid);
    if (after !== 'Stopped') throw new Error(`VM ${uuid} is ${after} after StopVmInstance`);
  }
}
