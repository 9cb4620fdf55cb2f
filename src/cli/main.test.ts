import { describe, expect, it } from 'vitest';
import { commandPrefix } from './main.js';

describe('commandPrefix', () => {
  it('keeps the server flags given, quoted for a shell, and never the session', () => {
    expect(commandPrefix({})).toBe('zstack-cli ');
    expect(commandPrefix({ port: '8081', host: '10.0.0.1', session: 'secret', output: 'json' })).toBe('zstack-cli --host 10.0.0.1 --port 8081 ');
    expect(commandPrefix({ profile: 'prod', https: true, ca: '/my certs/ca.pem' })).toBe("zstack-cli --profile prod --ca '/my certs/ca.pem' --https ");
  });
});
