// Management-node facts: version, supported APIs, current time, readiness, console address.
import type { Handler } from './context.js';

export const infoHandlers: Record<string, Handler> = {
  GetVersion: (call) => ({ version: call.env.version }),
  // Every registry API is answered (unsimulated ones with SYS.1008), so all are listed.
  GetSupportAPIs: (call) => ({ supportApis: call.env.registry.apiNames().map((n) => `API${n}Msg`) }),
  GetCurrentTime: (call) => {
    const ms = call.now();
    return { currentTime: { MillionSeconds: ms, Seconds: Math.floor(ms / 1000) } };
  },
  IsReadyToGo: (call) => ({ managementNodeId: call.env.managementNodeUuid }),
  IsOpensourceVersion: () => ({ opensource: true }),
};
