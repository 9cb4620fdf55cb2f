// Test doubles for the completion engine: a manual clock, a scripted value source, a fetch settled by hand.
import type { ResourceRow, Timers } from './values.js';
import type { ValueItem, ValueRequest, ValueSource } from './types.js';

/** Timers that only move when told to. */
export class ManualTimers implements Timers {
  private t = 0;
  private seq = 0;
  private pending = new Map<number, { at: number; fn: () => void }>();
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.pending.set(id, { at: this.t + Math.max(0, ms), fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Moves the clock forward, firing due timers in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, v]) => v.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.t = Math.max(this.t, due[1].at);
      due[1].fn();
    }
    this.t = end;
  }
  get pendingCount(): number {
    return this.pending.size;
  }
}

/** A value source answering from fixed rows per query API, recording every request. */
export class FakeValueSource implements ValueSource {
  readonly requests: ValueRequest[] = [];
  constructor(private readonly rows: Record<string, { uuid: string; name?: string }[]>) {}
  async values(req: ValueRequest): Promise<ValueItem[]> {
    this.requests.push(req);
    const rows = this.rows[req.queryApi] ?? [];
    if (req.field === 'name') return rows.filter((r) => r.name !== undefined).map((r) => ({ value: r.name! }));
    return rows.map((r) => (r.name ? { value: r.uuid, label: r.name } : { value: r.uuid }));
  }
}

/** A fetch of resource rows that the test settles by hand, recording each call. */
export function manualFetch() {
  const calls: { ref: { queryApi: string; inventory: string }; signal: AbortSignal; resolve: (r: ResourceRow[]) => void; reject: (e: unknown) => void }[] = [];
  const fetch = (ref: { queryApi: string; inventory: string }, signal: AbortSignal) =>
    new Promise<ResourceRow[]>((resolve, reject) => {
      calls.push({ ref, signal, resolve, reject });
    });
  return { fetch, calls };
}
