// Test helpers for the config layer: what a call threw, the line an error of a config rule prints.
import { expect } from 'vitest';
import { UsageError } from '../errors/cli-error.js';
import { renderError } from '../errors/report.js';
import { ConfigFileError } from './errors.js';

/** The one line a ConfigFileError (a usage error) prints, or 'no error'. */
export function failure(f: () => unknown): string {
  try {
    f();
    return 'no error';
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigFileError);
    expect(e).toBeInstanceOf(UsageError);
    const text = renderError(e);
    expect(text.split('\n')).toHaveLength(1);
    return text;
  }
}

/** What `f` throws as the user sees it (`Error: ...`), or 'accepted'. */
export function rendered(f: () => unknown): string {
  try {
    f();
    return 'accepted';
  } catch (e) {
    return renderError(e);
  }
}

/** What `f` threw, or undefined. */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}
