// `profile [list|add|remove|use]`: named server profiles (host, port, https, ca, insecure, account, confirm)
// kept in the config directory. Settings are written key=value, like API params; `profile` alone lists.
import { resolve } from 'node:path';
import { confirmPolicy, CONFIRM_POLICIES } from '../config/confirm-policy.js';
import { UsageError } from '../errors/cli-error.js';
export const PROFILE_KEYS = ['host', 'port', 'https', 'ca', 'insecure', 'account', 'confirm'];
/** Parses `host=10.0.0.1 port=8080 https=true ...`, or the usage error it is. The host defaults to localhost. */
export function parseProfileSettings(words, cwd) {
    const bad = (message, hint) => new UsageError(message, hint);
    const p = {};
    for (const w of words) {
        const eq = w.indexOf('=');
        const key = (eq > 0 ? w.slice(0, eq) : w);
        if (!PROFILE_KEYS.includes(key))
            return bad(`unknown profile setting '${key.slice(0, 80)}'`, `settings: ${PROFILE_KEYS.map((k) => `${k}=`).join(' ')}`);
        if (eq < 0)
            return bad(`write ${key}=<value>`);
        const v = w.slice(eq + 1);
        if (key === 'port') {
            const n = /^\d{1,5}$/.test(v) ? Number(v) : NaN;
            if (!Number.isInteger(n) || n < 1 || n > 65535)
                return bad(`port must be a number from 1 to 65535, got '${v.slice(0, 80)}'`);
            p.port = n;
        }
        else if (key === 'https' || key === 'insecure') {
            if (!/^(true|false)$/i.test(v))
                return bad(`${key} must be true or false, got '${v.slice(0, 80)}'`);
            p[key] = v.toLowerCase() === 'true';
        }
        else if (key === 'confirm') {
            const policy = confirmPolicy(v);
            if (!policy)
                return bad(`confirm must be ${CONFIRM_POLICIES.join(', ')}; got '${v.slice(0, 80)}'`);
            p.confirm = policy;
        }
        else if (key === 'ca') {
            p.ca = resolve(cwd, v);
        }
        else {
            if (v === '')
                return bad(`${key} needs a value`);
            p[key] = v;
        }
    }
    if (p.host === undefined)
        p.host = 'localhost';
    return p;
}
async function store(ctx) {
    const { openProfiles } = await import('../config/profiles.js');
    const { configFiles } = await import('../config/config-files.js');
    return openProfiles(ctx.home, configFiles({ me: ctx.io.identity, warn: (line) => ctx.err(line) }));
}
async function list(ctx) {
    const data = (await store(ctx)).data();
    const names = Object.keys(data.profiles).sort();
    if (names.length === 0) {
        ctx.out('No profiles. Add one: profile add <name> host=<address> [port=8080] [https=true]');
        return 0;
    }
    for (const n of names) {
        const p = data.profiles[n];
        const where = `${p.https ? 'https' : 'http'}://${p.host}:${p.port ?? 8080}`;
        const settings = [p.account ? `account=${p.account}` : '', p.confirm ? `confirm=${p.confirm}` : ''].filter(Boolean);
        ctx.out(`${n === data.default ? '*' : ' '} ${n}\t${where}${settings.map((x) => `\t${x}`).join('')}`);
    }
    return 0;
}
async function add(ctx) {
    const [name, ...rest] = ctx.args;
    const p = parseProfileSettings(rest, ctx.io.cwd);
    if (p instanceof UsageError)
        throw p;
    (await store(ctx)).set(name, p);
    ctx.out(`Saved profile ${name}. Use it with --profile ${name} or make it the default: profile use ${name}`);
    return 0;
}
async function remove(ctx) {
    const name = ctx.args[0];
    if (!(await store(ctx)).remove(name))
        throw new UsageError(`no profile named ${name}`, 'profile list shows them');
    ctx.out(`Removed profile ${name}.`);
    return 0;
}
async function use(ctx) {
    const name = ctx.args[0];
    (await store(ctx)).setDefault(name === 'none' ? undefined : name);
    const later = ctx.front === 'shell' ? ' (for commands started from now on; this shell keeps its server)' : '';
    ctx.out(name === 'none' ? `No default profile${later}.` : `Default profile: ${name}${later}.`);
    return 0;
}
const SETTINGS = PROFILE_KEYS.map((k) => `${k}=`);
export const profileCommand = {
    name: 'profile',
    summary: 'server profiles: list, add, remove, use (profile alone lists)',
    where: 'both',
    run: list,
    subcommands: [
        { name: 'list', summary: 'list the profiles (* marks the default)', where: 'both', run: list },
        {
            name: 'add',
            summary: 'save a profile: profile add <name> host=... [port=] [https=] [ca=] [insecure=] [account=] [confirm=destructive|always|never]',
            where: 'both',
            args: [
                { name: 'name', description: 'letters, digits, . _ -', required: true },
                { name: 'settings', description: 'key=value: host, port, https, ca, insecure, account, confirm', variadic: true, kind: 'choices', choices: SETTINGS },
            ],
            run: add,
        },
        {
            name: 'remove',
            summary: 'delete a profile',
            where: 'both',
            args: [{ name: 'name', description: 'the profile', required: true, kind: 'profile' }],
            run: remove,
        },
        {
            name: 'use',
            summary: 'make a profile the default (none: no default)',
            where: 'both',
            args: [{ name: 'name', description: 'the profile, or none', required: true, kind: 'profile', choices: ['none'] }],
            run: use,
        },
    ],
};
