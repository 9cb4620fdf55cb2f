// AST + registry -> the exact HTTP request ZStack expects (method, path with vars, query string,
// wrapped JSON body), after validating every token. Pure: no IO, no clock.
import { createHash } from 'node:crypto';
import { capReports, clip, MAX_REPORTS, quoted } from '../parse/echo.js';
import { replacementOf } from '../schema/replaced.js';
import { nonPlainFieldErrors } from './columns.js';
import { planCondition, selectableFields } from './conditions.js';
import { didYouMean, planError } from './errors.js';
import { ExactLong, toJsonText } from './json-text.js';
import { API_ROOT } from './request.js';
import { convertValue } from './values.js';
/** Query params that are not conditions; everything else on a query API is a condition. */
const QUERY_PARAM_NAMES = new Set(['limit', 'start', 'count', 'replyWithCount', 'sortBy', 'sortDirection', 'fields', 'groupBy', 'filterName']);
const TAG_PARAMS = new Set(['systemTags', 'userTags']);
export function sha512Hex(text) {
    return createHash('sha512').update(text, 'utf8').digest('hex');
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/**
 * Query-component encoding; commas stay readable (`fields=uuid,name`), as servers read them literally.
 * A lone surrogate (possible from a JSON `\ud800` escape) has no UTF-8 form: it is sent as U+FFFD, as
 * any UTF-8 encoder would, instead of making encodeURIComponent throw.
 */
function enc(s) {
    return encodeURIComponent(s.replace(LONE_SURROGATE, '\ufffd')).replace(/%2C/g, ',');
}
/** Looks up the API of a command, with a did-you-mean error when it is unknown. */
export function resolveApi(reg, cmd) {
    const api = reg.api(cmd.name);
    if (api)
        return { ok: true, api };
    const replaced = replacementOf(cmd.name);
    if (replaced) {
        return { ok: false, error: planError(`${cmd.name} is a ZStack 3.0 API that 5.2 does not have`, `use ${replaced.api}: ${replaced.note}`, cmd.nameSpan) };
    }
    return { ok: false, error: planError(`unknown API ${quoted(cmd.name)}`, didYouMean(reg.suggestApis(cmd.name)) ?? 'type help to list APIs', cmd.nameSpan) };
}
export function planCommand(reg, cmd) {
    const found = resolveApi(reg, cmd);
    if (!found.ok)
        return { ok: false, errors: [found.error] };
    const api = found.api;
    return api.query ? planQuery(reg, api, cmd) : planAction(reg, api, cmd);
}
function collectParam(reg, api, arg, into) {
    const param = reg.param(api, arg.key);
    if (!param) {
        // Past the errors that will be shown, skip the search for close names.
        const close = into.errors.length < MAX_REPORTS ? didYouMean(reg.suggestParams(api, arg.key)) : undefined;
        into.errors.push(planError(`unknown param ${quoted(arg.key)} for ${api.name}`, close ?? `see: help ${api.name}`, arg.keySpan));
        return;
    }
    if (arg.op !== '=') {
        into.errors.push(planError(`${quoted(`${arg.key}${arg.op ?? ''}`)} needs '=': only query conditions take other operators`, `write ${param.name}=<value>`, arg.opSpan ?? arg.span));
        return;
    }
    const repeated = into.seen.has(param);
    into.seen.add(param);
    if (repeated) {
        into.errors.push(planError(`param '${param.name}' is given twice`, 'give each param once (lists are comma-separated: a,b)', arg.span));
        return;
    }
    const c = convertValue(param, arg);
    if (!c.ok) {
        into.errors.push(planError(c.message, c.hint, arg.valueSpan));
        return;
    }
    into.values.set(param, param.hashed && typeof c.value === 'string' ? sha512Hex(c.value) : c.value);
}
function missingRequired(api, given, cmd) {
    return api.params
        .filter((p) => p.required && !given.has(p))
        .map((p) => planError(`missing required param '${p.name}' for ${api.name}`, `add ${p.name}=<${p.type}>`, { start: cmd.span.end, end: cmd.span.end }));
}
const PATH_VAR = /\{([^}]+)\}/g;
function pathVars(template) {
    return [...template.matchAll(PATH_VAR)].map((m) => m[1]);
}
/**
 * The path template to use: the main one, or an optional one (`/images/volumes/{volumeUuid}/...`)
 * when all its variables are given and it names more of them. The server routes every one of them.
 */
