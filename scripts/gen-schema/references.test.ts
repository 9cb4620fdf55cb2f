import { describe, expect, it } from 'vitest';
import type { ApiDef, InventoryDef, ParamDef, RegistryData } from '../../src/schema/types.js';
import { camelWords, inferReferences } from './references.js';

const inv = (name: string, fields: string[] = ['uuid', 'name'], joins: InventoryDef['joins'] = []): InventoryDef => ({
  name,
  fields: fields.map((f) => ({ name: f, type: 'String' })),
  queryable: fields,
  joins,
});
/** A query API; `null` for one without a known inventory (it can take no conditions). */
const query = (stem: string, path: string, inventory: string | null = `${stem}Inventory`): ApiDef => ({
  name: `Query${stem}`,
  method: 'GET',
  path,
  wrapper: '',
  needSession: true,
  async: false,
  query: true,
  params: [],
  ...(inventory ? { inventory } : {}),
});
const param = (name: string, extra: Partial<ParamDef> = {}): ParamDef => ({ name, type: name.endsWith('s') ? 'list' : 'string', required: false, in: 'body', ...extra });
const action = (name: string, path: string, params: ParamDef[]): ApiDef => ({
  name,
  method: 'PUT',
  path,
  wrapper: 'params',
  needSession: true,
  async: true,
  query: false,
  params,
});

/** A small world: VMs, hosts, L3 networks, SNS endpoints and platforms, monitor groups, tag patterns, firewall rule sets. */
function world(apis: ApiDef[]): RegistryData {
  return {
    version: 'test',
    queryParams: [],
    apis: [
      query('VmInstance', '/vm-instances'),
      query('Host', '/hosts'),
      query('L3Network', '/l3-networks'),
      query('VirtualRouterVm', '/vm-instances/appliances/virtual-routers'),
      query('SNSApplicationEndpoint', '/sns/application-endpoints'),
      query('SNSEmailEndpoint', '/sns/application-endpoints/emails'),
      query('SNSHttpEndpoint', '/sns/application-endpoints/http'),
      query('SNSApplicationPlatform', '/sns/application-platforms'),
      query('SNSTopic', '/sns/topics'),
      query('MonitorGroup', '/zwatch/monitorgroups'),
      query('MonitorGroupInstance', '/zwatch/monitorgroups/instances'),
      query('AutoScalingGroup', '/autoscaling/groups'),
      query('UserGroup', '/accounts/groups'),
      query('FirewallRuleSet', '/vpcfirewalls/ruleSets', null),
      query('PolicyRouteRuleSet', '/policy-routes/rulesets'),
      query('V2VConversionHost', '/v2v/conversion-hosts'),
      query('Volume', '/volumes'),
      ...apis,
    ],
    inventories: [
      inv('VmInstanceInventory', ['uuid', 'name', 'hostUuid', 'lastHostUuid', 'zoneUuid'], [
        { name: 'host', inventory: 'HostInventory', foreignKey: 'hostUuid', targetKey: 'uuid', hidden: false },
      ]),
      inv('KVMHostInventory', ['uuid', 'name']),
      inv('HostInventory'),
      inv('L3NetworkInventory'),
      inv('VirtualRouterVmInventory'),
      inv('SNSApplicationEndpointInventory', ['uuid', 'name', 'platformUuid']),
      inv('SNSEmailEndpointInventory'),
      inv('SNSHttpEndpointInventory'),
      inv('SNSApplicationPlatformInventory'),
      inv('SNSTopicInventory'),
      inv('MonitorGroupInventory'),
      inv('MonitorGroupInstanceInventory', ['uuid', 'groupUuid', 'instanceUuid']),
      inv('AutoScalingGroupInventory'),
      inv('UserGroupInventory'),
      inv('TagPatternInventory'),
      inv('PolicyRouteRuleSetInventory'),
      inv('V2VConversionHostInventory'),
      inv('VolumeInventory'),
      inv('ChildOfNothingInventory', ['uuid']),
    ],
  };
}

function decide(api: ApiDef, ...others: ApiDef[]): Record<string, string | undefined> {
  const data = world([api, ...others]);
  const decided = inferReferences(data, new Map([['KVMHostInventory', 'HostInventory']]));
  const out: Record<string, string | undefined> = {};
  for (const p of data.apis.find((a) => a.name === api.name)!.params) out[p.name] = p.refersTo && `${p.refersTo} (${decided.get(`${api.name}.${p.name}`)!.how})`;
  return out;
}

describe('camelWords', () => {
  it('splits acronyms, digits and lower-case starts the way ZStack names read', () => {
    expect(camelWords('IAM2VirtualIDGroup')).toEqual(['IAM2', 'Virtual', 'ID', 'Group']);
    expect(camelWords('vSwitch')).toEqual(['v', 'Switch']);
    expect(camelWords('defaultL3Network')).toEqual(['default', 'L3', 'Network']);
    expect(camelWords('SNSEmailEndpoint')).toEqual(['SNS', 'Email', 'Endpoint']);
  });
});

