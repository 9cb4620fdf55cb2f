// What a user (a LogInByUser session) may call: the statements of the policies attached to the user and to its
// groups. A Deny that matches refuses; else an Allow that matches admits; else only read APIs (Query*, Get*) pass.
// An action is `<category>:<API message>` as ZStack writes them (`identity:APIUpdateUserMsg`); the message part may use
// `*` wildcards, and then the category must appear in the API name (`vm:*` matches APIs with `Vm` in their name).
import type { Store } from '../store/store.js';
import type { Row } from '../store/table.js';

export interface Statement {
  name?: string;
  effect: 'Allow' | 'Deny';
  actions: string[];
}

function isStatement(v: unknown): v is Statement {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (s.effect === 'Allow' || s.effect === 'Deny') && Array.isArray(s.actions) && s.actions.every((a) => typeof a === 'string');
}

/** The statements of a CreatePolicy call, checked; a message naming the first bad one otherwise. */
export function parseStatements(value: unknown): Statement[] | string {
  if (!Array.isArray(value) || value.length === 0) return 'statements must be a non-empty list of {"effect": "Allow"|"Deny", "actions": ["category:APIXxxMsg", ...]}';
  const bad = value.findIndex((s) => !isStatement(s));
  return bad >= 0 ? `statement ${bad} needs an effect (Allow or Deny) and a list of actions` : (value as Statement[]);
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

export function actionMatches(action: string, api: string): boolean {
  const at = action.lastIndexOf(':');
  const category = at >= 0 ? action.slice(0, at) : '*';
  const message = at >= 0 ? action.slice(at + 1) : action;
  const msg = `API${api}Msg`;
  if (!message.includes('*')) return message === msg || message === api;
  return globToRegExp(message).test(msg) && (category === '*' || api.toLowerCase().includes(category.toLowerCase()));
}

/** The statements that apply to a user: its own policies' and its groups' policies'. */
function statementsOf(store: Store, userUuid: string): Statement[] {
  const policyUuids = new Set<unknown>(store.find('UserPolicyRefInventory', 'userUuid', userUuid).map((r) => r.policyUuid));
  for (const g of store.find('UserGroupUserRefInventory', 'userUuid', userUuid)) {
    for (const r of store.find('UserGroupPolicyRefInventory', 'groupUuid', g.groupUuid)) policyUuids.add(r.policyUuid);
  }
  return [...policyUuids].flatMap((u) => {
    const policy: Row | undefined = store.get('PolicyInventory', String(u));
    return Array.isArray(policy?.statements) ? (policy.statements as unknown[]).filter(isStatement) : [];
  });
}

/** Why a user may not call `api`, or undefined when it may. */
export function userRefusal(store: Store, userUuid: string, api: string): string | undefined {
  const statements = statementsOf(store, userUuid);
  const matching = (effect: Statement['effect']): Statement | undefined => statements.find((s) => s.effect === effect && s.actions.some((a) => actionMatches(a, api)));
  const deny = matching('Deny');
  if (deny) return `the policy statement[${deny.name ?? 'unnamed'}] denies API[API${api}Msg] to user[uuid:${userUuid}]`;
  if (matching('Allow') || /^(Query|Get)/.test(api)) return undefined;
  return `no policy of user[uuid:${userUuid}] allows API[API${api}Msg]; attach a policy with an Allow statement for it`;
}