function choosePath(api, given) {
    let best = api.path;
    let bestVars = pathVars(api.path).every(given) ? pathVars(api.path).length : -1;
    for (const alt of api.optionalPaths ?? []) {
        const vars = pathVars(alt);
        if (vars.every(given) && vars.length > bestVars) {
            best = alt;
            bestVars = vars.length;
        }
    }
    return best;
}
function fillPath(template, api, c) {
    const { values, errors } = c;
    return template.replace(PATH_VAR, (_m, name) => {
        const p = api.params.find((x) => x.name === name);
        const v = p ? values.get(p) : undefined;
        if (v === undefined || v === '') {
            if (p && values.has(p))
                errors.push(planError(`param '${name}' must not be empty: it goes in the URL`, `give ${name}=<value>`));
            // Not given (a required one is already reported missing, an invalid one refused): no URL without it.
            else if (!p || !(p.required || c.seen.has(p)))
                errors.push(planError(`missing param '${name}' for ${api.name}: it goes in the URL`, `add ${name}=<${p?.type ?? 'string'}>`));
            return `{${name}}`;
        }
        if (v === '.' || v === '..') {
            // A dot segment would be resolved away by the server, sending the call to another path.
            errors.push(planError(`param '${name}' cannot be '${String(v)}': it goes in the URL`));
            return `{${name}}`;
        }
        return enc(String(v));
    });
}
/** A value as query-string text: strings as they are, exact longs by their digits, structures as JSON. */
function queryText(v) {
    if (typeof v === 'string')
        return v;
    if (v instanceof ExactLong)
        return v.digits;
    if (v !== null && typeof v === 'object')
        return toJsonText(v);
    return String(v);
}
function queryPairs(params) {
    const out = [];
    for (const [k, v] of params) {
        if (Array.isArray(v))
            for (const item of v)
                out.push(`${enc(k)}=${enc(queryText(item))}`);
        else
            out.push(`${enc(k)}=${enc(queryText(v))}`);
    }
    return out;
}
function capped(errors) {
    return capReports(errors, (n) => planError(`${n} more problems not shown`, 'fix the ones above first'));
}
function planAction(reg, api, cmd) {
    const c = { values: new Map(), seen: new Set(), errors: [] };
    for (const arg of cmd.args)
        collectParam(reg, api, arg, c);
    c.errors.push(...missingRequired(api, c.seen, cmd));
    const givenNames = new Set([...c.values].filter(([, v]) => v !== '' && v !== undefined).map(([p]) => p.name));
    const template = choosePath(api, (n) => givenNames.has(n));
    const inPath = new Set(pathVars(template));
    const path = fillPath(template, api, c);
    const bodyMethod = api.method === 'POST' || api.method === 'PUT';
    if (!bodyMethod) {
        // ZStack's SDK refuses maps in a query string too: there is no encoding the server reads.
        for (const p of c.values.keys()) {
            if (!inPath.has(p.name) && p.type === 'map')
                c.errors.push(planError(`${api.method} cannot carry the map param '${p.name}'`));
        }
    }
    if (c.errors.length)
        return { ok: false, errors: capped(c.errors) };
    let body = null;
    const query = [];
    if (bodyMethod) {
        const inner = {};
        const outer = {};
        for (const [p, v] of c.values) {
            if (inPath.has(p.name))
                continue;
            if (TAG_PARAMS.has(p.name))
                outer[p.name] = v;
            else
                inner[p.name] = v;
        }
        body = api.wrapper ? { [api.wrapper]: inner, ...outer } : { ...inner, ...outer };
    }
    else {
        for (const [p, v] of c.values)
            if (!inPath.has(p.name))
                query.push([p.name, v]);
    }
    const qs = queryPairs(query);
    return {
        ok: true,
        request: {
            method: api.method,
            pathAndQuery: `${API_ROOT}${path}${qs.length ? `?${qs.join('&')}` : ''}`,
            body,
            bodyText: body ? toJsonText(body) : null,
            api,
            warnings: [],
        },
    };
}
function planQuery(reg, api, cmd) {
    const inv = reg.inventoryOf(api);
    const errors = [];
    const warnings = [];
    const conds = [];
    const given = new Map();
    const selectable = inv ? selectableFields(inv) : [];
    for (const arg of cmd.args) {
        if (!arg.op) {
            errors.push(planError(`expected a condition or param, got ${quoted(arg.key)}`, `e.g. ${clip(arg.key)}=<value>`, arg.span));
            continue;
        }
        if (QUERY_PARAM_NAMES.has(arg.key) && arg.op === '=') {
            const param = reg.param(api, arg.key);
            if (given.has(arg.key)) {
                errors.push(planError(`param '${arg.key}' is given twice`, undefined, arg.span));
                continue;
            }
            const c = convertValue(param, arg);
            if (!c.ok) {
                errors.push(planError(c.message, c.hint, arg.valueSpan));
                continue;
            }
            if ((arg.key === 'limit' || arg.key === 'start') && c.value < 0) {
                errors.push(planError(`${arg.key} must not be negative`, undefined, arg.valueSpan));
                continue;
            }
            given.set(arg.key, { arg, value: c.value });
            continue;
        }
        if (!inv) {
            errors.push(planError(`${api.name} has no known inventory, so conditions cannot be checked or sent`, 'use params only (limit, start, count, fields ...)', arg.keySpan));
            continue;
        }
        // Past the errors that will be shown, skip the search for close names.
        const r = planCondition(reg, inv, api.name, arg, errors.length < MAX_REPORTS);
        if (!r.ok) {
            errors.push(r.error);
            continue;
        }
        conds.push(r.q);
        if (r.warning)
            warnings.push(r.warning);
    }
    const fieldCheck = (key, names) => {
        if (!inv || selectable.length === 0)
            return;
        const g = given.get(key);
        for (const n of names) {
            if (!selectable.includes(n)) {
                errors.push(planError(`${quoted(n)} is not a field of ${inv.name} (${key} takes plain fields only)`, didYouMean(reg.suggestFieldNames(inv, n)), g.arg.valueSpan));
            }
        }
        errors.push(...nonPlainFieldErrors(inv, key, names, g.arg.valueSpan));
    };
    const fields = given.get('fields')?.value;
    if (fields)
        fieldCheck('fields', fields);
    const sortBy = given.get('sortBy')?.value;
    if (sortBy !== undefined)
        fieldCheck('sortBy', [sortBy]);
    const groupBy = given.get('groupBy')?.value;
    if (groupBy !== undefined)
        fieldCheck('groupBy', [groupBy]);
    const dir = given.get('sortDirection');
    if (dir && sortBy === undefined)
        errors.push(planError('sortDirection needs sortBy', 'add sortBy=<field>', dir.arg.span));
    if (errors.length)
        return { ok: false, errors: capped(errors) };
    const parts = conds.map((q) => `q=${enc(q)}`);
    const add = (k, v) => {
        if (v !== undefined)
            parts.push(`${k}=${enc(String(v))}`);
    };
    add('limit', given.get('limit')?.value);
    add('start', given.get('start')?.value);
    add('count', given.get('count')?.value);
    add('replyWithCount', given.get('replyWithCount')?.value);
    if (sortBy !== undefined)
        add('sort', `${dir?.value === 'desc' ? '-' : '+'}${sortBy}`);
    if (fields && fields.length)
        add('fields', fields.join(','));
    add('groupBy', groupBy);
    add('filterName', given.get('filterName')?.value);
    return {
        ok: true,
        request: {
            method: 'GET',
            pathAndQuery: `${API_ROOT}${api.path}${parts.length ? `?${parts.join('&')}` : ''}`,
            body: null,
            bodyText: null,
            api,
            warnings,
        },
    };
}
