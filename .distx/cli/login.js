import { syntheticCommand } from '../parse/build.js';
/** LogInByAccount, or LogInByUser for `account/user` (how the session store names users). */
export function loginCommand(account, password) {
    const slash = account.indexOf('/');
    if (slash > 0) {
        return syntheticCommand('LogInByUser', { accountName: account.slice(0, slash), userName: account.slice(slash + 1), password });
    }
    return syntheticCommand('LogInByAccount', { accountName: account, password });
}
