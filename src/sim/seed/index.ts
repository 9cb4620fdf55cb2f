// Seed selection: `empty`, `demo` or `scale:N`, run on a fixed clock and a PRNG seeded by the seed's name.
import type { Store } from '../store/store.js';
import { seedBase, type SeedResult } from './base.js';
import { SeedClock } from './clock.js';
import { seedDemo } from './demo.js';
import { MAX_SCALE, seedScale } from './scale.js';

export type SeedSpec = { kind: 'empty' } | { kind: 'demo' } | { kind: 'scale'; vms: number };

export function parseSeed(text: string): SeedSpec {
  if (text === 'empty' || text === 'demo') return { kind: text };
  const m = /^scale:(\d+)$/.exec(text);
  if (m) {
    const vms = Number(m[1]);
    if (vms > MAX_SCALE) throw new Error(`seed scale:${vms} is too big (at most ${MAX_SCALE} VMs)`);
    return { kind: 'scale', vms };
  }
  throw new Error(`unknown seed '${text}': use 'empty', 'demo' or 'scale:N'`);
}

/** Fills the store; its clock is left on the seed clock (the caller swaps in the real one). */
export function runSeed(store: Store, spec: SeedSpec, clock: SeedClock): SeedResult {
  const base = seedBase(store);
  clock.tick();
  if (spec.kind === 'demo') seedDemo(store, clock);
  else if (spec.kind === 'scale') seedScale(store, clock, spec.vms);
  return base;
}
