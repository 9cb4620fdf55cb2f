import { toJsonText } from './json-text.js';
import { API_ROOT } from './request.js';
import { isSecretKey, secretTagValueStart } from './secrets.js';
export const HIDDEN = '<hidden>';
/** The request as it may be shown: `showSecrets` gives it unchanged. */
export function shownRequest(req, showSecrets) {
    if (showSecrets)
        return { pathAndQuery: req.pathAndQuery, body: req.body, bodyText: req.bodyText };
    const body = req.body ? hideValue(req.body) : null;
    return { pathAndQuery: hidePathAndQuery(req.api, req.pathAndQuery), body, bodyText: body ? toJsonText(body) : null };
}
function isPlainObject(v) {
    return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}
function hideString(s) {
    const at = secretTagValueStart(s);
    return at < 0 ? s : `${s.slice(0, at)}${HIDDEN}`;
}
/** A copy with secret keys' values and secret tags hidden, at any depth (maps and objects too). */
function hideValue(v) {
    if (typeof v === 'string')
        return hideString(v);
    if (Array.isArray(v))
        return v.map(hideValue);
    if (!isPlainObject(v))
        return v;
    const out = {};
    for (const [k, x] of Object.entries(v))
        out[k] = isSecretKey(k) && x !== null && x !== undefined ? HIDDEN : hideValue(x);
    return out;
}
function decode(s) {
    try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
    }
    catch {
        return s;
    }
}
function hidePathAndQuery(api, pathAndQuery) {
    const q = pathAndQuery.indexOf('?');
    const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
    const query = q < 0 ? undefined : pathAndQuery.slice(q + 1);
    return `${hidePath(api, path)}${query === undefined ? '' : `?${query.split('&').map(hidePair).join('&')}`}`;
}
/** Path variables with secret names (LogOut's `{sessionUuid}`), found through the template the path came from. */
function hidePath(api, path) {
    const segs = path.split('/');
    for (const template of [api.path, ...(api.optionalPaths ?? [])]) {
        const t = `${API_ROOT}${template}`.split('/');
        if (t.length !== segs.length)
            continue;
        const vars = t.map((s) => /^\{([^}]+)\}$/.exec(s)?.[1]);
        if (!t.every((s, i) => vars[i] !== undefined || s === segs[i]))
            continue;
        return segs.map((s, i) => (vars[i] !== undefined && isSecretKey(vars[i]) ? HIDDEN : s)).join('/');
    }
    return path;
}
/** One `k=v` of a query string: a secret param, a tag carrying a secret, a query condition on either. */
function hidePair(pair) {
    const eq = pair.indexOf('=');
    if (eq < 0)
        return pair;
    const rawKey = pair.slice(0, eq);
    const key = decode(rawKey);
    const value = decode(pair.slice(eq + 1));
    if (isSecretKey(key))
        return `${rawKey}=${HIDDEN}`;
    const cond = key === 'q' ? /^[A-Za-z0-9_.]+(?:!\?=|!~=|!=|>=|<=|\?=|~=|=|>|<)/.exec(value) : null;
    const head = cond ? cond[0] : '';
    const rest = value.slice(head.length);
    if (cond && isSecretKey(/^[A-Za-z0-9_.]+/.exec(head)[0]))
        return `${rawKey}=${encodeURIComponent(head)}${HIDDEN}`;
    const hidden = hideString(rest);
    return hidden === rest ? pair : `${rawKey}=${encodeURIComponent(head)}${hidden}`;
}
