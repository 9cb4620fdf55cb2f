// Every state word style.ts knows, with the colour a table gives it: the lists are data, so each word
// is checked by itself (a word dropped or misspelt in a list would leave that state uncoloured).
import { describe, expect, it } from 'vitest';
import { renderValue } from './index.js';
import { getStyle } from './style.js';

const GREEN = '32';
const YELLOW = '33';
const RED = '31';
const GREY = '90';

const COLOURS: Record<string, string> = {
  Running: GREEN, Enabled: GREEN, Connected: GREEN, Ready: GREEN, Active: GREEN, Available: GREEN, OK: GREEN,
  Succeeded: GREEN, Success: GREEN, Completed: GREEN, Done: GREEN, Attached: GREEN, Up: GREEN, Healthy: GREEN,
  Online: GREEN,
  Starting: YELLOW, Stopping: YELLOW, Rebooting: YELLOW, Migrating: YELLOW, Creating: YELLOW, Connecting: YELLOW,
  Pausing: YELLOW, Resuming: YELLOW, Destroying: YELLOW, Expunging: YELLOW, Deleting: YELLOW, Downloading: YELLOW,
  Uploading: YELLOW, Provisioning: YELLOW, Paused: YELLOW, PreMaintenance: YELLOW, Maintenance: YELLOW,
  Processing: YELLOW, Pending: YELLOW, Waiting: YELLOW, VolumeMigrating: YELLOW, Recovering: YELLOW, Syncing: YELLOW,
  Unknown: YELLOW, Degraded: YELLOW,
  Stopped: RED, Error: RED, Failed: RED, Failure: RED, Disconnected: RED, Crashed: RED, Down: RED, Offline: RED,
  NotReady: RED, Broken: RED, Fault: RED,
  Destroyed: GREY, Expunged: GREY, Disabled: GREY, Deleted: GREY, Detached: GREY, Inactive: GREY, NoState: GREY,
};

describe('state colours, word by word', () => {
  const st = getStyle(true);

  it.each(Object.entries(COLOURS))('%s', (word, colour) => {
    expect(st.state(word)).toBe(`\x1b[${colour}m${word}\x1b[39m`);
    // Case, spaces, dashes and underscores do not matter.
    const spaced = word.toUpperCase().replace(/(?<=.)([A-Z])/, '_$1');
    expect(st.state(spaced)).toBe(`\x1b[${colour}m${spaced}\x1b[39m`);
  });

  it('leaves words near a state alone', () => {
    for (const w of ['Runnin', 'Runningg', 'Stop', 'ok!', 'state', '', 'Running.', 'Not Readyy']) expect(st.state(w), w).toBe(w);
    expect(st.state('not ready')).toBe(`\x1b[${RED}mnot ready\x1b[39m`);
    expect(st.state('Volume - Migrating')).toBe(`\x1b[${YELLOW}mVolume - Migrating\x1b[39m`);
  });

  it('in a table, colours the cells of state and status columns only', () => {
    const rows = [{ uuid: 'u1', name: 'Running', state: 'Stopped', status: 'Connected', powerState: 'Paused' }];
    const out = renderValue(rows, { format: 'table', color: true });
    const line = out.split('\n')[3]!;
    expect(line).toBe(
      `│ u1   │ Running │ \x1b[${RED}mStopped\x1b[39m │ \x1b[${GREEN}mConnected\x1b[39m │ \x1b[${YELLOW}mPaused\x1b[39m     │`,
    );
  });
});