describe('inferReferences', () => {
  it('takes the facts resourceType first, through the inventory a VO extends', () => {
    const api = action('MigrateVm', '/vm-instances/{uuid}/actions', [param('uuid', { in: 'path' }), param('targetUuid', { resourceType: 'KVMHostVO' })]);
    expect(decide(api)).toEqual({ uuid: 'QueryVmInstance (path)', targetUuid: 'QueryHost (facts)' });
  });

  it('gives a name the resource the facts give every other param of that name, unless the name is generic', () => {
    const typed = action('A', '/a', [param('managementNetworkUuid', { resourceType: 'L3NetworkVO' }), param('groupUuid', { resourceType: 'UserGroupVO' })]);
    const api = action('B', '/b', [param('managementNetworkUuid'), param('groupUuid')]);
    // groupUuid names many kinds of group: one typed UserGroupVO says nothing about the others.
    expect(decide(api, typed)).toEqual({ managementNetworkUuid: 'QueryL3Network (facts-by-name)', groupUuid: undefined });
  });

  it('stops at a resource that no query lists, instead of guessing past it', () => {
    const typed = action('A', '/a', [param('tagUuids', { resourceType: 'TagPatternVO' })]);
    const api = action('CreateZone', '/zones', [param('tagUuids'), param('faultToleranceVmUuid')]);
    const fw = query('FaultToleranceVm', '/fault-tolerance-vms', null);
    // Not Query Tag rows, not VmInstance.
    expect(decide(api, typed, fw)).toEqual({ tagUuids: undefined, faultToleranceVmUuid: undefined });
    // The firewall's rule set, which no query lists by name; not PolicyRouteRuleSet, which ends in RuleSet too.
    expect(decide(action('AttachFirewallRuleSetToL3', '/x', [param('ruleSetUuid')]))).toEqual({ ruleSetUuid: undefined });
    expect(decide(action('AttachPolicyRouteRuleSetToL3', '/x', [param('ruleSetUuid')]))).toEqual({ ruleSetUuid: 'QueryPolicyRouteRuleSet (name-in-context)' });
  });

  it('reads a path variable by the path before it, or by a query path ending the same way', () => {
    const api = action('AddVmToGroup', '/affinity-groups/{affinityGroupUuid}/vm-instances/{uuid}', [param('affinityGroupUuid', { in: 'path' }), param('uuid', { in: 'path' })]);
    expect(decide(api)).toEqual({ affinityGroupUuid: undefined, uuid: 'QueryVmInstance (path)' });
  });

  it('reads a uuid not in a path by what the API is about, dropping aspect words but never another noun', () => {
    expect(decide(action('ChangeSNSTopicState', '/sns/topics/state', [param('uuid')]))).toEqual({ uuid: 'QuerySNSTopic (api-name)' });
    expect(decide(action('DetachVolumeFromVm', '/x', [param('uuid')]))).toEqual({ uuid: 'QueryVolume (api-name)' });
    expect(decide(action('ResizeRootVolume', '/x', [param('uuid')]))).toEqual({ uuid: 'QueryVolume (api-name)' });
    // A rule of a topic is not the topic.
    expect(decide(action('DeleteSNSTopicRule', '/x', [param('uuid')]))).toEqual({ uuid: undefined });
  });

  it('reads a name by its longest tail naming a resource, with ZStack abbreviations', () => {
    const api = action('X', '/x', [param('lastHostUuid'), param('defaultL3NetworkUuid'), param('vmUuids'), param('publicL3Uuid'), param('vRouterUuid'), param('virtualRouterVmUuid')]);
    expect(decide(api)).toEqual({
      lastHostUuid: 'QueryHost (name)',
      defaultL3NetworkUuid: 'QueryL3Network (name)',
      vmUuids: 'QueryVmInstance (name)',
      publicL3Uuid: 'QueryL3Network (name)',
      vRouterUuid: 'QueryVirtualRouterVm (name)',
      virtualRouterVmUuid: 'QueryVirtualRouterVm (name)',
    });
  });

  it('places a short name by the API it is in, the most specific resource whose other words the API names', () => {
    expect(decide(action('AddEmailAddressToSNSEmailEndpoint', '/x', [param('endpointUuid')]))).toEqual({ endpointUuid: 'QuerySNSEmailEndpoint (name-in-context)' });
    expect(decide(action('AttachAutoScalingTemplateToGroup', '/x', [param('groupUuid')]))).toEqual({ groupUuid: 'QueryAutoScalingGroup (name-in-context)' });
    // Several platforms or none fit: unknown.
    expect(decide(action('CreateSNSHttpEndpoint', '/x', [param('platformUuid')]))).toEqual({ platformUuid: undefined });
    // MonitorGroupInstance holds instanceUuid: it links to the instance, it is not the instance.
    expect(decide(action('AddInstanceToMonitorGroup', '/x', [param('instanceUuid')]))).toEqual({ instanceUuid: undefined });
  });

  it('does not read a tail of a name that a resource ends in whole (a conversion host is no plain Host)', () => {
    expect(decide(action('ConvertVm', '/x', [param('conversionHostUuid'), param('dstHostUuid')]))).toEqual({ conversionHostUuid: undefined, dstHostUuid: 'QueryHost (name)' });
  });

  it('gives inventory fields their own query, their joins, then their names', () => {
    const data = world([]);
    inferReferences(data, new Map([['KVMHostInventory', 'HostInventory']]));
    const of = (n: string): Record<string, string> | undefined => data.inventories.find((i) => i.name === n)!.refersTo;
    expect(of('VmInstanceInventory')).toEqual({ uuid: 'QueryVmInstance', hostUuid: 'QueryHost', lastHostUuid: 'QueryHost' });
    expect(of('KVMHostInventory')).toEqual({ uuid: 'QueryHost' });
    expect(of('ChildOfNothingInventory')).toBeUndefined();
  });
});
