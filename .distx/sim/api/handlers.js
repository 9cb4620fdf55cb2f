import { affinityHandlers } from './affinity.js';
import { authHandlers } from './auth.js';
import { notSimulated } from './errors.js';
import { identityHandlers } from './identity.js';
import { imageHandlers } from './image.js';
import { imageTemplateHandlers } from './image-templates.js';
import { infoHandlers } from './info.js';
import { infraHandlers } from './infra.js';
import { loadBalancerHandlers } from './load-balancer.js';
import { networkHandlers } from './network.js';
import { offeringHandlers } from './offering.js';
import { queryHandler } from './query.js';
import { schedulerHandlers } from './scheduler.js';
import { securityGroupHandlers } from './security-group.js';
import { storageHandlers } from './storage.js';
import { tagHandlers } from './tags.js';
import { vipHandlers } from './vip.js';
import { vmHandlers } from './vm.js';
import { vmCandidateHandlers } from './vm-candidates.js';
import { vmDeviceHandlers } from './vm-devices.js';
import { vmSettingHandlers } from './vm-settings.js';
import { volumeHandlers } from './volume.js';
import { volumeDataHandlers } from './volume-data.js';
const HANDLERS = {
    ...authHandlers,
    ...identityHandlers,
    ...infoHandlers,
    ...infraHandlers,
    ...networkHandlers,
    ...securityGroupHandlers,
    ...vipHandlers,
    ...loadBalancerHandlers,
    ...storageHandlers,
    ...imageHandlers,
    ...imageTemplateHandlers,
    ...offeringHandlers,
    ...affinityHandlers,
    ...tagHandlers,
    ...schedulerHandlers,
    ...vmHandlers,
    ...vmSettingHandlers,
    ...vmDeviceHandlers,
    ...vmCandidateHandlers,
    ...volumeHandlers,
    ...volumeDataHandlers,
};
const unsimulated = (call) => {
    throw notSimulated(call.api.name);
};
export function handlerFor(api) {
    return HANDLERS[api.name] ?? (api.query ? queryHandler : unsimulated);
}
/** Names of the APIs with their own behaviour (query APIs aside). */
export function simulatedApis() {
    return Object.keys(HANDLERS).sort();
}
