function isStatement(v) {
    if (typeof v !== 'object' || v === null)
        return false;
    const s = v;
    return (s.effect === 'Allow' || s.effect === 'Deny') && Array.isArray(s.actions) && s.actions.every((a) => typeof a === 'string');
}
/** The statements of a CreatePolicy call, checked; a message naming the first bad one otherwise. */
export function parseStatements(value) {
    if (!Array.isArray(value) || value.length === 0)
        return 'statements must be a non-empty list of {"effect": "Allow"|"Deny", "actions": ["category:APIXxxMsg", ...]}';
    const bad = value.findIndex((s) => !isStatement(s));
    return bad >= 0 ? `statement ${bad} needs an effect (Allow or Deny) and a list of actions` : value;
}
function globToRegExp(glob) {
    return new RegExp(`^${glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}
export function actionMatches(action, api) {
    const at = action.lastIndexOf(':');
    const category = at >= 0 ? action.slice(0, at) : '*';
    const message = at >= 0 ? action.slice(at + 1) : action;
    const msg = `API${api}Msg`;
    if (!message.includes('*'))
        return message === msg || message === api;
    return globToRegExp(message).test(msg) && (category === '*' || api.toLowerCase().includes(category.toLowerCase()));
}
/** The statements that apply to a user: its own policies' and its groups' policies'. */
function statementsOf(store, userUuid) {
    const policyUuids = new Set(store.find('UserPolicyRefInventory', 'userUuid', userUuid).map((r) => r.policyUuid));
    for (const g of store.find('UserGroupUserRefInventory', 'userUuid', userUuid)) {
        for (const r of store.find('UserGroupPolicyRefInventory', 'groupUuid', g.groupUuid))
            policyUuids.add(r.policyUuid);
    }
    return [...policyUuids].flatMap((u) => {
        const policy = store.get('PolicyInventory', String(u));
        return Array.isArray(policy?.statements) ? policy.statements.filter(isStatement) : [];
    });
}
/** Why a user may not call `api`, or undefined when it may. */
export function userRefusal(store, userUuid, api) {
    const statements = statementsOf(store, userUuid);
    const matching = (effect) => statements.find((s) => s.effect === effect && s.actions.some((a) => actionMatches(a, api)));
    const deny = matching('Deny');
    if (deny)
        return `the policy statement[${deny.name ?? 'unnamed'}] denies API[API${api}Msg] to user[uuid:${userUuid}]`;
    if (matching('Allow') || /^(Query|Get)/.test(api))
        return undefined;
    return `no policy of user[uuid:${userUuid}] allows API[API${api}Msg]; attach a policy with an Allow statement for it`;
}
