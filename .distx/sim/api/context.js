import { voOfInventory } from '../store/kinds.js';
import { ADMIN_ACCOUNT_UUID } from '../model/accounts.js';
import { invalidArgument, notFound } from './errors.js';
/**
 * An async API's second half: runs when the job's delay is over and gives the job result. The first half (the handler
 * itself) validates and moves resources into transitional states; throwing in either half fails the job.
 */
export class Later {
    finish;
    constructor(finish) {
        this.finish = finish;
    }
}
/** A query's answer: rendered while it is written to the socket (http/stream.ts), never built as one object. */
export class QueryReply {
    answer;
    constructor(answer) {
        this.answer = answer;
    }
}
export class Call {
    env;
    api;
    params;
    systemTags;
    userTags;
    query;
    session;
    constructor(env, api, params, systemTags, userTags, 
    /** The raw query string (query APIs read conditions from it). */
    query, session) {
        this.env = env;
        this.api = api;
        this.params = params;
        this.systemTags = systemTags;
        this.userTags = userTags;
        this.query = query;
        this.session = session;
    }
    get store() {
        return this.env.store;
    }
    /** The calling account (the admin for APIs that need no session). */
    get accountUuid() {
        return this.session?.accountUuid ?? ADMIN_ACCOUNT_UUID;
    }
    /** For queries: the rows the calling account may see (undefined: all). */
    visibleRows() {
        return this.session ? this.env.access.visibleRows(this.session.accountUuid) : undefined;
    }
    now() {
        return this.env.store.now();
    }
    str(name) {
        const v = this.params[name];
        return typeof v === 'string' ? v : undefined;
    }
    /** A string param the handler cannot do without (validation has usually caught its absence already). */
    need(name) {
        const v = this.str(name);
        if (v === undefined || v === '')
            throw invalidArgument(`field[${name}] is mandatory, can not be null`);
        return v;
    }
    num(name) {
        const v = this.params[name];
        return typeof v === 'number' ? v : undefined;
    }
    bool(name) {
        const v = this.params[name];
        return typeof v === 'boolean' ? v : undefined;
    }
    list(name) {
        const v = this.params[name];
        return Array.isArray(v) ? v.map(String) : undefined;
    }
    /** The uuid for a new resource: `resourceUuid` when the caller chose one, else a fresh one. */
    newUuid() {
        const chosen = this.str('resourceUuid');
        if (chosen) {
            if (!/^[0-9a-f]{32}$/.test(chosen))
                throw invalidArgument(`resourceUuid[${chosen}] is not a valid uuid (32 lowercase hex)`);
            if (this.store.hasUuid(chosen))
                throw invalidArgument(`resourceUuid[${chosen}] is already used by another resource`);
            return chosen;
        }
        return this.store.ids.uuid();
    }
    /** The row or SYS.1003. */
    must(inventory, uuid) {
        const row = this.store.get(inventory, uuid);
        if (!row)
            throw notFound(voOfInventory(inventory), uuid);
        return row;
    }
    /** Marks an object a handler built itself (not by rendering a row) as being of `kind`, for the reply's schema. */
    typed(obj, kind) {
        return this.env.schema.note(obj, kind);
    }
    render(inventory, row) {
        return this.env.renderer.render(inventory, row);
    }
    /** `{inventory: <fresh render of the row>}`, re-read by uuid so it reflects the latest state. */
    inventory(inventory, uuid) {
        return { inventory: this.render(inventory, this.must(inventory, uuid)) };
    }
}
