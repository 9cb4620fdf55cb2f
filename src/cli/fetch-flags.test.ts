import { describe, expect, it } from 'vitest';
import { fetchFlags } from './fetch-flags.js';

describe('--all, --page-size, --raw', () => {
  it('checks them once', () => {
    expect(fetchFlags({})).toEqual({});
    expect(fetchFlags({ all: true, pageSize: '500' })).toEqual({ all: true, pageSize: 500 });
    expect(fetchFlags({ raw: true })).toEqual({ raw: true });
    expect(fetchFlags({ all: true, raw: true })).toMatch(/does not go with --all/);
    expect(fetchFlags({ pageSize: '10' })).toBe('--page-size goes with --all');
    for (const bad of ['0', '-1', '1.5', 'x', '100001']) expect(fetchFlags({ all: true, pageSize: bad })).toMatch(/^--page-size must be/);
  });
});

