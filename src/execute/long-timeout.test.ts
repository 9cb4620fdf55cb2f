import { afterEach, describe, expect, it, vi } from 'vitest';
import { deadlineSignal, MAX_TIMER_MS, setLongTimeout } from './long-timeout.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('setLongTimeout', () => {
  it('waits the whole delay beyond 2^31-1 ms, where a plain setTimeout fires after 1 ms', () => {
    vi.useFakeTimers();
    const fired = vi.fn();
    setLongTimeout(fired, MAX_TIMER_MS + 5_000);
    vi.advanceTimersByTime(MAX_TIMER_MS);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(4_999);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it('chains steps, and cancels between them', () => {
    vi.useFakeTimers();
    const fired = vi.fn();
    const cancel = setLongTimeout(fired, 35, 10);
    vi.advanceTimersByTime(25);
    cancel();
    vi.advanceTimersByTime(100);
    expect(fired).not.toHaveBeenCalled();
    setLongTimeout(fired, 35, 10);
    vi.advanceTimersByTime(35);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it('600 hours as a deadline signal does not abort early', () => {
    vi.useFakeTimers();
    const { signal, clear } = deadlineSignal(600 * 3_600_000);
    vi.advanceTimersByTime(MAX_TIMER_MS + 1);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(600 * 3_600_000);
    expect(signal.aborted).toBe(true);
    clear();
  });
});
