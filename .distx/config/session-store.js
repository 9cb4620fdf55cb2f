// Session store: session uuids per server (host:port) and account in a 0600 JSON file shared by every
// process. Each change is a read-modify-write under the file's lock with an atomic write (config-files.ts),
// so parallel logins all keep their sessions and a kill -9 never leaves a broken file.
import { join } from 'node:path';
export const SESSION_FILE = 'sessions.json';
/** Sessions kept between processes. Reads are lock-free (writes are atomic); changes merge under the lock. */
export class SessionStore {
    path;
    files;
    now;
    constructor(opts) {
        this.path = join(opts.dir, SESSION_FILE);
        this.files = opts.files;
        this.now = opts.now ?? (() => new Date());
    }
    /** Fails now (one line, exit 2) when the file or its directory could not be read or written later. */
    check() {
        this.files.check(this.path);
    }
    /** The session last logged in (or selected) on this server, for requests and the prompt. */
    async current(server) {
        const s = (await this.read()).servers[server];
        if (!s?.current)
            return undefined;
        const a = s.accounts[s.current];
        return a ? { server, account: s.current, uuid: a.uuid, savedAt: a.savedAt } : undefined;
    }
    /** The session of one account on a server. */
    async get(server, account) {
        const a = (await this.read()).servers[server]?.accounts[account];
        return a ? { server, account, uuid: a.uuid, savedAt: a.savedAt } : undefined;
    }
    /** Every stored session, optionally of one server. */
    async list(server) {
        const data = await this.read();
        const out = [];
        for (const [srv, s] of Object.entries(data.servers)) {
            if (server !== undefined && srv !== server)
                continue;
            for (const [account, a] of Object.entries(s.accounts))
                out.push({ server: srv, account, uuid: a.uuid, savedAt: a.savedAt });
        }
        return out;
    }
    /** Remembers a login and makes it the server's current session. */
    async save(server, account, uuid) {
        await this.update((data) => {
            const s = (data.servers[server] ??= { accounts: {} });
            s.accounts[account] = { uuid, savedAt: this.now().toISOString() };
            s.current = account;
        });
    }
    /** Makes a stored account the current one; false when it has no session there. */
    async use(server, account) {
        let found = false;
        await this.update((data) => {
            const s = data.servers[server];
            found = s?.accounts[account] !== undefined;
            if (s && found)
                s.current = account;
            return found;
        });
        return found;
    }
    /** Drops a session uuid (after LogOut or ID.1001); the server then has no current session. */
    async forget(server, uuid) {
        const has = (d) => Object.values(d.servers[server]?.accounts ?? {}).some((a) => a.uuid === uuid);
        if (!has(await this.read()))
            return;
        await this.update((d) => {
            const srv = d.servers[server];
            if (!srv || !has(d))
                return false;
            for (const [account, a] of Object.entries(srv.accounts)) {
                if (a.uuid !== uuid)
                    continue;
                delete srv.accounts[account];
                if (srv.current === account)
                    delete srv.current;
            }
            if (Object.keys(srv.accounts).length === 0)
                delete d.servers[server];
            return true;
        });
    }
    async read() {
        const text = this.files.read(this.path);
        return text === undefined ? empty() : sanitize(text);
    }
    /** Edits the file as it is now, under its lock; `edit` returns false to leave it unchanged. */
    async update(edit) {
        this.files.update(this.path, (text) => {
            const data = text === undefined ? empty() : sanitize(text);
            return edit(data) === false ? undefined : `${JSON.stringify(data, null, 2)}\n`;
        });
    }
}
function empty() {
    return { version: 1, servers: {} };
}
/** Reads the file leniently: a corrupt or foreign file counts as empty, bad entries are dropped. */
function sanitize(text) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        return empty();
    }
    const out = empty();
    const servers = isRecord(raw) && isRecord(raw.servers) ? raw.servers : {};
    for (const [srv, s] of Object.entries(servers)) {
        if (!isRecord(s) || !isRecord(s.accounts))
            continue;
        const accounts = {};
        for (const [account, a] of Object.entries(s.accounts)) {
            if (isRecord(a) && typeof a.uuid === 'string')
                accounts[account] = { uuid: a.uuid, savedAt: typeof a.savedAt === 'string' ? a.savedAt : '' };
        }
        const current = typeof s.current === 'string' && accounts[s.current] ? s.current : undefined;
        out.servers[srv] = current ? { current, accounts } : { accounts };
    }
    return out;
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Binds the store to one server as the executor's session provider. */
export function storeSessionProvider(store, server, opts = {}) {
    let explicit = opts.explicit;
    let account = opts.account;
    return {
        async current() {
            if (explicit)
                return { uuid: explicit };
            const s = account ? await store.get(server, account) : await store.current(server);
            return s ? { uuid: s.uuid, account: s.account } : undefined;
        },
        async loggedIn(name, uuid) {
            // A fresh login wins over an explicit session and a pinned account for the rest of this process.
            explicit = undefined;
            account = name;
            await store.save(server, name, uuid);
        },
        async forget(uuid) {
            if (explicit === uuid)
                explicit = undefined;
            await store.forget(server, uuid);
        },
    };
}
/** The prompt label, e.g. `admin@10.0.0.1` (the port is shown when it is not 8080). */
export function promptLabel(account, host, port) {
    const where = port === 8080 ? host : `${host}:${port}`;
    return account ? `${account}@${where}` : where;
}
