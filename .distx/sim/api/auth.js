// Login (account and user), logout and session validation.
import { formatDate } from '../query/dates.js';
import { samePassword } from '../model/accounts.js';
import { ApiError, Codes } from './errors.js';
export function sessionInventory(s) {
    return {
        uuid: s.uuid,
        accountUuid: s.accountUuid,
        userUuid: s.userUuid,
        userType: s.userType,
        expiredDate: formatDate(s.expiredDate),
        createDate: formatDate(s.createDate),
    };
}
function badCredentials() {
    return new ApiError(Codes.BAD_CREDENTIALS, 'wrong account or user name or password');
}
const logInByAccount = (call) => {
    const account = call.store.find('AccountInventory', 'name', call.need('accountName'))[0];
    if (!account || !samePassword(account, call.need('password')))
        throw badCredentials();
    const s = call.env.sessions.create(String(account.uuid), String(account.uuid), 'Account');
    return { inventory: call.typed(sessionInventory(s), 'SessionInventory') };
};
const logInByUser = (call) => {
    let accountUuid = call.str('accountUuid');
    const accountName = call.str('accountName');
    if (!accountUuid && accountName)
        accountUuid = String(call.store.find('AccountInventory', 'name', accountName)[0]?.uuid ?? '');
    const users = call.store.find('UserInventory', 'name', call.need('userName')).filter((u) => !accountUuid || u.accountUuid === accountUuid);
    const user = users.find((u) => samePassword(u, call.need('password')));
    if (!user)
        throw badCredentials();
    const s = call.env.sessions.create(String(user.accountUuid), String(user.uuid), 'User');
    return { inventory: call.typed(sessionInventory(s), 'SessionInventory') };
};
export const authHandlers = {
    LogInByAccount: logInByAccount,
    LogInByUser: logInByUser,
    LogOut: (call) => {
        const uuid = call.str('sessionUuid');
        if (uuid)
            call.env.sessions.remove(uuid);
        return {};
    },
    ValidateSession: (call) => ({ valid: call.env.sessions.peek(call.need('sessionUuid')) !== undefined }),
};
