import { msgName } from './errors.js';
export const infoHandlers = {
    GetVersion: (call) => ({ version: call.env.version }),
    // The message class names of the APIs the node serves: every registry API (unsimulated ones answer SYS.1008) but
    // those made unsupported (SimOptions.unsupportedApis).
    GetSupportAPIs: (call) => ({ supportApis: call.env.supportedApis().map(msgName) }),
    GetCurrentTime: (call) => {
        const ms = call.now();
        return { currentTime: { MillionSeconds: ms, Seconds: Math.floor(ms / 1000) } };
    },
    IsReadyToGo: (call) => ({ managementNodeId: call.env.managementNodeUuid }),
    IsOpensourceVersion: () => ({ opensource: true }),
};
